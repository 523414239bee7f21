/**
 * A previous system's labelled CSV read from disk, for `radica clasificador importar` (one station)
 * and `radica central modelo importar` (the entity): one reading, so a file imports the same way
 * into either.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { RadicaError } from '../../shared/ipc/result';
import { aplicarEquivalencias, describirLineas, filasDeEjemplos, gruposRechazos, opcionesCsvEjemplos, textoDeCsv, type Equivalencias, type ColumnasEjemplos, type FilaEjemplo } from '../../shared/sugerencias/importacion';

/** The options of both commands that name the file and its columns (parseArgs). */
export const OPCIONES_CSV_CLI = {
  csv: { type: 'string' },
  texto: { type: 'string' },
  tipo: { type: 'string' },
  dependencia: { type: 'string' },
  peso: { type: 'string' },
  origen: { type: 'string' },
  equivalencias: { type: 'string' },
} as const;

/** The columns named do not match the file's header: a usage error (exit 2) in either command. */
export class ErrorDeColumnas extends Error {}

/** The rows of the file, with its labels translated when an equivalences file is given. */
export function leerCsvEjemplos(archivo: string, columnas: ColumnasEjemplos, archivoEquivalencias?: string): FilaEjemplo[] {
  const equivalencias = archivoEquivalencias ? leerEquivalencias(archivoEquivalencias) : null;
  const registros = leerRegistros(archivo);
  let filas: FilaEjemplo[];
  try {
    filas = filasDeEjemplos(registros, columnas);
  } catch (err) {
    throw new ErrorDeColumnas((err as Error).message);
  }
  return equivalencias ? aplicarEquivalencias(filas, equivalencias) : filas;
}

function leerRegistros(archivo: string): Record<string, string>[] {
  try {
    const texto = textoDeCsv(readFileSync(archivo));
    return parse(texto, opcionesCsvEjemplos(texto)) as Record<string, string>[];
  } catch (err) {
    throw new RadicaError('VALIDACION', `No se pudo leer el CSV ${archivo}: ${(err as Error).message}`);
  }
}

/**
 * `--equivalencias F`: a CSV with the columns campo (tipo or dependencia), valor (the label as the
 * old system writes it) and codigo (this catalog's code; empty: drop that label). An old system's
 * tipos and offices rarely carry this catalog's names; without it, their rows are rejected.
 */
export function leerEquivalencias(archivo: string): Equivalencias {
  const registros = leerRegistros(archivo);
  const columnas = registros.length ? Object.keys(registros[0]!) : [];
  for (const c of ['campo', 'valor', 'codigo']) {
    if (!columnas.includes(c)) throw new ErrorDeColumnas(`El archivo de equivalencias ${archivo} debe tener las columnas campo, valor y codigo. Tiene: ${columnas.join(', ') || '(ninguna)'}.`);
  }
  const equivalencias: Required<Equivalencias> = { tipo: {}, dependencia: {} };
  registros.forEach((r, i) => {
    const campo = (r['campo'] ?? '').trim().toLowerCase();
    const valor = (r['valor'] ?? '').trim();
    if (campo !== 'tipo' && campo !== 'dependencia') {
      throw new RadicaError('VALIDACION', `Equivalencias, línea ${i + 2}: el campo debe ser «tipo» o «dependencia», no «${r['campo'] ?? ''}».`);
    }
    if (!valor) throw new RadicaError('VALIDACION', `Equivalencias, línea ${i + 2}: falta el valor del sistema anterior.`);
    equivalencias[campo][valor] = (r['codigo'] ?? '').trim() || null;
  });
  return equivalencias;
}

/** Rejected rows for the terminal, grouped by reason (at most 20 reasons), with a hint for unknown labels. */
export function lineasRechazos(rechazados: readonly { fila: number; motivo: string }[]): string[] {
  const grupos = gruposRechazos(rechazados);
  const lineas = grupos.slice(0, 20).map((g) => `  ${g.motivo}: ${describirLineas(g.lineas)}`);
  if (grupos.length > 20) lineas.push(`  … y ${grupos.length - 20} motivos más.`);
  if (rechazados.some((r) => /no está en el catálogo/.test(r.motivo))) {
    lineas.push('  Las etiquetas de otro sistema se traducen al catálogo con --equivalencias ARCHIVO (columnas campo,valor,codigo).');
  }
  return lineas;
}
