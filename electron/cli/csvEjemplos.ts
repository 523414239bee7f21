/**
 * A previous system's labelled CSV read from disk, for `radica clasificador importar` (one station)
 * and `radica central modelo importar` (the entity): one reading, so a file imports the same way
 * into either.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { RadicaError } from '../../shared/ipc/result';
import { filasDeEjemplos, opcionesCsvEjemplos, textoDeCsv, type ColumnasEjemplos, type FilaEjemplo } from '../../shared/sugerencias/importacion';

/** The options of both commands that name the file and its columns (parseArgs). */
export const OPCIONES_CSV_CLI = {
  csv: { type: 'string' },
  texto: { type: 'string' },
  tipo: { type: 'string' },
  dependencia: { type: 'string' },
  peso: { type: 'string' },
  origen: { type: 'string' },
} as const;

/** The columns named do not match the file's header: a usage error (exit 2) in either command. */
export class ErrorDeColumnas extends Error {}

export function leerCsvEjemplos(archivo: string, columnas: ColumnasEjemplos): FilaEjemplo[] {
  let registros: Record<string, string>[];
  try {
    const texto = textoDeCsv(readFileSync(archivo));
    registros = parse(texto, opcionesCsvEjemplos(texto)) as Record<string, string>[];
  } catch (err) {
    throw new RadicaError('VALIDACION', `No se pudo leer el CSV ${archivo}: ${(err as Error).message}`);
  }
  try {
    return filasDeEjemplos(registros, columnas);
  } catch (err) {
    throw new ErrorDeColumnas((err as Error).message);
  }
}
