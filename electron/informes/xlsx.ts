/**
 * The weekly report as an Excel workbook (exceljs): one sheet per section, real numbers (the error
 * rate is the fraction with a percent format, so Excel computes with it), real dates (Excel dates
 * holding Bogota's civil date and time, shown dd/mm/yyyy), a bold frozen header row with a filter,
 * and column widths that fit the content. Every sheet prints on A4 landscape, one page wide.
 */
import ExcelJS from 'exceljs';
import type { FigurasRevision, InformeSemanal, ObservacionInforme, PuntoTendencia } from '../../shared/domain/revision';
import { NOMBRE_OBJETIVO } from '../../shared/sugerencias';
import { nombreFuente, type CifrasDesempeno, type ConfusionSugerencia } from '../../shared/sugerencias/desempeno';
import { fechaCivil, fechaDeIso, nombreDependencia, nombreTipo, periodo } from './formato';

export const HOJAS = [
  'Resumen',
  'Ventanillas',
  'Funcionarios',
  'Confusión tipos',
  'Direccionamiento',
  'Sugerencias',
  'Sugerencias equivocadas',
  'Observaciones',
  'Tendencia',
] as const;

const FORMATO_FECHA = 'dd/mm/yyyy';
const FORMATO_FECHA_HORA = 'dd/mm/yyyy hh:mm';
const FORMATO_TASA = '0.0%';
const FORMATO_ENTERO = '#,##0';

interface Columna<T> {
  titulo: string;
  ancho: number;
  formato?: string;
  /** Long text: wrapped in its cell. */
  ajustar?: boolean;
  valor: (fila: T) => ExcelJS.CellValue;
}

function columnasFiguras<T extends FigurasRevision>(): Columna<T>[] {
  return [
    { titulo: 'Radicados', ancho: 11, formato: FORMATO_ENTERO, valor: (f) => f.radicados },
    { titulo: 'Revisados', ancho: 11, formato: FORMATO_ENTERO, valor: (f) => f.revisados },
    { titulo: 'Errores de clasificación', ancho: 14, formato: FORMATO_ENTERO, valor: (f) => f.erroresClasificacion },
    { titulo: 'Errores de direccionamiento', ancho: 16, formato: FORMATO_ENTERO, valor: (f) => f.erroresDireccionamiento },
    { titulo: 'Tasa de error', ancho: 11, formato: FORMATO_TASA, valor: (f) => f.tasaError },
  ];
}

function prepararHoja(wb: ExcelJS.Workbook, nombre: string): ExcelJS.Worksheet {
  return wb.addWorksheet(nombre, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
}

function estiloCabecera(fila: ExcelJS.Row): void {
  fila.font = { bold: true };
  fila.alignment = { vertical: 'middle', wrapText: true };
  fila.eachCell((celda) => {
    celda.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E9F0' } };
    celda.border = { bottom: { style: 'thin', color: { argb: 'FF1F4E79' } } };
  });
  fila.height = 30;
}

function hoja<T>(wb: ExcelJS.Workbook, nombre: string, columnas: Columna<T>[], filas: readonly T[]): ExcelJS.Worksheet {
  const ws = prepararHoja(wb, nombre);
  ws.columns = columnas.map((c) => ({
    header: c.titulo,
    width: c.ancho,
    style: { ...(c.formato ? { numFmt: c.formato } : {}), ...(c.ajustar ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}) },
  }));
  for (const f of filas) ws.addRow(columnas.map((c) => c.valor(f)));
  estiloCabecera(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnas.length } };
  return ws;
}

function resumen(wb: ExcelJS.Workbook, informe: InformeSemanal): void {
  const ws = prepararHoja(wb, 'Resumen');
  ws.columns = [
    { header: 'Concepto', width: 30 },
    { header: 'Valor', width: 46 },
  ];
  const t = informe.totales;
  const filas: [string, ExcelJS.CellValue, string?][] = [
    ['Entidad', informe.entidad],
    ['Informe', 'Informe semanal de revisión de clasificación y direccionamiento'],
    ['Semana', informe.semana],
    ['Desde', fechaDeIso(informe.desde), FORMATO_FECHA],
    ['Hasta', fechaDeIso(informe.hasta), FORMATO_FECHA],
    ['Sedes', informe.sedes.join(', ')],
    ['Generado (hora de Bogotá)', fechaCivil(informe.generadoEn), FORMATO_FECHA_HORA],
    ['Revisó', informe.firmadoPor],
    ['Radicados', t.radicados, FORMATO_ENTERO],
    ['Revisados', t.revisados, FORMATO_ENTERO],
    ['Errores de clasificación', t.erroresClasificacion, FORMATO_ENTERO],
    ['Errores de direccionamiento', t.erroresDireccionamiento, FORMATO_ENTERO],
    ['Tasa de error', t.tasaError, FORMATO_TASA],
  ];
  if (t.radicados === 0) filas.push(['Nota', `Sin radicados en la semana ${informe.semana} (${periodo(informe)}).`]);
  for (const [concepto, valor, formato] of filas) {
    const fila = ws.addRow([concepto, valor]);
    fila.getCell(1).font = { bold: true };
    const celda = fila.getCell(2);
    celda.alignment = { horizontal: 'left' };
    if (formato) celda.numFmt = formato;
  }
  ws.addRow([]);
  const nota = ws.addRow(['Cómo se calcula la tasa', 'Radicados revisados con al menos un error de clasificación o de direccionamiento ÷ radicados revisados (0 cuando no se revisó ninguno).']);
  nota.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  nota.font = { italic: true, color: { argb: 'FF5A6570' } };
  estiloCabecera(ws.getRow(1));
}

/** A share as a real fraction (percent-formatted), empty where there is nothing to divide by. */
const parte = (n: number, de: number): number | null => (de > 0 ? n / de : null);

/**
 * How the suggestions did: a row per objetivo and source (model or catalog phrases) and one total
 * per objetivo, counts and shares as real numbers; then the most frequent wrong suggestions.
 */
function sugerencias(wb: ExcelJS.Workbook, informe: InformeSemanal): void {
  type Fila = CifrasDesempeno & { objetivo: string; fuente: string; modelo: string };
  const filas: Fila[] = informe.sugerencias.objetivos.flatMap((o) => [
    ...o.fuentes.map((f) => ({ ...f, objetivo: NOMBRE_OBJETIVO[o.objetivo], fuente: nombreFuente(f), modelo: f.modelo ?? 'frases' })),
    ...(o.fuentes.length ? [{ ...o.total, objetivo: NOMBRE_OBJETIVO[o.objetivo], fuente: 'Total', modelo: '' }] : []),
  ]);
  const ws = hoja<Fila>(
    wb,
    'Sugerencias',
    [
      { titulo: 'Objetivo', ancho: 16, valor: (f) => f.objetivo },
      { titulo: 'Sugirió', ancho: 34, valor: (f) => f.fuente },
      { titulo: 'Modelo (clave)', ancho: 12, valor: (f) => f.modelo },
      { titulo: 'Sugeridas', ancho: 11, formato: FORMATO_ENTERO, valor: (f) => f.sugeridas },
      { titulo: 'Aceptadas', ancho: 11, formato: FORMATO_ENTERO, valor: (f) => f.aceptadas },
      { titulo: 'Aceptadas / sugeridas', ancho: 12, formato: FORMATO_TASA, valor: (f) => parte(f.aceptadas, f.sugeridas) },
      { titulo: 'Acertadas', ancho: 11, formato: FORMATO_ENTERO, valor: (f) => f.acertadas },
      { titulo: 'Acertadas / sugeridas', ancho: 12, formato: FORMATO_TASA, valor: (f) => parte(f.acertadas, f.sugeridas) },
      { titulo: 'Revisadas', ancho: 11, formato: FORMATO_ENTERO, valor: (f) => f.revisadas },
      { titulo: 'Acertadas entre las revisadas', ancho: 14, formato: FORMATO_ENTERO, valor: (f) => f.acertadasRevisadas },
      { titulo: 'Acertadas / revisadas', ancho: 12, formato: FORMATO_TASA, valor: (f) => parte(f.acertadasRevisadas, f.revisadas) },
      { titulo: 'Aceptadas y corregidas en revisión', ancho: 16, formato: FORMATO_ENTERO, valor: (f) => f.corregidasTrasAceptar },
    ],
    filas,
  );
  ws.eachRow((fila, n) => {
    if (n > 1 && filas[n - 2]!.fuente === 'Total') fila.font = { bold: true };
  });
  hoja<ConfusionSugerencia & { objetivo: string }>(
    wb,
    'Sugerencias equivocadas',
    [
      { titulo: 'Objetivo', ancho: 16, valor: (c) => c.objetivo },
      { titulo: 'Sugirió (código)', ancho: 14, valor: (c) => c.sugerido },
      { titulo: 'Sugirió', ancho: 40, valor: (c) => c.nombreSugerido },
      { titulo: 'Era (código)', ancho: 14, valor: (c) => c.final },
      { titulo: 'Era', ancho: 40, valor: (c) => c.nombreFinal },
      { titulo: 'Veces', ancho: 8, formato: FORMATO_ENTERO, valor: (c) => c.veces },
      { titulo: 'Radicados (los primeros)', ancho: 60, ajustar: true, valor: (c) => c.numeros.join(', ') },
    ],
    informe.sugerencias.objetivos.flatMap((o) => o.confusiones.map((c) => ({ ...c, objetivo: NOMBRE_OBJETIVO[o.objetivo] }))),
  );
}

export async function informeAXlsx(informe: InformeSemanal): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const fecha = new Date(informe.generadoEn);
  wb.creator = 'Radica';
  wb.lastModifiedBy = informe.firmadoPor;
  wb.created = fecha;
  wb.modified = fecha;
  wb.title = `Informe semanal de revisión ${informe.semana}`;
  wb.subject = `Clasificación y direccionamiento, ${periodo(informe)}`;
  wb.company = informe.entidad;

  resumen(wb, informe);
  hoja(
    wb,
    'Ventanillas',
    [{ titulo: 'Sede', ancho: 8, valor: (f) => f.sede }, { titulo: 'Ventanilla', ancho: 11, valor: (f) => f.ventanilla }, ...columnasFiguras()],
    informe.ventanillas,
  );
  hoja(
    wb,
    'Funcionarios',
    [
      { titulo: 'Usuario', ancho: 16, valor: (f) => f.funcionario },
      { titulo: 'Nombre', ancho: 30, valor: (f) => f.nombre },
      { titulo: 'Sede', ancho: 8, valor: (f) => f.sede },
      { titulo: 'Ventanilla', ancho: 11, valor: (f) => f.ventanilla },
      ...columnasFiguras(),
    ],
    informe.funcionarios,
  );
  const confusion = (nombre: string, filas: InformeSemanal['confusion'], de: string, a: string, nombreDe: (c: string) => string) =>
    hoja(
      wb,
      nombre,
      [
        { titulo: `${de} (código)`, ancho: 14, valor: (c) => c.de },
        { titulo: de, ancho: 42, valor: (c) => nombreDe(c.de) },
        { titulo: `${a} (código)`, ancho: 14, valor: (c) => c.a },
        { titulo: a, ancho: 42, valor: (c) => nombreDe(c.a) },
        { titulo: 'Cantidad', ancho: 10, formato: FORMATO_ENTERO, valor: (c) => c.cantidad },
      ],
      filas,
    );
  confusion('Confusión tipos', informe.confusion, 'Tipo radicado', 'Tipo correcto', (c) => nombreTipo(informe, c));
  confusion('Direccionamiento', informe.direccionamiento, 'Dependencia radicada', 'Dependencia correcta', (c) => nombreDependencia(informe, c));
  sugerencias(wb, informe);
  hoja<ObservacionInforme>(
    wb,
    'Observaciones',
    [
      { titulo: 'Radicado', ancho: 19, valor: (o) => o.numero },
      { titulo: 'Fecha de radicación', ancho: 17, formato: FORMATO_FECHA_HORA, valor: (o) => fechaCivil(o.fechaHora) },
      { titulo: 'Sede', ancho: 7, valor: (o) => o.sede },
      { titulo: 'Ventanilla', ancho: 10, valor: (o) => o.ventanilla },
      { titulo: 'Usuario', ancho: 14, valor: (o) => o.funcionario },
      { titulo: 'Funcionario', ancho: 26, valor: (o) => o.nombre },
      { titulo: 'Veredicto', ancho: 11, valor: (o) => o.veredicto },
      { titulo: 'Tipo radicado', ancho: 13, valor: (o) => o.tipo },
      { titulo: 'Tipo correcto', ancho: 13, valor: (o) => o.tipoCorrecto },
      { titulo: 'Dependencia radicada', ancho: 13, valor: (o) => o.dependencia },
      { titulo: 'Dependencia correcta', ancho: 13, valor: (o) => o.dependenciaCorrecta },
      { titulo: 'Observación', ancho: 70, ajustar: true, valor: (o) => o.observacion },
      { titulo: 'Revisor', ancho: 22, valor: (o) => o.revisorNombre },
      { titulo: 'Revisado el', ancho: 17, formato: FORMATO_FECHA_HORA, valor: (o) => fechaCivil(o.revisadoEn) },
    ],
    informe.observaciones,
  );
  hoja<PuntoTendencia>(
    wb,
    'Tendencia',
    [
      { titulo: 'Semana', ancho: 11, valor: (p) => p.semana },
      { titulo: 'Desde', ancho: 12, formato: FORMATO_FECHA, valor: (p) => fechaDeIso(p.desde) },
      ...columnasFiguras<PuntoTendencia>(),
    ],
    informe.tendencia,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
