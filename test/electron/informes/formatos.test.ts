import { describe, expect, it } from 'vitest';
import { generarArchivoInforme, nombreArchivo } from '../../../electron/informes';
import { entero, porcentaje } from '../../../electron/informes/formato';
import type { InformeSemanalJson } from '../../../electron/informes/json';
import type { FigurasRevision, FormatoInforme, InformeSemanal } from '../../../shared/domain/revision';
import { FORMATOS_INFORME } from '../../../shared/domain/revision';
import { aArchivo, filasDeHoja, leerCsv, leerXlsx, paginasDeTexto, re } from './herramientas';
import { informeMuestra } from './muestra';

const MIME: Record<FormatoInforme, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

describe('generarArchivoInforme', () => {
  const informe = informeMuestra();

  it('names each file by the week and gives its MIME type and bytes', async () => {
    for (const formato of FORMATOS_INFORME) {
      const a = await generarArchivoInforme(informe, formato);
      expect(a.nombre).toBe(`informe-revision-2026-W47.${formato}`);
      expect(a.tipoMime).toBe(MIME[formato]);
      expect(a.bytes).toBeInstanceOf(Uint8Array);
      expect(a.bytes.length).toBeGreaterThan(100);
    }
    expect(nombreArchivo('2027-W01', 'pdf')).toBe('informe-revision-2027-W01.pdf');
    await expect(generarArchivoInforme(informe, 'docx' as FormatoInforme)).rejects.toThrow(/pdf, xlsx, csv o json/);
  });

  it('writes the JSON as the report itself, pretty-printed, instants with Bogota’s offset', async () => {
    const a = await generarArchivoInforme(informe, 'json');
    const texto = Buffer.from(a.bytes).toString('utf8');
    expect(texto.startsWith('{\n  "semana": "2026-W47",')).toBe(true);
    const json = JSON.parse(texto) as InformeSemanalJson;
    expect(json.generadoEn).toBe('2026-11-23T07:30:00.000-05:00');
    for (const o of json.observaciones) {
      expect(o.fechaHora).toMatch(/-05:00$/);
      expect(o.revisadoEn).toMatch(/-05:00$/);
    }
    // Back to epoch milliseconds, it is the report.
    const deVuelta: InformeSemanal = {
      ...json,
      generadoEn: Date.parse(json.generadoEn),
      observaciones: json.observaciones.map((o) => ({ ...o, fechaHora: Date.parse(o.fechaHora), revisadoEn: Date.parse(o.revisadoEn) })),
    };
    expect(deVuelta).toEqual(informe);
  });

  it('gives the same totals and per-ventanilla figures in the four formats', async () => {
    const [pdf, xlsx, csv, json] = await Promise.all(FORMATOS_INFORME.map((f) => generarArchivoInforme(informe, f)));
    const esperado = informe.totales;

    const deJson = (JSON.parse(Buffer.from(json!.bytes).toString('utf8')) as InformeSemanalJson).totales;

    const csvFilas = leerCsv(csv!.bytes);
    const t = csvFilas.find((f) => f.seccion === 'total')!;
    const deCsv: FigurasRevision = {
      radicados: Number(t.radicados),
      revisados: Number(t.revisados),
      erroresClasificacion: Number(t.errores_clasificacion),
      erroresDireccionamiento: Number(t.errores_direccionamiento),
      tasaError: Number(t.tasa_error),
    };

    const wb = await leerXlsx(xlsx!.bytes);
    const resumen = new Map(filasDeHoja(wb.getWorksheet('Resumen')!).map((f) => [f.Concepto as string, f.Valor]));
    const deXlsx: FigurasRevision = {
      radicados: resumen.get('Radicados') as number,
      revisados: resumen.get('Revisados') as number,
      erroresClasificacion: resumen.get('Errores de clasificación') as number,
      erroresDireccionamiento: resumen.get('Errores de direccionamiento') as number,
      tasaError: resumen.get('Tasa de error') as number,
    };

    // The PDF's "Total" row of the per-ventanilla table, read back from the page text.
    const texto = paginasDeTexto(aArchivo('acuerdo.pdf', pdf!.bytes)).join('\n');
    const m = /^Total\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+,\d) %$/m.exec(texto);
    expect(m).not.toBeNull();
    const numero = (s: string) => Number(s.replace(/\./g, ''));
    const dePdf = {
      radicados: numero(m![1]!),
      revisados: numero(m![2]!),
      erroresClasificacion: numero(m![3]!),
      erroresDireccionamiento: numero(m![4]!),
      tasa: m![5]!,
    };

    expect(deJson).toEqual(esperado);
    expect(deCsv).toEqual(esperado);
    expect(deXlsx).toEqual(esperado);
    const { tasaError, ...conteos } = esperado;
    expect(dePdf).toEqual({ ...conteos, tasa: porcentaje(tasaError).replace(' %', '') });

    // And per ventanilla: the CSV rows, the sheet rows and the PDF lines hold the same numbers.
    const hoja = filasDeHoja(wb.getWorksheet('Ventanillas')!);
    for (const v of informe.ventanillas) {
      const c = csvFilas.find((f) => f.seccion === 'ventanilla' && f.sede === v.sede && f.ventanilla === v.ventanilla)!;
      const h = hoja.find((f) => f.Sede === v.sede && f.Ventanilla === v.ventanilla)!;
      expect([Number(c.radicados), Number(c.revisados), Number(c.tasa_error)]).toEqual([v.radicados, v.revisados, v.tasaError]);
      expect([h.Radicados, h.Revisados, h['Tasa de error']]).toEqual([v.radicados, v.revisados, v.tasaError]);
      expect(texto).toMatch(new RegExp(`^\\s*${re(v.sede)}\\s+${re(v.ventanilla)}\\s+${entero(v.radicados)}\\s+${entero(v.revisados)}\\s`, 'm'));
    }
  });
});
