import { describe, expect, it } from 'vitest';
import { generarArchivoInforme } from '../../../electron/informes';
import { COLUMNAS_CSV } from '../../../electron/informes/csv';
import { isoBogota } from '../../../shared/domain/bogota';
import type { FigurasRevision } from '../../../shared/domain/revision';
import type { CifrasDesempeno } from '../../../shared/sugerencias/desempeno';
import { leerCsv, type FilaCsvLeida } from './herramientas';
import { informeMuestra, informeVacio } from './muestra';

function figuras(f: FilaCsvLeida): FigurasRevision {
  for (const c of ['radicados', 'revisados', 'errores_clasificacion', 'errores_direccionamiento', 'tasa_error']) {
    // Plain numbers: digits and a decimal point, nothing locale-specific.
    expect(f[c], c).toMatch(/^\d+(\.\d+)?$/);
  }
  return {
    radicados: Number(f.radicados),
    revisados: Number(f.revisados),
    erroresClasificacion: Number(f.errores_clasificacion),
    erroresDireccionamiento: Number(f.errores_direccionamiento),
    tasaError: Number(f.tasa_error),
  };
}

describe('informe semanal en CSV', () => {
  const informe = informeMuestra();

  it('is UTF-8 with a BOM, comma-separated, CRLF, one table with a seccion column', async () => {
    const archivo = await generarArchivoInforme(informe, 'csv');
    expect(archivo.nombre).toBe('informe-revision-2026-W47.csv');
    expect(archivo.tipoMime).toBe('text/csv; charset=utf-8');
    expect([...archivo.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const texto = Buffer.from(archivo.bytes).toString('utf8');
    expect(texto.split('\r\n')[0]).toBe(`\ufeff${COLUMNAS_CSV.join(',')}`);
    expect(texto).toContain('Luz Ángela Bermúdez Ríos');

    const filas = leerCsv(archivo.bytes);
    expect(Object.keys(filas[0]!)).toEqual([...COLUMNAS_CSV]);
    const secciones = [...new Set(filas.map((f) => f.seccion))];
    expect(secciones).toEqual([
      'total',
      'ventanilla',
      'funcionario',
      'confusion',
      'direccionamiento',
      'sugerencia',
      'sugerencia_equivocada',
      'observacion',
      'tendencia',
    ]);
    // The columns of the first version keep their places.
    expect(COLUMNAS_CSV.slice(0, 27).at(-1)).toBe('revisado_en');
  });

  it('parses back to the figures of the report', async () => {
    const filas = leerCsv((await generarArchivoInforme(informe, 'csv')).bytes);
    const de = (s: string) => filas.filter((f) => f.seccion === s);

    const [total, ...otros] = de('total');
    expect(otros).toEqual([]);
    expect(figuras(total!)).toEqual(informe.totales);
    expect(total!.semana).toBe('2026-W47');
    expect(total!.desde).toBe('2026-11-16');

    expect(de('ventanilla').map((f) => ({ sede: f.sede, ventanilla: f.ventanilla, ...figuras(f) }))).toEqual(informe.ventanillas);
    expect(de('funcionario').map((f) => ({ funcionario: f.funcionario, nombre: f.nombre, sede: f.sede, ventanilla: f.ventanilla, ...figuras(f) }))).toEqual(
      informe.funcionarios,
    );
    expect(de('confusion').map((f) => ({ de: f.de, a: f.a, cantidad: Number(f.cantidad) }))).toEqual(informe.confusion);
    for (const f of de('confusion')) {
      expect(f.de_nombre).toBe(informe.nombres.tipos[f.de!]);
      expect(f.a_nombre).toBe(informe.nombres.tipos[f.a!]);
      expect(f.radicados).toBe('');
    }
    expect(de('direccionamiento').map((f) => ({ de: f.de, a: f.a, cantidad: Number(f.cantidad) }))).toEqual(informe.direccionamiento);
    expect(de('direccionamiento')[0]!.a_nombre).toBe(informe.nombres.dependencias[informe.direccionamiento[0]!.a]);

    const sug = de('sugerencia');
    const esperadas = informe.sugerencias.objetivos.flatMap((o) => [
      ...o.fuentes.map((f) => ({ objetivo: o.objetivo, modelo: f.modelo ?? 'frases', c: f as CifrasDesempeno })),
      { objetivo: o.objetivo, modelo: 'total', c: o.total },
    ]);
    expect(sug.map((f) => [f.objetivo, f.modelo])).toEqual(esperadas.map((e) => [e.objetivo, e.modelo]));
    sug.forEach((f, i) => {
      const { c } = esperadas[i]!;
      expect([f.sugeridas, f.aceptadas, f.acertadas, f.sugeridas_revisadas, f.acertadas_revisadas, f.corregidas_tras_aceptar].map(Number)).toEqual([
        c.sugeridas,
        c.aceptadas,
        c.acertadas,
        c.revisadas,
        c.acertadasRevisadas,
        c.corregidasTrasAceptar,
      ]);
      // Not the radicados' columns: a script summing 'radicados' over the file is not misled.
      expect(f.radicados).toBe('');
    });
    expect(sug.find((f) => f.modelo === '14')!.fuente).toBe('Esta estación, versión 3');
    const mal = de('sugerencia_equivocada');
    const confusiones = informe.sugerencias.objetivos.flatMap((o) => o.confusiones.map((c) => ({ objetivo: o.objetivo, ...c })));
    expect(mal.map((f) => [f.objetivo, f.de, f.a, Number(f.cantidad), f.numeros])).toEqual(
      confusiones.map((c) => [c.objetivo, c.sugerido, c.final, c.veces, c.numeros.join(' ')]),
    );

    const obs = de('observacion');
    expect(obs).toHaveLength(30);
    obs.forEach((f, i) => {
      const o = informe.observaciones[i]!;
      expect(f.numero).toBe(o.numero);
      expect(f.fecha_hora).toBe(isoBogota(o.fechaHora));
      expect(f.fecha_hora).toMatch(/^2026-11-\d\dT\d\d:\d\d:00\.000-05:00$/);
      expect(Date.parse(f.fecha_hora!)).toBe(o.fechaHora);
      expect(Date.parse(f.revisado_en!)).toBe(o.revisadoEn);
      expect(f.funcionario).toBe(o.funcionario);
      expect(f.veredicto).toBe(o.veredicto);
      expect(f.tipo_correcto).toBe(o.tipoCorrecto ?? '');
      expect(f.dependencia_correcta).toBe(o.dependenciaCorrecta ?? '');
      // Free text that a spreadsheet would run as a formula gets a leading apostrophe; the rest is verbatim,
      // quotes, commas, semicolons and line breaks included.
      expect(f.observacion).toBe(/^[=+\-@]/.test(o.observacion) ? `'${o.observacion}` : o.observacion);
    });
    expect(obs.some((f) => f.observacion!.startsWith("'- Falta el anexo"))).toBe(true);
    expect(obs.some((f) => f.observacion!.includes('\n1) paz y salvo predial; 2)'))).toBe(true);

    expect(de('tendencia').map((f) => ({ semana: f.semana, desde: f.desde, ...figuras(f) }))).toEqual(informe.tendencia);
  });

  it('writes an empty week as a zero total and the trend', async () => {
    const filas = leerCsv((await generarArchivoInforme(informeVacio(), 'csv')).bytes);
    // No suggestion rows either (not a table of zeros per model).
    expect(filas.map((f) => f.seccion)).toEqual(['total', ...Array(8).fill('tendencia')]);
    expect(figuras(filas[0]!)).toEqual({ radicados: 0, revisados: 0, erroresClasificacion: 0, erroresDireccionamiento: 0, tasaError: 0 });
  });
});
