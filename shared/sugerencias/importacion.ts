/**
 * A previous system's labelled CSV as rows for `clasificador:importar`: the same reading from the
 * CLI (csv-parse's Node build) and the Clasificador screen (its browser build), so a file imports
 * the same wherever IT does it.
 */

/** csv-parse options: header row, UTF-8 with or without BOM, ragged rows tolerated, cells trimmed. */
export const OPCIONES_CSV_EJEMPLOS = { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true } as const;

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
