/**
 * A previous system's labelled CSV as rows for `clasificador:importar`: the same reading from the
 * CLI (csv-parse's Node build) and the Clasificador screen (its browser build), so a file imports
 * the same wherever IT does it.
 */
import { normalizarFrase } from './index';

/** csv-parse options: header row, UTF-8 with or without BOM, ragged rows tolerated, cells trimmed. */
export const OPCIONES_CSV_EJEMPLOS = { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true } as const;

/**
 * The text of a CSV another program wrote. Valid UTF-8 is read as UTF-8; anything else as
 * Windows-1252, which is what Excel in Spanish saves as «CSV (delimitado por comas)» and what old
 * Windows systems export. Read as UTF-8, those files would turn every accent into «�» without a
 * word, and no label with an accent («Petición») would match the catalog.
 */
export function textoDeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node's decoder leaves bytes 0x80–0x9F as Latin-1 control codes (checked on Node 20); a
    // browser's already maps them, and the table maps the five undefined ones to themselves.
    return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
  }
}

/** Bytes 0x80–0x9F of Windows-1252 (WHATWG's index): the euro, Word's curly quotes and dashes. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * The field separator, read off the header line: a comma unless semicolons or tabs outnumber the
 * commas there (outside quotes). Excel in es-CO separates with «;», since the comma is its decimal
 * mark; a tab is what copying from a spreadsheet gives.
 */
export function separadorDeCsv(texto: string): ',' | ';' | '\t' {
  const cuenta = { ',': 0, ';': 0, '\t': 0 };
  let entreComillas = false;
  for (const c of texto) {
    if (c === '"') entreComillas = !entreComillas;
    else if (!entreComillas && (c === '\n' || c === '\r')) break;
    else if (!entreComillas && c in cuenta) cuenta[c as keyof typeof cuenta]++;
  }
  if (cuenta[';'] > cuenta[','] && cuenta[';'] >= cuenta['\t']) return ';';
  if (cuenta['\t'] > cuenta[',']) return '\t';
  return ',';
}

/** csv-parse options for this file's text: the ones above and its separator. */
export function opcionesCsvEjemplos(texto: string) {
  return { ...OPCIONES_CSV_EJEMPLOS, delimiter: separadorDeCsv(texto) };
}

export interface ColumnasEjemplos {
  texto: string;
  tipo?: string | null;
  dependencia?: string | null;
  peso?: string | null;
}

export interface FilaEjemplo {
  texto: string;
  tipo: string | null;
  dependencia: string | null;
  peso: number | null;
}

/** Rows for the router (which validates the labels); throws, in Spanish, on a missing column. */
export function filasDeEjemplos(registros: readonly Record<string, string>[], c: ColumnasEjemplos): FilaEjemplo[] {
  if (!c.tipo && !c.dependencia) throw new Error('Indique la columna del tipo, la de la dependencia o ambas.');
  const columnas = registros.length ? Object.keys(registros[0]!) : [];
  for (const col of [c.texto, c.tipo, c.dependencia, c.peso]) {
    if (col && registros.length && !columnas.includes(col)) throw new Error(`El CSV no tiene la columna "${col}". Columnas: ${columnas.join(', ')}.`);
  }
  return registros.map((r) => ({
    texto: r[c.texto] ?? '',
    tipo: c.tipo ? (r[c.tipo] ?? null) : null,
    dependencia: c.dependencia ? (r[c.dependencia] ?? null) : null,
    peso: c.peso && r[c.peso] ? Number(r[c.peso]) : null,
  }));
}

export type CampoEtiqueta = 'tipo' | 'dependencia';

/** A label of the file that the catalog does not know, and how many rows carry it. */
export interface EtiquetaSinCatalogo {
  campo: CampoEtiqueta;
  valor: string;
  filas: number;
}

/**
 * What a previous system's labels are in this catalog: for each field, the label as the file
 * writes it (trimmed) → a catalog code, or null to drop that label (the row still teaches the other
 * field, if it has one). Labels not listed stay as they are, and are rejected if unknown.
 */
export type Equivalencias = Partial<Record<CampoEtiqueta, Record<string, string | null>>>;

/**
 * The labels of the file that match no catalog entry, most rows first. An old system's tipos and
 * offices rarely carry this catalog's names: these are what the import has to be told about.
 */
export function etiquetasSinCatalogo(filas: readonly Partial<FilaEjemplo>[], conocidas: EtiquetasConocidas): EtiquetaSinCatalogo[] {
  const buscar = { tipo: buscador(conocidas.tipos), dependencia: buscador(conocidas.dependencias) };
  const cuenta = new Map<string, EtiquetaSinCatalogo>();
  for (const f of filas) {
    for (const campo of ['tipo', 'dependencia'] as const) {
      const valor = f[campo]?.trim();
      if (!valor || buscar[campo](valor)) continue;
      const clave = `${campo}\u0000${valor}`;
      const e = cuenta.get(clave);
      if (e) e.filas++;
      else cuenta.set(clave, { campo, valor, filas: 1 });
    }
  }
  return [...cuenta.values()].sort((a, b) => b.filas - a.filas || a.campo.localeCompare(b.campo) || a.valor.localeCompare(b.valor, 'es'));
}

/** The rows with their labels translated: see `Equivalencias`. */
export function aplicarEquivalencias<F extends Partial<FilaEjemplo>>(filas: readonly F[], equivalencias: Equivalencias): F[] {
  const traducir = (campo: CampoEtiqueta, v: string | null | undefined) => {
    const tabla = equivalencias[campo];
    const clave = v?.trim();
    return tabla && clave && Object.hasOwn(tabla, clave) ? (tabla[clave] ?? null) : v;
  };
  return filas.map((f) => ({ ...f, tipo: traducir('tipo', f.tipo), dependencia: traducir('dependencia', f.dependencia) }));
}

/** A row that passed validation: labels as catalog codes, text cut to what training reads. */
export interface EjemploValidado {
  texto: string;
  tipo: string | null;
  dependencia: string | null;
  peso: number;
}

export interface ValidacionEjemplos {
  buenas: EjemploValidado[];
  /** `fila`: 1-based position among the data rows (the CSV line is fila + 1, after the header). */
  rechazados: { fila: number; motivo: string }[];
}

/** What labels may be: catalog entries, matched by code (any case) or by name (accents and case ignored). */
export interface EtiquetasConocidas {
  tipos: readonly { codigo: string; nombre: string }[];
  dependencias: readonly { codigo: string; nombre: string }[];
}

/**
 * The one rule for a previous system's rows, at a station and on the central store: a row is
 * rejected, with its number and why, when it has no text, an unknown label, no label at all or an
 * odd weight; every other row is kept.
 */
export function validarEjemplos(filas: readonly Partial<FilaEjemplo>[], conocidas: EtiquetasConocidas, maxTexto: number): ValidacionEjemplos {
  const tipos = buscador(conocidas.tipos);
  const deps = buscador(conocidas.dependencias);
  const buenas: EjemploValidado[] = [];
  const rechazados: ValidacionEjemplos['rechazados'] = [];
  filas.forEach((f, i) => {
    // NUL: PostgreSQL's text refuses it, and an export of an old system may carry one.
    const texto = (f.texto ?? '').replaceAll('\0', '').trim();
    const tipo = f.tipo?.trim() ? tipos(f.tipo) : null;
    const dependencia = f.dependencia?.trim() ? deps(f.dependencia) : null;
    const peso = f.peso ?? 1;
    let motivo: string | null = null;
    if (!texto) motivo = 'sin texto';
    else if (f.tipo?.trim() && !tipo) motivo = `tipo "${f.tipo}" no está en el catálogo`;
    else if (f.dependencia?.trim() && !dependencia) motivo = `dependencia "${f.dependencia}" no está en el catálogo`;
    else if (!tipo && !dependencia) motivo = 'sin tipo ni dependencia';
    else if (!(Number.isFinite(peso) && peso > 0 && peso <= 100)) motivo = `peso no válido (${f.peso})`;
    if (motivo) rechazados.push({ fila: i + 1, motivo });
    else buenas.push({ texto: texto.slice(0, maxTexto), tipo, dependencia, peso });
  });
  return { buenas, rechazados };
}

function buscador(entradas: readonly { codigo: string; nombre: string }[]): (v: string) => string | null {
  const porCodigo = new Map(entradas.map((e) => [e.codigo.toUpperCase(), e.codigo]));
  const porNombre = new Map(entradas.map((e) => [normalizarFrase(e.nombre), e.codigo]));
  return (v) => porCodigo.get(v.trim().toUpperCase()) ?? porNombre.get(normalizarFrase(v)) ?? null;
}

/** Rejected rows sharing a reason: the reason, and the CSV's line numbers (header = line 1). */
export interface GrupoRechazos {
  motivo: string;
  lineas: number[];
}

/**
 * Rejected rows grouped by reason, most rows first: a year of an old system rejected for three
 * unknown labels reads as three lines, not as a list of its thousands.
 */
export function gruposRechazos(rechazados: readonly { fila: number; motivo: string }[]): GrupoRechazos[] {
  const grupos = new Map<string, number[]>();
  for (const r of rechazados) {
    const lineas = grupos.get(r.motivo);
    if (lineas) lineas.push(r.fila + 1);
    else grupos.set(r.motivo, [r.fila + 1]);
  }
  return [...grupos].map(([motivo, lineas]) => ({ motivo, lineas })).sort((a, b) => b.lineas.length - a.lineas.length);
}

/** "línea 92" or "3 filas (líneas 4, 5, 6…)". */
export function describirLineas(lineas: readonly number[]): string {
  return lineas.length === 1 ? `línea ${lineas[0]}` : `${lineas.length} filas (líneas ${lineas.slice(0, 3).join(', ')}${lineas.length > 3 ? '…' : ''})`;
}
