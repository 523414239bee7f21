import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers';

const dir = tempDir('radica-informes-');

/** Rendered pages stay here for a person to look at (test-results/ is not committed). */
export const VISTAS = path.resolve(__dirname, '../../../test-results/informes');

export function ejecutar(comando: string, args: string[]): string {
  return execFileSync(comando, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Writes the bytes to a temporary file and returns its path. */
export function aArchivo(nombre: string, bytes: Uint8Array): string {
  const p = path.join(dir, nombre);
  writeFileSync(p, bytes);
  return p;
}

/** pdftotext -layout, one string per page. */
export function paginasDeTexto(pdf: string): string[] {
  const texto = ejecutar('pdftotext', ['-layout', pdf, '-']);
  return texto.split('\f').slice(0, -1);
}

export function infoPdf(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const linea of ejecutar('pdfinfo', [pdf]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(linea);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export interface Palabra {
  pagina: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  texto: string;
}

/** Every word with its box, from pdftotext -bbox (points, origin top left). */
export function palabras(pdf: string): Palabra[] {
  const html = ejecutar('pdftotext', ['-bbox', pdf, '-']);
  const out: Palabra[] = [];
  html.split('<page ').slice(1).forEach((pagina, i) => {
    for (const m of pagina.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ pagina: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), texto: m[5]! });
    }
  });
  return out;
}

/** Renders the pages at 60 dpi into test-results/informes/<nombre>-N.png for a person to look at. */
export function renderizar(pdf: string, nombre: string): void {
  mkdirSync(VISTAS, { recursive: true });
  // A previous, longer rendering must not leave pages behind.
  for (const f of readdirSync(VISTAS)) if (new RegExp(`^${re(nombre)}-\\d+\\.png$`).test(f)) rmSync(path.join(VISTAS, f));
  ejecutar('pdftoppm', ['-r', '60', '-png', pdf, path.join(VISTAS, nombre)]);
}

export async function leerXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's declared Buffer type is its own; the loader takes any Node buffer.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Workbook['xlsx']['load']>[0]);
  return wb;
}

/** The data rows of a sheet (row 1 is the header), keyed by header. */
export function filasDeHoja(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const cabecera = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const filas: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((fila, n) => {
    if (n === 1) return;
    const valores = fila.values as ExcelJS.CellValue[];
    filas.push(Object.fromEntries(cabecera.map((c, i) => [c, valores[i + 1] ?? null])));
  });
  return filas;
}

export type FilaCsvLeida = Record<string, string>;

export function leerCsv(bytes: Uint8Array): FilaCsvLeida[] {
  return parse(Buffer.from(bytes), { bom: true, columns: true, skip_empty_lines: true }) as FilaCsvLeida[];
}

/** Escapes a text for a RegExp. */
export const re = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
