import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { generarArchivoInforme } from '../../../electron/informes';
import { HOJAS } from '../../../electron/informes/xlsx';
import { toBogota } from '../../../shared/domain/bogota';
import type { FigurasRevision } from '../../../shared/domain/revision';
import { NOMBRE_OBJETIVO } from '../../../shared/sugerencias';
import { nombreFuente, type CifrasDesempeno } from '../../../shared/sugerencias/desempeno';
import { aArchivo, filasDeHoja, leerXlsx } from './herramientas';
import { informeMuestra, informeVacio } from './muestra';

/** The Bogota civil time an Excel date must show, as the UTC fields exceljs reads back. */
function civil(ms: number): string {
  const c = toBogota(ms);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second)).toISOString();
}

function figuras(fila: Record<string, ExcelJS.CellValue>): FigurasRevision {
  for (const c of ['Radicados', 'Revisados', 'Errores de clasificación', 'Errores de direccionamiento', 'Tasa de error']) {
    expect(typeof fila[c], c).toBe('number');
  }
  return {
    radicados: fila.Radicados as number,
    revisados: fila.Revisados as number,
    erroresClasificacion: fila['Errores de clasificación'] as number,
    erroresDireccionamiento: fila['Errores de direccionamiento'] as number,
    tasaError: fila['Tasa de error'] as number,
  };
}

const soloFiguras = (f: FigurasRevision): FigurasRevision => ({
  radicados: f.radicados,
  revisados: f.revisados,
  erroresClasificacion: f.erroresClasificacion,
  erroresDireccionamiento: f.erroresDireccionamiento,
  tasaError: f.tasaError,
});

describe('informe semanal en XLSX', () => {
  const informe = informeMuestra();

  it('has one sheet per section, each with a bold frozen header, a filter and column widths', async () => {
    const archivo = await generarArchivoInforme(informe, 'xlsx');
    expect(archivo.nombre).toBe('informe-revision-2026-W47.xlsx');
    expect(archivo.tipoMime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    aArchivo(archivo.nombre, archivo.bytes);
    // A zip (PK), as Excel expects.
    expect(Buffer.from(archivo.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');

    const wb = await leerXlsx(archivo.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...HOJAS]);
    expect(HOJAS).toEqual([
      'Resumen',
      'Ventanillas',
      'Funcionarios',
      'Confusión tipos',
      'Direccionamiento',
      'Sugerencias',
      'Sugerencias equivocadas',
      'Observaciones',
      'Tendencia',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} ${c}`).toBeGreaterThan(5);
    }
    expect(wb.creator).toBe('Radica');
    expect(wb.lastModifiedBy).toBe('Carlos Ruiz');
  });

  it('writes real numbers, percent-formatted rates and real dates equal to the report', async () => {
    const wb = await leerXlsx((await generarArchivoInforme(informe, 'xlsx')).bytes);

    const resumen = new Map(filasDeHoja(wb.getWorksheet('Resumen')!).map((f) => [f.Concepto as string, f.Valor]));
    expect(resumen.get('Entidad')).toBe('Alcaldía de Ibagué');
    expect(resumen.get('Semana')).toBe('2026-W47');
    expect(resumen.get('Revisó')).toBe('Carlos Ruiz');
    expect(resumen.get('Radicados')).toBe(informe.totales.radicados);
    expect(resumen.get('Tasa de error')).toBe(informe.totales.tasaError);
    expect(resumen.get('Desde')).toBeInstanceOf(Date);
    expect((resumen.get('Desde') as Date).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect((resumen.get('Hasta') as Date).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect((resumen.get('Generado (hora de Bogotá)') as Date).toISOString()).toBe('2026-11-23T07:30:00.000Z');

    const ventanillas = wb.getWorksheet('Ventanillas')!;
    const vs = filasDeHoja(ventanillas);
    expect(vs.map((f) => ({ sede: f.Sede, ventanilla: f.Ventanilla, ...figuras(f) }))).toEqual(informe.ventanillas);
    const tasa = ventanillas.getRow(1).values as ExcelJS.CellValue[];
    const colTasa = tasa.indexOf('Tasa de error');
    expect(ventanillas.getRow(2).getCell(colTasa).numFmt).toBe('0.0%');

    const fs = filasDeHoja(wb.getWorksheet('Funcionarios')!);
    expect(fs.map((f) => ({ funcionario: f.Usuario, nombre: f.Nombre, sede: f.Sede, ventanilla: f.Ventanilla, ...figuras(f) }))).toEqual(informe.funcionarios);

    const confusion = filasDeHoja(wb.getWorksheet('Confusión tipos')!);
    expect(confusion.map((c) => ({ de: c['Tipo radicado (código)'], a: c['Tipo correcto (código)'], cantidad: c.Cantidad }))).toEqual(informe.confusion);
    for (const c of confusion) {
      expect(typeof c.Cantidad).toBe('number');
      expect(c['Tipo radicado']).toBe(informe.nombres.tipos[c['Tipo radicado (código)'] as string]);
    }
    const dir = filasDeHoja(wb.getWorksheet('Direccionamiento')!);
    expect(dir.map((c) => ({ de: c['Dependencia radicada (código)'], a: c['Dependencia correcta (código)'], cantidad: c.Cantidad }))).toEqual(
      informe.direccionamiento,
    );
    expect(dir[0]!['Dependencia correcta']).toBe(informe.nombres.dependencias[informe.direccionamiento[0]!.a]);

    const hojaObs = wb.getWorksheet('Observaciones')!;
    const obs = filasDeHoja(hojaObs);
    expect(obs).toHaveLength(informe.observaciones.length);
    obs.forEach((o, i) => {
      const e = informe.observaciones[i]!;
      expect(o.Radicado).toBe(e.numero);
      expect(o['Fecha de radicación']).toBeInstanceOf(Date);
      expect((o['Fecha de radicación'] as Date).toISOString()).toBe(civil(e.fechaHora));
      expect((o['Revisado el'] as Date).toISOString()).toBe(civil(e.revisadoEn));
      expect(o.Observación).toBe(e.observacion);
      expect(o['Tipo correcto']).toBe(e.tipoCorrecto);
      expect(o.Funcionario).toBe(e.nombre);
    });
    const colFecha = (hojaObs.getRow(1).values as ExcelJS.CellValue[]).indexOf('Fecha de radicación');
    expect(hojaObs.getRow(2).getCell(colFecha).numFmt).toBe('dd/mm/yyyy hh:mm');
    // The observation that looks like a formula stays text.
    expect(obs.some((o) => typeof o.Observación === 'string' && o.Observación.startsWith('- Falta el anexo'))).toBe(true);

    const hojaTend = wb.getWorksheet('Tendencia')!;
    const tend = filasDeHoja(hojaTend);
    expect(tend.map((p) => ({ semana: p.Semana, desde: (p.Desde as Date).toISOString().slice(0, 10), ...figuras(p) }))).toEqual(informe.tendencia);
    expect(hojaTend.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy');

    // The rows add up to the summary.
    const suma = vs.map(figuras).reduce((s, f) => s + f.radicados, 0);
    expect(suma).toBe(resumen.get('Radicados'));
    expect(soloFiguras(informe.tendencia.at(-1)!)).toEqual(informe.totales);
  });

  it('writes how the suggestions did as real counts and percent-formatted shares, and the wrong ones with their radicados', async () => {
    const wb = await leerXlsx((await generarArchivoInforme(informe, 'xlsx')).bytes);
    const hojaSug = wb.getWorksheet('Sugerencias')!;
    const sug = filasDeHoja(hojaSug);
    const esperadas = informe.sugerencias.objetivos.flatMap((o) => [
      ...o.fuentes.map((f) => ({ objetivo: NOMBRE_OBJETIVO[o.objetivo], fuente: nombreFuente(f), c: f as CifrasDesempeno })),
      { objetivo: NOMBRE_OBJETIVO[o.objetivo], fuente: 'Total', c: o.total },
    ]);
    expect(sug.map((f) => [f.Objetivo, f.Sugirió])).toEqual(esperadas.map((e) => [e.objetivo, e.fuente]));
    sug.forEach((f, i) => {
      const { c } = esperadas[i]!;
      expect(f.Sugeridas).toBe(c.sugeridas);
      expect(f.Aceptadas).toBe(c.aceptadas);
      expect(f.Acertadas).toBe(c.acertadas);
      expect(f['Acertadas / sugeridas']).toBeCloseTo(c.acertadas / c.sugeridas, 12);
      expect(f.Revisadas).toBe(c.revisadas);
      expect(f['Acertadas entre las revisadas']).toBe(c.acertadasRevisadas);
      expect(f['Aceptadas y corregidas en revisión']).toBe(c.corregidasTrasAceptar);
    });
    expect(sug.filter((f) => f.Sugirió === 'Frases del catálogo').map((f) => f['Modelo (clave)'])).toEqual(['frases']);
    const col = (hojaSug.getRow(1).values as ExcelJS.CellValue[]).indexOf('Acertadas / sugeridas');
    expect(hojaSug.getRow(2).getCell(col).numFmt).toBe('0.0%');
    // The totals are bold, the other rows not.
    const filaTotal = sug.findIndex((f) => f.Sugirió === 'Total') + 2;
    expect(hojaSug.getRow(filaTotal).font?.bold).toBe(true);
    expect(hojaSug.getRow(2).font?.bold).not.toBe(true);

    const mal = filasDeHoja(wb.getWorksheet('Sugerencias equivocadas')!);
    const confusiones = informe.sugerencias.objetivos.flatMap((o) => o.confusiones);
    expect(mal.map((f) => [f['Sugirió (código)'], f['Era (código)'], f.Veces])).toEqual(confusiones.map((c) => [c.sugerido, c.final, c.veces]));
    expect(mal[0]!['Radicados (los primeros)']).toBe(confusiones[0]!.numeros.join(', '));
    expect(mal[0]!.Sugirió).toBe(informe.nombres.tipos[confusiones[0]!.sugerido]);
  });

  it('writes an empty week as header-only sheets and says so in the summary', async () => {
    const wb = await leerXlsx((await generarArchivoInforme(informeVacio(), 'xlsx')).bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...HOJAS]);
    for (const n of ['Ventanillas', 'Funcionarios', 'Confusión tipos', 'Direccionamiento', 'Sugerencias', 'Sugerencias equivocadas', 'Observaciones']) {
      expect(filasDeHoja(wb.getWorksheet(n)!), n).toEqual([]);
    }
    const resumen = new Map(filasDeHoja(wb.getWorksheet('Resumen')!).map((f) => [f.Concepto as string, f.Valor]));
    expect(resumen.get('Radicados')).toBe(0);
    expect(resumen.get('Nota')).toBe('Sin radicados en la semana 2026-W47 (del 16/11/2026 al 22/11/2026).');
    expect(filasDeHoja(wb.getWorksheet('Tendencia')!)).toHaveLength(8);
  });
});
