/**
 * The weekly report as one CSV table for scripts: a first column `seccion` says what each row is
 * (total | ventanilla | funcionario | confusion | direccionamiento | sugerencia |
 * sugerencia_equivocada | observacion | tendencia), and every figure has its own column, empty
 * where it does not apply. The suggestions' columns come last, so older scripts that read columns
 * by position still find theirs.
 *
 * Dialect, chosen for programs rather than for double-clicking in Excel: comma separator, decimal
 * point, ISO 8601 dates ('YYYY-MM-DD', instants with Bogota's -05:00), the error rate as the
 * fraction 0…1 (the JSON's value), CRLF line ends and RFC 4180 quoting, UTF-8 with a BOM. Excel
 * in es-CO would want ';' and a decimal comma, but that dialect is misread by every other
 * reader (Python's csv, pandas, R, Power BI, the central database's COPY) and its numbers change
 * with the locale of whoever opens it; people working in Excel get the XLSX, with real numbers and
 * dates. The BOM makes Excel (and Data › From Text/CSV) read the accents as UTF-8; csv-parse drops
 * it with `bom: true`.
 *
 * A text that starts with = + - @ or a tab is written with a leading apostrophe, so a spreadsheet
 * that opens the file never runs it as a formula (observations are free text).
 */
import { stringify } from 'csv-stringify/sync';
import { isoBogota } from '../../shared/domain/bogota';
import type { Confusion, FigurasRevision, InformeSemanal } from '../../shared/domain/revision';
import { nombreFuente, type CifrasDesempeno } from '../../shared/sugerencias/desempeno';
import { nombreDependencia, nombreTipo } from './formato';

export const SECCIONES_CSV = [
  'total',
  'ventanilla',
  'funcionario',
  'confusion',
  'direccionamiento',
  'sugerencia',
  'sugerencia_equivocada',
  'observacion',
  'tendencia',
] as const;
export type SeccionCsv = (typeof SECCIONES_CSV)[number];

export const COLUMNAS_CSV = [
  'seccion',
  'semana',
  'desde',
  'sede',
  'ventanilla',
  'funcionario',
  'nombre',
  'radicados',
  'revisados',
  'errores_clasificacion',
  'errores_direccionamiento',
  'tasa_error',
  'de',
  'de_nombre',
  'a',
  'a_nombre',
  'cantidad',
  'numero',
  'fecha_hora',
  'veredicto',
  'tipo',
  'tipo_correcto',
  'dependencia',
  'dependencia_correcta',
  'observacion',
  'revisor',
  'revisado_en',
  /** 'tipo' | 'dependencia' */
  'objetivo',
  /** The model's key, 'frases' (the catalog's phrases) or 'total'. */
  'modelo',
  'fuente',
  'sugeridas',
  'aceptadas',
  'acertadas',
  'sugeridas_revisadas',
  'acertadas_revisadas',
  'corregidas_tras_aceptar',
  'numeros',
] as const;
type ColumnaCsv = (typeof COLUMNAS_CSV)[number];
type FilaCsv = Partial<Record<ColumnaCsv, string | number | null>>;

const FORMULA = /^[=+\-@\t\r]/;

function figuras(f: FigurasRevision): FilaCsv {
  return {
    radicados: f.radicados,
    revisados: f.revisados,
    errores_clasificacion: f.erroresClasificacion,
    errores_direccionamiento: f.erroresDireccionamiento,
    tasa_error: f.tasaError,
  };
}

export function informeACsv(informe: InformeSemanal): Buffer {
  const semana = { semana: informe.semana, desde: informe.desde };
  const filas: FilaCsv[] = [];
  const agregar = (seccion: SeccionCsv, fila: FilaCsv) => filas.push({ seccion, ...fila });

  agregar('total', { ...semana, ...figuras(informe.totales) });
  for (const v of informe.ventanillas) agregar('ventanilla', { ...semana, sede: v.sede, ventanilla: v.ventanilla, ...figuras(v) });
  for (const f of informe.funcionarios) {
    agregar('funcionario', { ...semana, sede: f.sede, ventanilla: f.ventanilla, funcionario: f.funcionario, nombre: f.nombre, ...figuras(f) });
  }
  const confusion = (seccion: SeccionCsv, c: Confusion, nombre: (codigo: string) => string) =>
    agregar(seccion, { ...semana, de: c.de, de_nombre: nombre(c.de), a: c.a, a_nombre: nombre(c.a), cantidad: c.cantidad });
  for (const c of informe.confusion) confusion('confusion', c, (x) => nombreTipo(informe, x));
  for (const c of informe.direccionamiento) confusion('direccionamiento', c, (x) => nombreDependencia(informe, x));
  for (const o of informe.sugerencias.objetivos) {
    const cifras = (c: CifrasDesempeno) => ({
      sugeridas: c.sugeridas,
      aceptadas: c.aceptadas,
      acertadas: c.acertadas,
      sugeridas_revisadas: c.revisadas,
      acertadas_revisadas: c.acertadasRevisadas,
      corregidas_tras_aceptar: c.corregidasTrasAceptar,
    });
    for (const f of o.fuentes) agregar('sugerencia', { ...semana, objetivo: o.objetivo, modelo: f.modelo ?? 'frases', fuente: nombreFuente(f), ...cifras(f) });
    if (o.fuentes.length) agregar('sugerencia', { ...semana, objetivo: o.objetivo, modelo: 'total', fuente: 'Total', ...cifras(o.total) });
  }
  for (const o of informe.sugerencias.objetivos) {
    for (const c of o.confusiones) {
      agregar('sugerencia_equivocada', {
        ...semana,
        objetivo: o.objetivo,
        de: c.sugerido,
        de_nombre: c.nombreSugerido,
        a: c.final,
        a_nombre: c.nombreFinal,
        cantidad: c.veces,
        numeros: c.numeros.join(' '),
      });
    }
  }
  for (const o of informe.observaciones) {
    agregar('observacion', {
      ...semana,
      sede: o.sede,
      ventanilla: o.ventanilla,
      funcionario: o.funcionario,
      nombre: o.nombre,
      numero: o.numero,
      fecha_hora: isoBogota(o.fechaHora),
      veredicto: o.veredicto,
      tipo: o.tipo,
      tipo_correcto: o.tipoCorrecto,
      dependencia: o.dependencia,
      dependencia_correcta: o.dependenciaCorrecta,
      observacion: o.observacion,
      revisor: o.revisorNombre,
      revisado_en: isoBogota(o.revisadoEn),
    });
  }
  for (const p of informe.tendencia) agregar('tendencia', { semana: p.semana, desde: p.desde, ...figuras(p) });

  const texto = stringify(filas, {
    bom: true,
    header: true,
    columns: [...COLUMNAS_CSV],
    delimiter: ',',
    record_delimiter: 'windows',
    cast: {
      string: (s) => (FORMULA.test(s) ? `'${s}` : s),
      number: (n) => String(n),
    },
  });
  return Buffer.from(texto, 'utf8');
}
