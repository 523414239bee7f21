/**
 * What a file really is, decided by its first bytes and never by its name: a letter saved as
 * "carta.pdf" that is really an executable, or a photo renamed to .pdf, is refused before anything
 * is written. Four formats cover what scanners and citizens bring: PDF, JPEG, PNG and TIFF. Four
 * magic numbers do not justify a dependency (file-type also wants Node ≥ 22).
 */
import { RadicaError } from '../../shared/ipc/result';

export type FormatoArchivo = 'pdf' | 'jpeg' | 'png' | 'tiff';

export const NOMBRES_FORMATO: Record<FormatoArchivo, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG', tiff: 'TIFF' };

export function detectarFormato(b: Uint8Array): FormatoArchivo | null {
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return 'pdf'; // %PDF-
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a)
    return 'png';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)))
    return 'tiff';
  return null;
}

const EXTENSIONES: Record<string, FormatoArchivo> = { pdf: 'pdf', jpg: 'jpeg', jpeg: 'jpeg', png: 'png', tif: 'tiff', tiff: 'tiff' };

/** The format the name claims, if it claims one of ours. */
export function formatoPorNombre(nombre: string): FormatoArchivo | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(nombre);
  return m ? (EXTENSIONES[m[1]!.toLowerCase()] ?? null) : null;
}

const RESERVADOS_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A name safe to show and to store: the last path component only, no control or path characters,
 * no names Windows reserves, at most 120 characters; accents kept (they are the citizen's words).
 */
export function nombreSeguro(nombre: string, porDefecto = 'documento'): string {
  const base = nombre.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let limpio = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const punto = limpio.lastIndexOf('.');
  const raiz = punto > 0 ? limpio.slice(0, punto) : limpio;
  if (!raiz || RESERVADOS_WINDOWS.test(raiz)) limpio = porDefecto + (punto > 0 ? limpio.slice(punto) : '');
  if (limpio.length > 120) {
    const ext = punto > 0 && limpio.length - punto <= 6 ? limpio.slice(punto) : '';
    limpio = limpio.slice(0, 120 - ext.length) + ext;
  }
  return limpio;
}

export function archivoInvalido(nombre: string, problema: string): RadicaError {
  return new RadicaError('ARCHIVO_INVALIDO', `No se anexó «${nombre}»: ${problema}`);
}

// ---------------------------------------------------------------------------------------------
// Image headers: enough to size the PDF page and to catch a truncated or damaged file early.

export interface InfoJpeg {
  ancho: number;
  alto: number;
  componentes: number;
  /** Pixels per inch from the JFIF header, when it says so. */
  dpi: number | null;
}

/** Reads the SOF segment; refuses a file without one or cut before its end-of-image marker. */
export function leerJpeg(b: Uint8Array, nombre: string): InfoJpeg {
  let i = 2;
  let dpi: number | null = null;
  let info: InfoJpeg | null = null;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw archivoInvalido(nombre, 'la imagen JPEG está dañada (marcador inválido).');
    const marcador = b[i + 1]!;
    if (marcador === 0xff) {
      i++;
      continue;
    }
    if (marcador === 0xd9 || marcador === 0xda) break; // end of image, or start of the compressed data
    const largo = (b[i + 2]! << 8) | b[i + 3]!;
    if (largo < 2 || i + 2 + largo > b.length) throw archivoInvalido(nombre, 'la imagen JPEG está incompleta.');
    if (marcador === 0xe0 && largo >= 14 && b[i + 4] === 0x4a && b[i + 5] === 0x46 && b[i + 6] === 0x49 && b[i + 7] === 0x46) {
      const unidad = b[i + 11]!;
      const x = (b[i + 12]! << 8) | b[i + 13]!;
      if (unidad === 1 && x > 0) dpi = x;
      else if (unidad === 2 && x > 0) dpi = Math.round(x * 2.54);
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marcador >= 0xc0 && marcador <= 0xcf && marcador !== 0xc4 && marcador !== 0xc8 && marcador !== 0xcc) {
      info = { alto: (b[i + 5]! << 8) | b[i + 6]!, ancho: (b[i + 7]! << 8) | b[i + 8]!, componentes: b[i + 9]!, dpi: null };
    }
    i += 2 + largo;
  }
  if (!info || info.ancho === 0 || info.alto === 0) throw archivoInvalido(nombre, 'la imagen JPEG está dañada (no tiene dimensiones).');
  let fin = b.length;
  while (fin > 2 && b[fin - 1] === 0) fin--; // some scanners pad with zeros after EOI
  if (!(b[fin - 2] === 0xff && b[fin - 1] === 0xd9)) throw archivoInvalido(nombre, 'la imagen JPEG está incompleta (el archivo se cortó).');
  return { ...info, dpi };
}

export interface InfoPng {
  ancho: number;
  alto: number;
  profundidad: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  color: number;
  entrelazado: boolean;
  dpi: number | null;
  /** The zlib stream of every IDAT, concatenated (what a PDF FlateDecode stream with predictors takes as is). */
  idat: Buffer;
  paleta: Buffer | null;
  transparencia: boolean;
}

const CRC_TABLA = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** PNG's CRC-32 over b[desde, hasta): checked when reading, written when making PNGs. */
export function crc32(b: Uint8Array, desde = 0, hasta = b.length): number {
  let c = -1;
  for (let i = desde; i < hasta; i++) c = CRC_TABLA[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Walks the chunks, checking every CRC: a damaged PNG is refused here, not in the middle of OCR. */
export function leerPng(b: Buffer, nombre: string): InfoPng {
  let i = 8;
  let ihdr: Omit<InfoPng, 'idat' | 'paleta' | 'dpi' | 'transparencia'> | null = null;
  const idat: Buffer[] = [];
  let paleta: Buffer | null = null;
  let dpi: number | null = null;
  let transparencia = false;
  let fin = false;
  while (i + 12 <= b.length) {
    const largo = b.readUInt32BE(i);
    const tipo = b.toString('latin1', i + 4, i + 8);
    if (i + 12 + largo > b.length) break;
    if (crc32(b, i + 4, i + 8 + largo) !== b.readUInt32BE(i + 8 + largo)) throw archivoInvalido(nombre, 'la imagen PNG está dañada (suma de control).');
    const datos = b.subarray(i + 8, i + 8 + largo);
    if (tipo === 'IHDR') {
      ihdr = { ancho: datos.readUInt32BE(0), alto: datos.readUInt32BE(4), profundidad: datos[8]!, color: datos[9]!, entrelazado: datos[12] === 1 };
    } else if (tipo === 'IDAT') idat.push(datos);
    else if (tipo === 'PLTE') paleta = Buffer.from(datos);
    else if (tipo === 'tRNS') transparencia = true;
    else if (tipo === 'pHYs' && datos[8] === 1) dpi = Math.round(datos.readUInt32BE(0) * 0.0254);
    else if (tipo === 'IEND') {
      fin = true;
      break;
    }
    i += 12 + largo;
  }
  if (!ihdr || ihdr.ancho === 0 || ihdr.alto === 0) throw archivoInvalido(nombre, 'la imagen PNG está dañada (sin encabezado).');
  if (!fin || idat.length === 0) throw archivoInvalido(nombre, 'la imagen PNG está incompleta (el archivo se cortó).');
  return { ...ihdr, idat: Buffer.concat(idat), paleta, dpi, transparencia };
}
