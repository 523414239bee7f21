/**
 * Pages as a ventanilla gets them: a Spanish letter, with or without a Radica sticker stuck on it,
 * printed and scanned. "Printing and scanning" is poppler's pdftoppm rasterising the PDF (apt
 * poppler-utils), so the barcode the splitter reads went through real pixels, not vector data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export const CARTA = `Bogotá, 3 de noviembre de 2026

Señores
Alcaldía Municipal
Secretaría de Hacienda

Asunto: Derecho de petición de información

Respetados señores:

En ejercicio del derecho fundamental de petición consagrado en el artículo 23 de la
Constitución Política, solicito copia del certificado de paz y salvo del impuesto predial
del inmueble ubicado en la calle 45 número 12-30, barrio La Esperanza, así como el estado
de cuenta de los últimos cinco años. Agradezco la atención prestada.

Cordialmente,

María Pérez Gómez
Cédula de ciudadanía 1.234.567`;

/** An A4 letter; `sticker` (a sticker PDF) is placed in the top right corner as a clerk sticks it. */
export async function cartaPdf(o: { texto?: string; sticker?: Buffer; pie?: string } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fuente = await doc.embedFont(StandardFonts.Helvetica);
  const pagina = doc.addPage([595.28, 841.89]);
  if (o.sticker) {
    const [s] = await doc.embedPdf(o.sticker);
    const ancho = 283;
    pagina.drawPage(s!, { x: 595.28 - ancho - 20, y: 841.89 - 20 - (ancho * s!.height) / s!.width, width: ancho, height: (ancho * s!.height) / s!.width });
  }
  let y = o.sticker ? 640 : 760;
  for (const linea of (o.texto ?? CARTA).split('\n')) {
    pagina.drawText(linea, { x: 72, y, size: 11, font: fuente, color: rgb(0, 0, 0) });
    y -= 16;
  }
  if (o.pie) pagina.drawText(o.pie, { x: 72, y: 60, size: 9, font: fuente });
  return Buffer.from(await doc.save());
}

/** "Prints and scans" the first page of a PDF: pdftoppm at `dpi`, gray, as JPEG or PNG. */
export function rasterizar(pdf: Buffer, dpi: number, formato: 'jpeg' | 'png' = 'jpeg'): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-raster-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', `-${formato}`, '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'out')]);
    return readFileSync(path.join(dir, `out.${formato === 'jpeg' ? 'jpg' : 'png'}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A multifunction printer's batch: one image per page in one PDF (what scan-to-folder produces). */
export async function pdfDeImagenes(paginas: Buffer[], dpi: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const b of paginas) {
    const img = b[0] === 0xff ? await doc.embedJpg(b) : await doc.embedPng(b);
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return Buffer.from(await doc.save());
}

/** Number of pages and other facts about a PDF, from poppler's pdfinfo (not from our own reader). */
export function infoPdf(archivo: string): { paginas: number; texto: string } {
  const texto = execFileSync('pdfinfo', [archivo], { encoding: 'utf8' });
  return { paginas: Number(/Pages:\s+(\d+)/.exec(texto)?.[1] ?? 0), texto };
}

/** Image list of a PDF from poppler's pdfimages: how each page image is encoded. */
export function imagenesPdf(archivo: string): { pagina: number; ancho: number; alto: number; codificacion: string }[] {
  const salida = execFileSync('pdfimages', ['-list', archivo], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return salida.map((l) => {
    const c = l.trim().split(/\s+/);
    return { pagina: Number(c[0]), ancho: Number(c[3]), alto: Number(c[4]), codificacion: c[8]! };
  });
}

/** Levenshtein distance / reference length, on whitespace-normalised text. */
export function tasaErrorCaracteres(referencia: string, reconocido: string): number {
  const a = referencia.replace(/\s+/g, ' ').trim();
  const b = reconocido.replace(/\s+/g, ' ').trim();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! / a.length;
}
