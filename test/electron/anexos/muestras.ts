/**
 * Pages as a ventanilla gets them: a Spanish letter, with or without a Radica sticker stuck on it,
 * printed and scanned. "Printing and scanning" is poppler's pdftoppm rasterising the PDF (apt
 * poppler-utils), so the barcode the splitter reads went through real pixels, not vector data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream, StandardFonts, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb } from 'pdf-lib';
import PDFKit from 'pdfkit';
import UTIF from 'utif2';

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

function enCarpeta<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-muestra-'));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A bitonal page: rows of bits, 1 = black (PBM's sense), each row padded to a byte. */
export interface PaginaBitonal {
  ancho: number;
  alto: number;
  bits: Buffer;
}

/** PBM (P4) → its bits. */
export function leerPbm(pbm: Buffer): PaginaBitonal {
  const m = /^P4\s+(?:#.*\s+)*(\d+)\s+(\d+)\s/.exec(pbm.subarray(0, 200).toString('latin1'));
  if (!m) throw new Error('no es PBM');
  return { ancho: Number(m[1]), alto: Number(m[2]), bits: pbm.subarray(m[0].length) };
}

/** "Prints and scans" the first page of a PDF in black and white: pdftoppm -mono at `dpi`. */
export function rasterizarBitonal(pdf: Buffer, dpi: number): PaginaBitonal {
  return enCarpeta((dir) => {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-mono', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'out')]);
    return leerPbm(readFileSync(path.join(dir, 'out.pbm')));
  });
}

/** One page per image, each drawn over the whole page (`filtro` and its parameters as given). */
async function pdfDeImagenesCrudas(paginas: { ancho: number; alto: number; dict: Record<string, string | number[] | boolean | Record<string, number>>; datos: Buffer }[], dpi: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const p of paginas) {
    // A stencil mask (ImageMask true) has no colour space: it paints the current colour, black.
    const color = p.dict['ImageMask'] ? {} : { ColorSpace: 'DeviceGray' };
    const dict = doc.context.obj({ Type: 'XObject', Subtype: 'Image', Width: p.ancho, Height: p.alto, BitsPerComponent: 1, ...color, ...p.dict });
    const ref = doc.context.register(PDFRawStream.of(dict, p.datos));
    const w = (p.ancho * 72) / dpi;
    const h = (p.alto * 72) / dpi;
    const pagina = doc.addPage([w, h]);
    const nombre = pagina.node.newXObject('Im', ref);
    pagina.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject(nombre), popGraphicsState());
  }
  return Buffer.from(await doc.save());
}

/**
 * A black-and-white batch as a multifunction printer sends it: each page scanned at 1 bit
 * (pdftoppm -mono), then written by Ghostscript's pdfwrite, which compresses 1-bit images with
 * CCITT G4 (`/CCITTFaxDecode`, K -1), as printers do. Ghostscript comes with cups-pdf (apt).
 */
export async function pdfG4(pdfs: Buffer[], dpi: number): Promise<Buffer> {
  const paginas = pdfs.map((pdf) => {
    const b = rasterizarBitonal(pdf, dpi);
    // Flate, 1 = black as PBM has it (Decode [1 0]): Ghostscript re-encodes it as G4.
    return { ancho: b.ancho, alto: b.alto, dict: { Filter: 'FlateDecode', Decode: [1, 0] }, datos: deflateSync(b.bits) };
  });
  const plano = await pdfDeImagenesCrudas(paginas, dpi);
  return enCarpeta((dir) => {
    writeFileSync(path.join(dir, 'in.pdf'), plano);
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfwrite', `-sOutputFile=${path.join(dir, 'out.pdf')}`, path.join(dir, 'in.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  });
}

/** Ghostscript's TIFF G4 of the first page of a PDF at `dpi` (gs -sDEVICE=tiffg4): the coded bits of its one strip. */
export function g4DeGhostscript(pdf: Buffer, dpi: number): { ancho: number; alto: number; g4: Buffer } {
  const tiff = enCarpeta((dir) => {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffg4', '-dMaxStripSize=0', `-r${dpi}`, '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${path.join(dir, 'p.tif')}`, path.join(dir, 'in.pdf')]);
    return readFileSync(path.join(dir, 'p.tif'));
  });
  const [ifd] = UTIF.decode(tiff);
  const desplazamientos = ifd!['t273'] as number[];
  const longitudes = ifd!['t279'] as number[];
  if ((ifd!['t259'] as number[])[0] !== 4 || desplazamientos.length !== 1) throw new Error('se esperaba un TIFF G4 de una franja');
  return { ancho: (ifd!['t256'] as number[])[0]!, alto: (ifd!['t257'] as number[])[0]!, g4: tiff.subarray(desplazamientos[0], desplazamientos[0]! + longitudes[0]!) };
}

/**
 * Ghostscript's G4 strips put in a PDF as img2pdf does (`/CCITTFaxDecode`, K -1, Columns, Rows,
 * BlackIs1 false), or drawn as a stencil mask (`/ImageMask true`), as some printers write them.
 */
export async function pdfCcittDeTiff(pdfs: Buffer[], dpi: number, o: { mascara?: boolean } = {}): Promise<Buffer> {
  const paginas = pdfs.map((pdf) => {
    const { ancho, alto, g4 } = g4DeGhostscript(pdf, dpi);
    // BlackIs1 false (the default): black comes out as 0 bits, which is also what a mask paints.
    const dict: Record<string, string | boolean | Record<string, number>> = { Filter: 'CCITTFaxDecode', DecodeParms: { K: -1, Columns: ancho, Rows: alto } };
    if (o.mascara) dict['ImageMask'] = true;
    return { ancho, alto, dict, datos: g4 };
  });
  return pdfDeImagenesCrudas(paginas, dpi);
}

/**
 * A JBIG2 page (`/JBIG2Decode`, the PDF "embedded" organisation of ITU-T T.88): a page information
 * segment, one immediate lossless generic region coded with MMR, and end of page. No JBIG2 encoder
 * is packaged for Debian 12 (jbig2enc is not), so the region's coded bits are Ghostscript's G4,
 * which is what MMR is. Ghostscript (jbig2dec) renders these files as pdf.js decodes them (poppler
 * 22.02 draws streaks below some letters). What real encoders add on top (arithmetic coding,
 * symbol dictionaries) is not exercised here.
 */
export async function pdfJbig2(pdfs: Buffer[], dpi: number): Promise<Buffer> {
  const paginas = pdfs.map((pdf) => {
    const { ancho, alto, g4 } = g4DeGhostscript(pdf, dpi);
    const segmento = (numero: number, tipo: number, datos: Buffer) => {
      const h = Buffer.alloc(11);
      h.writeUInt32BE(numero, 0);
      h[4] = tipo; // page association in 1 byte
      h[5] = 0; // no referred-to segments
      h[6] = 1; // page 1
      h.writeUInt32BE(datos.length, 7);
      return Buffer.concat([h, datos]);
    };
    const info = Buffer.alloc(19);
    info.writeUInt32BE(ancho, 0);
    info.writeUInt32BE(alto, 4);
    info.writeUInt32BE(Math.round(dpi / 0.0254), 8); // pixels per metre
    info.writeUInt32BE(Math.round(dpi / 0.0254), 12);
    info[16] = 0b0000_0001; // eventually lossless, default pixel 0 (white)
    const region = Buffer.alloc(18);
    region.writeUInt32BE(ancho, 0);
    region.writeUInt32BE(alto, 4);
    // x = y = 0, combination operator OR (0); then the generic region flags: MMR = 1.
    region[17] = 0b0000_0001;
    const datos = Buffer.concat([segmento(0, 48, info), segmento(1, 39, Buffer.concat([region, g4])), segmento(2, 49, Buffer.alloc(0))]);
    return { ancho, alto, dict: { Filter: 'JBIG2Decode' }, datos };
  });
  return pdfDeImagenesCrudas(paginas, dpi);
}

/** The first page of a PDF as Ghostscript renders it in black and white (its JBIG2 decoder is jbig2dec). */
export function rasterizarGs(pdf: Buffer, dpi: number): PaginaBitonal {
  return enCarpeta((dir) => {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pbmraw', `-r${dpi}`, '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${path.join(dir, 'p.pbm')}`, path.join(dir, 'in.pdf')]);
    return leerPbm(readFileSync(path.join(dir, 'p.pbm')));
  });
}

/** Every image of a PDF as poppler decodes it (pdfimages): 1-bit ones as PBM. */
export function imagenesPoppler(pdf: Buffer): Buffer[] {
  return enCarpeta((dir) => {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdfimages', [path.join(dir, 'in.pdf'), path.join(dir, 'img')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('img-'))
      .sort()
      .map((f) => readFileSync(path.join(dir, f)));
  });
}

/**
 * A born-digital letter, as a word processor exports it: text in an embedded TrueType subset with
 * its Unicode map (pdfkit, DejaVu Sans from fonts-dejavu-core), no image at all.
 */
export function cartaDigital(texto = CARTA): Promise<Buffer> {
  return new Promise((resolver, rechazar) => {
    const doc = new PDFKit({ size: [595.28, 841.89], margin: 72, info: { Title: 'Carta', Producer: 'Microsoft® Word para Microsoft 365' } });
    const partes: Buffer[] = [];
    doc.on('data', (b: Buffer) => partes.push(b));
    doc.on('end', () => resolver(Buffer.concat(partes)));
    doc.on('error', rechazar);
    doc.font('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf').fontSize(11);
    texto.split('\n').forEach((linea, i) => doc.text(linea, 72, 72 + i * 16, { lineBreak: false }));
    doc.end();
  });
}
