/**
 * From whatever came in (scanner pages, a citizen's PDF, photos, a multi-page TIFF from a
 * multifunction printer) to pages, and from pages to one sealed PDF.
 *
 * Pages are never re-encoded when that can be avoided: a JPEG goes into the PDF as it is (DCTDecode),
 * a PNG's compressed data too (FlateDecode with PNG predictors, as img2pdf does), and a PDF page is
 * copied as it is. That keeps the scan the citizen handed in, bit for bit, and keeps sealing fast.
 * The same page images are what OCR and the barcode reader see.
 *
 * A PDF page's image is read two ways. The quick one, here with pdf-lib, takes JPEG and Flate
 * images as they are. Anything else (CCITT G4 and JBIG2, what multifunction printers use for black
 * and white; JPEG 2000; inverted or masked images; images inside forms) is decoded by pdf.js
 * (pdfjs.ts), only when someone needs the pixels: `completarImagenes`. pdf.js also gives a
 * born-digital page's own text: `textoDePaginas`.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib';
import UTIF from 'utif2';
import type { LimitesAnexos, Rotacion } from '../../shared/domain/anexos';
import { archivoInvalido, crc32, detectarFormato, formatoPorNombre, leerJpeg, leerPng, NOMBRES_FORMATO, type FormatoArchivo } from './formato';
import { abrirPdfjs, type ImagenDecodificada } from './pdfjs';

/** A page image as OCR and the barcode reader take it, and as the PDF embeds it. */
export interface ImagenPagina {
  formato: 'jpeg' | 'png';
  bytes: Buffer;
  ancho: number;
  alto: number;
  /** Pixels per inch, when known (scanner resolution, JFIF or pHYs header). */
  dpi: number | null;
}

export type Pagina =
  | { tipo: 'imagen'; imagen: ImagenPagina; rotacion: Rotacion }
  | {
      tipo: 'pdf';
      doc: PDFDocument;
      indice: number;
      rotacion: Rotacion;
      imagen: ImagenPagina | null;
      /** The page paints an image the quick path did not read (CCITT, JBIG2, …): `completarImagenes` decodes it. */
      imagenPendiente: boolean;
    };

export interface DocumentoLeido {
  formato: FormatoArchivo;
  nombre: string;
  bytes: Buffer;
  paginas: Pagina[];
}

/** Larger than an A3 page at 600 dpi: a bigger "image" is a decompression bomb, not a scan. */
const MAX_PIXELES = 120_000_000;

export async function leerDocumento(bytes: Buffer, nombre: string, limites: LimitesAnexos): Promise<DocumentoLeido> {
  if (bytes.length === 0) throw archivoInvalido(nombre, 'el archivo está vacío (0 bytes).');
  if (bytes.length > limites.maxBytes) {
    throw archivoInvalido(nombre, `pesa ${mb(bytes.length)} y el máximo de esta estación es ${mb(limites.maxBytes)}. Escanee a menor resolución o divídalo.`);
  }
  const formato = detectarFormato(bytes);
  if (!formato) {
    const dice = formatoPorNombre(nombre);
    throw archivoInvalido(
      nombre,
      dice
        ? `el nombre dice ${NOMBRES_FORMATO[dice]} pero el contenido no lo es (puede ser otro tipo de archivo renombrado). Solo se aceptan PDF, JPEG, PNG y TIFF.`
        : 'no es PDF, JPEG, PNG ni TIFF.',
    );
  }
  const paginas = await paginasDe(formato, bytes, nombre);
  if (paginas.length === 0) throw archivoInvalido(nombre, 'no tiene páginas.');
  if (paginas.length > limites.maxPaginas) {
    throw archivoInvalido(nombre, `tiene ${paginas.length} páginas y el máximo de esta estación es ${limites.maxPaginas}. Divídalo en partes.`);
  }
  return { formato, nombre, bytes, paginas };
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;
}

async function paginasDe(formato: FormatoArchivo, bytes: Buffer, nombre: string): Promise<Pagina[]> {
  if (formato === 'jpeg' || formato === 'png') return [{ tipo: 'imagen', imagen: imagenDe(formato, bytes, nombre, null), rotacion: 0 }];
  if (formato === 'tiff') return paginasTiff(bytes, nombre).map((imagen) => ({ tipo: 'imagen', imagen, rotacion: 0 }));
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
  } catch (err) {
    if (err instanceof Error && /encrypt/i.test(err.message)) {
      throw archivoInvalido(nombre, 'el PDF está protegido con contraseña. Pida una copia sin protección.');
    }
    throw archivoInvalido(nombre, 'el PDF está dañado y no se puede leer.');
  }
  let n: number;
  try {
    n = doc.getPageCount();
  } catch {
    throw archivoInvalido(nombre, 'el PDF está dañado (no se pueden contar sus páginas).');
  }
  const paginas: Pagina[] = [];
  for (let i = 0; i < n; i++) {
    const pagina = doc.getPage(i);
    const imagen = imagenDePaginaPdf(pagina);
    paginas.push({ tipo: 'pdf', doc, indice: i, rotacion: 0, imagen, imagenPendiente: !imagen && tieneXObjetos(pagina) });
  }
  return paginas;
}

/** How a page is to be read: the clerk's turn plus, for a PDF page, the turn the PDF itself gives it. */
export function rotacionDe(p: Pagina): Rotacion {
  const propia = p.tipo === 'pdf' ? p.doc.getPage(p.indice).getRotation().angle : 0;
  return ((((propia + p.rotacion) % 360) + 360) % 360) as Rotacion;
}

/** Validates an image file and describes it; `dpi` overrides the header (the scanner knows). */
export function imagenDe(formato: 'jpeg' | 'png', bytes: Buffer, nombre: string, dpi: number | null): ImagenPagina {
  const info = formato === 'jpeg' ? leerJpeg(bytes, nombre) : leerPng(bytes, nombre);
  if (info.ancho * info.alto > MAX_PIXELES) throw archivoInvalido(nombre, `la imagen es demasiado grande (${info.ancho}×${info.alto} píxeles).`);
  return { formato, bytes, ancho: info.ancho, alto: info.alto, dpi: dpi ?? info.dpi };
}

function paginasTiff(bytes: Buffer, nombre: string): ImagenPagina[] {
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(bytes);
  } catch {
    throw archivoInvalido(nombre, 'el TIFF está dañado y no se puede leer.');
  }
  // Thumbnails and masks are sub-IFDs; the pages are the top-level images.
  const paginas: ImagenPagina[] = [];
  for (const ifd of ifds) {
    const ancho = Number((ifd['t256'] as number[] | undefined)?.[0] ?? 0);
    const alto = Number((ifd['t257'] as number[] | undefined)?.[0] ?? 0);
    if (!ancho || !alto) continue;
    if (ancho * alto > MAX_PIXELES) throw archivoInvalido(nombre, `una página del TIFF es demasiado grande (${ancho}×${alto} píxeles).`);
    try {
      UTIF.decodeImage(bytes, ifd);
    } catch {
      throw archivoInvalido(nombre, `la página ${paginas.length + 1} del TIFF está dañada.`);
    }
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length < ancho * alto * 4) throw archivoInvalido(nombre, `la página ${paginas.length + 1} del TIFF está incompleta.`);
    const resolucion = (ifd['t282'] as number[] | undefined)?.[0];
    const unidad = (ifd['t296'] as number[] | undefined)?.[0] ?? 2;
    const dpi = resolucion ? Math.round(unidad === 3 ? resolucion * 2.54 : resolucion) : null;
    paginas.push({ formato: 'png', bytes: pngDesdeRgba(rgba, ancho, alto), ancho, alto, dpi });
  }
  return paginas;
}

// ---------------------------------------------------------------------------------------------
// PNG writing (TIFF pages, raw PDF images): gray when the page has no colour, 1 bit when it is
// black and white only, which is what most office scans are.

function chunk(tipo: string, datos: Buffer): Buffer {
  const b = Buffer.alloc(12 + datos.length);
  b.writeUInt32BE(datos.length, 0);
  b.write(tipo, 4, 'latin1');
  datos.copy(b, 8);
  b.writeUInt32BE(crc32(b, 4, 8 + datos.length), 8 + datos.length);
  return b;
}

const FIRMA_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG from already-filtered, already-compressed scanlines (what a PDF Flate image with predictors holds). */
export function pngDesdeIdat(idat: Buffer, ancho: number, alto: number, profundidad: number, color: 0 | 2): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(ancho, 0);
  ihdr.writeUInt32BE(alto, 4);
  ihdr[8] = profundidad;
  ihdr[9] = color;
  return Buffer.concat([FIRMA_PNG, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** Raw samples (rows without filter bytes) → PNG. */
export function pngDesdeCrudo(muestras: Uint8Array, ancho: number, alto: number, canales: 1 | 3, profundidad: 1 | 8): Buffer {
  const porFila = Math.ceil((ancho * canales * profundidad) / 8);
  const filas = Buffer.alloc((porFila + 1) * alto);
  for (let y = 0; y < alto; y++) {
    filas[y * (porFila + 1)] = 0;
    filas.set(muestras.subarray(y * porFila, (y + 1) * porFila), y * (porFila + 1) + 1);
  }
  return pngDesdeIdat(deflateSync(filas, { level: 6 }), ancho, alto, profundidad, canales === 1 ? 0 : 2);
}

function pngDesdeRgba(rgba: Uint8Array, ancho: number, alto: number): Buffer {
  const n = ancho * alto;
  let gris = true;
  let binario = true;
  for (let i = 0; i < n && gris; i++) {
    const r = rgba[i * 4]!;
    if (r !== rgba[i * 4 + 1] || r !== rgba[i * 4 + 2]) gris = false;
    else if (r !== 0 && r !== 255) binario = false;
  }
  if (!gris) {
    const rgb = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) rgb.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
    return pngDesdeCrudo(rgb, ancho, alto, 3, 8);
  }
  if (binario) {
    const porFila = Math.ceil(ancho / 8);
    const bits = new Uint8Array(porFila * alto);
    for (let y = 0; y < alto; y++)
      for (let x = 0; x < ancho; x++) if (rgba[(y * ancho + x) * 4]) bits[y * porFila + (x >> 3)]! |= 0x80 >> (x & 7);
    return pngDesdeCrudo(bits, ancho, alto, 1, 1);
  }
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) g[i] = rgba[i * 4]!;
  return pngDesdeCrudo(g, ancho, alto, 1, 8);
}

// ---------------------------------------------------------------------------------------------
// Page images inside a PDF: a scanned PDF holds one image per page. Born-digital pages have none
// (their text needs no OCR, and their barcodes are not read: batch stacks are scanned paper).

function nombreFiltro(d: PDFDict): string | null {
  const f = d.lookup(PDFName.of('Filter'));
  if (f instanceof PDFName) return f.asString();
  if (f instanceof PDFArray && f.size() === 1) {
    const x = f.lookup(0);
    return x instanceof PDFName ? x.asString() : null;
  }
  return f === undefined ? '' : null;
}

function numero(d: PDFDict | undefined, clave: string, porDefecto: number): number {
  const v = d?.lookup(PDFName.of(clave));
  return v instanceof PDFNumber ? v.asNumber() : porDefecto;
}

/** Anything in the page's XObjects (images, or forms that may hold one). */
function tieneXObjetos(pagina: PDFPage): boolean {
  const xobjetos = pagina.node.Resources()?.lookup(PDFName.of('XObject'));
  return xobjetos instanceof PDFDict && xobjetos.keys().length > 0;
}

function canalesDe(d: PDFDict): 1 | 3 | null {
  const cs = d.lookup(PDFName.of('ColorSpace'));
  if (cs instanceof PDFName) return cs.asString() === '/DeviceGray' ? 1 : cs.asString() === '/DeviceRGB' ? 3 : null;
  if (cs instanceof PDFArray && cs.lookup(0) instanceof PDFName && (cs.lookup(0) as PDFName).asString() === '/ICCBased') {
    const icc = cs.lookup(1);
    const n = icc instanceof PDFRawStream ? numero(icc.dict, 'N', 0) : 0;
    return n === 1 ? 1 : n === 3 ? 3 : null;
  }
  return null;
}

export function imagenDePaginaPdf(pagina: PDFPage): ImagenPagina | null {
  const xobjetos = pagina.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xobjetos instanceof PDFDict)) return null;
  let mejor: PDFRawStream | null = null;
  let area = 0;
  for (const [, ref] of xobjetos.entries()) {
    const s = pagina.doc.context.lookup(ref);
    if (!(s instanceof PDFRawStream)) continue;
    const sub = s.dict.lookup(PDFName.of('Subtype'));
    if (!(sub instanceof PDFName) || sub.asString() !== '/Image') continue;
    const a = numero(s.dict, 'Width', 0) * numero(s.dict, 'Height', 0);
    if (a > area) {
      area = a;
      mejor = s;
    }
  }
  if (!mejor) return null;
  const d = mejor.dict;
  const ancho = numero(d, 'Width', 0);
  const alto = numero(d, 'Height', 0);
  const bpc = numero(d, 'BitsPerComponent', 8);
  const filtro = nombreFiltro(d);
  // An inverted (Decode [1 0]) or stencil image is not what its bytes say: pdf.js reads it.
  if (d.has(PDFName.of('Decode')) || d.lookup(PDFName.of('ImageMask'))?.toString() === 'true') return null;
  const { width } = pagina.getSize();
  const dpi = width > 0 ? Math.round((ancho * 72) / width) : null;
  try {
    if (filtro === '/DCTDecode') {
      const bytes = Buffer.from(mejor.contents);
      const info = leerJpeg(bytes, 'página');
      return { formato: 'jpeg', bytes, ancho: info.ancho, alto: info.alto, dpi };
    }
    const canales = canalesDe(d);
    if (!canales || (bpc !== 8 && !(bpc === 1 && canales === 1))) return null;
    const parms = d.lookup(PDFName.of('DecodeParms'));
    const predictor = parms instanceof PDFDict ? numero(parms, 'Predictor', 1) : 1;
    if (predictor !== 1) {
      const p = parms as PDFDict;
      if (predictor < 10 || numero(p, 'Columns', 1) !== ancho || numero(p, 'Colors', 1) !== canales || numero(p, 'BitsPerComponent', 8) !== bpc) return null;
    }
    if (filtro === '/FlateDecode' && predictor >= 10) {
      // PNG-predicted rows: the zlib stream is exactly a PNG's IDAT.
      return { formato: 'png', bytes: pngDesdeIdat(Buffer.from(mejor.contents), ancho, alto, bpc, canales === 1 ? 0 : 2), ancho, alto, dpi };
    }
    let crudo: Uint8Array;
    if (filtro === '/FlateDecode') crudo = inflateSync(mejor.contents);
    else if (filtro === '') crudo = mejor.contents;
    else return null; // CCITT, JBIG2, JPX, LZW…: pdf.js reads them (completarImagenes)
    return { formato: 'png', bytes: pngDesdeCrudo(crudo, ancho, alto, canales, bpc as 1 | 8), ancho, alto, dpi };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// What the quick path does not read, through pdf.js

/**
 * Decodes the images the quick path left out (`imagenPendiente`), for the pages `indices` (0-based)
 * or all: afterwards their `imagen` is a PNG like any other page's. A page pdf.js cannot decode
 * either keeps `imagen: null`; a damaged PDF throws.
 */
export async function completarImagenes(doc: DocumentoLeido, indices?: readonly number[]): Promise<void> {
  const pendientes = (indices ?? doc.paginas.map((_, i) => i))
    .map((i) => doc.paginas[i])
    .filter((p): p is Extract<Pagina, { tipo: 'pdf' }> => p?.tipo === 'pdf' && p.imagenPendiente);
  if (pendientes.length === 0) return;
  const lector = await abrirPdfjs(doc.bytes, { maxPixeles: MAX_PIXELES });
  try {
    for (const p of pendientes) {
      p.imagen = null;
      try {
        const d = await lector.imagen(p.indice);
        const { width } = p.doc.getPage(p.indice).getSize();
        if (d) p.imagen = { formato: 'png', bytes: pngDesdeDecodificada(d), ancho: d.ancho, alto: d.alto, dpi: width > 0 ? Math.round((d.ancho * 72) / width) : null };
      } catch {
        // A damaged image: the page stays without one, as a born-digital page.
      }
      p.imagenPendiente = false;
    }
  } finally {
    await lector.cerrar();
  }
}

/**
 * Each page's own text, in page order: what a born-digital PDF (a Word export) carries, or the
 * text layer a scanner that reads its pages adds. '' for a page without text and for image files.
 */
export async function textoDePaginas(doc: DocumentoLeido): Promise<string[]> {
  if (doc.formato !== 'pdf') return doc.paginas.map(() => '');
  const lector = await abrirPdfjs(doc.bytes, { maxPixeles: MAX_PIXELES });
  try {
    const textos: string[] = [];
    for (const p of doc.paginas) {
      let texto = '';
      try {
        if (p.tipo === 'pdf') texto = await lector.texto(p.indice);
      } catch {
        // A font pdf.js cannot read: that page has no text of its own to give.
      }
      textos.push(texto);
    }
    return textos;
  } finally {
    await lector.cerrar();
  }
}

function pngDesdeDecodificada(d: ImagenDecodificada): Buffer {
  if (d.tipo === 'bits') return pngDesdeCrudo(d.datos, d.ancho, d.alto, 1, 1);
  if (d.tipo === 'rgba') return pngDesdeRgba(d.datos, d.ancho, d.alto);
  const n = d.ancho * d.alto;
  let gris = true;
  for (let i = 0; i < n && gris; i++) gris = d.datos[i * 3] === d.datos[i * 3 + 1] && d.datos[i * 3] === d.datos[i * 3 + 2];
  if (!gris) return pngDesdeCrudo(d.datos, d.ancho, d.alto, 3, 8);
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) g[i] = d.datos[i * 3]!;
  return pngDesdeCrudo(g, d.ancho, d.alto, 1, 8);
}

// ---------------------------------------------------------------------------------------------
// Composing the sealed PDF

const A4_ANCHO_PULGADAS = 8.27;

function tamanoPagina(img: ImagenPagina): [number, number] {
  const dpi = img.dpi && img.dpi >= 50 && img.dpi <= 2400 ? img.dpi : img.ancho / A4_ANCHO_PULGADAS;
  return [(img.ancho * 72) / dpi, (img.alto * 72) / dpi];
}

function incrustarPng(doc: PDFDocument, bytes: Buffer): PDFRawStream | null {
  const info = leerPng(bytes, 'página');
  if (info.entrelazado || info.transparencia || ![0, 2, 3].includes(info.color) || ![1, 2, 4, 8, 16].includes(info.profundidad)) return null;
  const canales = info.color === 2 ? 3 : 1;
  const espacio =
    info.color === 0
      ? PDFName.of('DeviceGray')
      : info.color === 2
        ? PDFName.of('DeviceRGB')
        : info.paleta
          ? doc.context.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), info.paleta.length / 3 - 1, PDFHexString.of(info.paleta.toString('hex'))])
          : null;
  if (!espacio) return null;
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: info.ancho,
    Height: info.alto,
    BitsPerComponent: info.profundidad,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: canales, BitsPerComponent: info.profundidad, Columns: info.ancho },
  });
  dict.set(PDFName.of('ColorSpace'), espacio);
  return PDFRawStream.of(dict, info.idat);
}

async function agregarImagen(doc: PDFDocument, img: ImagenPagina): Promise<PDFPage> {
  const [w, h] = tamanoPagina(img);
  const pagina = doc.addPage([w, h]);
  if (img.formato === 'jpeg') {
    const imagen = await doc.embedJpg(img.bytes);
    pagina.drawImage(imagen, { x: 0, y: 0, width: w, height: h });
    return pagina;
  }
  const directo = incrustarPng(doc, img.bytes);
  if (!directo) {
    const imagen = await doc.embedPng(img.bytes);
    pagina.drawImage(imagen, { x: 0, y: 0, width: w, height: h });
    return pagina;
  }
  const nombre = pagina.node.newXObject('Escaneo', doc.context.register(directo));
  pagina.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject(nombre), popGraphicsState());
  return pagina;
}

export interface MetadatosPdf {
  titulo: string;
  /** Fixed by the caller (the station's clock): the same pages give the same bytes. */
  fecha: Date;
}

/** One PDF with every page in order, each turned as the clerk left it. */
export async function componerPdf(paginas: readonly Pagina[], meta: MetadatosPdf): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.titulo);
  doc.setProducer('Radica');
  doc.setCreator('Radica');
  doc.setCreationDate(meta.fecha);
  doc.setModificationDate(meta.fecha);
  for (let i = 0; i < paginas.length; ) {
    const p = paginas[i]!;
    if (p.tipo === 'imagen') {
      const pagina = await agregarImagen(doc, p.imagen);
      if (p.rotacion) pagina.setRotation(degrees(p.rotacion));
      i++;
      continue;
    }
    // Consecutive pages of the same source PDF are copied in one call (shared fonts copied once).
    let j = i;
    while (j < paginas.length && paginas[j]!.tipo === 'pdf' && (paginas[j] as { doc: PDFDocument }).doc === p.doc) j++;
    const grupo = paginas.slice(i, j) as Extract<Pagina, { tipo: 'pdf' }>[];
    const copiadas = await doc.copyPages(
      p.doc,
      grupo.map((g) => g.indice),
    );
    copiadas.forEach((c, k) => {
      doc.addPage(c);
      const r = grupo[k]!.rotacion;
      if (r) c.setRotation(degrees((c.getRotation().angle + r) % 360));
    });
    i = j;
  }
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}
