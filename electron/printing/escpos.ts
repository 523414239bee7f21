import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { altoLineaMm } from '../../shared/sticker/fit';
import type { Elemento, ElementoCodigo128, ElementoQr, ElementoTexto, StickerLayout } from '../../shared/sticker/types';

/**
 * The sticker or receipt as ESC/POS bytes for an 80 mm receipt printer (Epson TM-T20, Bixolon and
 * their clones), built with node-thermal-printer's buffer and never sent from here: the print queue
 * owns the transport.
 */
export interface OpcionesEscPos {
  /**
   * 'nativo': the printer draws the Code 128 (GS k) and the QR (GS ( k) itself: small and sharp.
   * 'raster': both drawn here from the layout's modules as a bit image (GS v 0), for printers whose
   * firmware lacks QR or prints Code 128 badly.
   */
  modoCodigos: 'nativo' | 'raster';
}

/** 203 dpi heads: 8 dots per millimetre. */
const PUNTOS_POR_MM = 8;
/** Printable width of an 80 mm head (72 mm). */
const ANCHO_MAXIMO_PUNTOS = 576;
/** Code 128 quiet zone the printer leaves blank on each side, in modules. */
const ZONA_SILENCIO = 10;

/**
 * PC850 (Multilingual Latin 1), ESC t 2: on every Epson-compatible firmware we know, and it has all of
 * Latin-1, so every Spanish letter and sign (á é í ó ú ü ñ Ñ ¿ ¡ ° ·). WPC1252 (ESC t 16) is missing
 * from many clones, which then print it as Chinese or as PC437.
 */
export const PAGINA_CODIGOS = CharacterSet.PC850_MULTILINGUAL;
/** The n of ESC t n for PAGINA_CODIGOS, for tests and diagnostics. */
export const ESC_T_PAGINA = 2;

/** Characters outside PC850 that people do paste into an asunto, with a printable stand-in. */
const SUSTITUTOS: Record<string, string> = {
  '…': '...',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '•': '·',
  '€': 'EUR',
  '™': 'TM',
  '\u2009': ' ',
  '\u200b': '',
};

/**
 * Text the printer can print in PC850. node-thermal-printer would otherwise switch the printer to
 * another code page on the first character PC850 lacks (an ESC t in the middle of the receipt, left
 * active for the rest of it), so nothing outside PC850 may reach it.
 */
export function aPc850(texto: string): string {
  let out = '';
  for (const c of texto) {
    const cp = c.codePointAt(0)!;
    if ((cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff)) out += c;
    else if (c in SUSTITUTOS) out += SUSTITUTOS[c];
    else if (cp < 0x20 || cp === 0x7f) out += ' ';
    else {
      const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((b) => b.codePointAt(0)! < 0x7f || (b.codePointAt(0)! >= 0xa0 && b.codePointAt(0)! <= 0xff)) ? base : '?';
    }
  }
  return out;
}

type Tamano = 'cuadruple' | 'doble-alto' | 'normal' | 'pequena';

/** The layout's point sizes mapped onto what a receipt printer has: font A at 1×/2×, and font B. */
function claseTamano(tamano: number): Tamano {
  if (tamano >= 14) return 'cuadruple';
  if (tamano >= 10) return 'doble-alto';
  // The receipt layout wraps its 7 pt lines (URLs, legal note) at 56 columns: font B has 64.
  if (tamano >= 7.5) return 'normal';
  return 'pequena';
}

function columnasDe(clase: Tamano, columnas: number): number {
  if (clase === 'cuadruple') return Math.floor(columnas / 2);
  // Font B is 9 dots wide against font A's 12.
  if (clase === 'pequena') return Math.floor((columnas * 4) / 3);
  return columnas;
}

/** Word wrap by columns; a word longer than a line (a URL) is split, never cut. */
function envolver(texto: string, columnas: number): string[] {
  const lineas: string[] = [];
  let actual = '';
  for (const palabra of texto.split(' ')) {
    let resto = palabra;
    while (resto.length > columnas) {
      if (actual) lineas.push(actual);
      actual = '';
      lineas.push(resto.slice(0, columnas));
      resto = resto.slice(columnas);
    }
    if (!actual) actual = resto;
    else if (actual.length + 1 + resto.length <= columnas) actual += ` ${resto}`;
    else {
      lineas.push(actual);
      actual = resto;
    }
  }
  if (actual) lineas.push(actual);
  return lineas;
}

function alto(e: Elemento): number {
  switch (e.tipo) {
    case 'texto':
      return altoLineaMm(e.tamano);
    case 'codigo128':
      return e.alto;
    case 'qr':
      return e.lado;
    case 'linea':
      return e.grosor;
  }
}

/** A barcode or QR centred on the page prints centred; anything else from the left margin. */
function alinearGrafico(p: ThermalPrinter, layout: StickerLayout, x: number, ancho: number): void {
  if (Math.abs(x + ancho / 2 - layout.anchoMm / 2) < 2) p.alignCenter();
  else p.alignLeft();
}

/** ESC J n: feed n dots. The layout's blank space (around codes, before a rule) kept on paper. */
function avanzarPuntos(p: ThermalPrinter, puntos: number): void {
  let resto = Math.round(puntos);
  while (resto > 0) {
    const n = Math.min(255, resto);
    p.add(Buffer.from([0x1b, 0x4a, n]));
    resto -= n;
  }
}

function texto(p: ThermalPrinter, layout: StickerLayout, t: ElementoTexto): void {
  const clase = claseTamano(t.tamano);
  // ESC ! resets font and emphasis, so it goes first; then font, bold and justification.
  if (clase === 'cuadruple') p.setTextQuadArea();
  else if (clase === 'doble-alto') p.setTextDoubleHeight();
  else p.setTextNormal();
  if (clase === 'pequena') p.setTypeFontB();
  p.bold(t.negrita);
  if (t.alinear === 'centro') p.alignCenter();
  else if (t.alinear === 'derecha') p.alignRight();
  else p.alignLeft();
  const limpio = aPc850(t.texto).replace(/\s+/g, ' ').trim();
  for (const linea of envolver(limpio, columnasDe(clase, layout.columnas))) p.println(linea);
}

/** Code 128 set B as the printer encodes it: start, data, check, stop. */
function modulosCodigo128B(datos: string): number {
  return 11 * (datos.length + 2) + 13 + 2 * ZONA_SILENCIO;
}

/** What GS k with {B and GS ( k accept: printable ASCII, since the library counts characters, not bytes. */
const ASCII_IMPRIMIBLE = /^[\x20-\x7e]+$/;

function codigo128Nativo(p: ThermalPrinter, layout: StickerLayout, c: ElementoCodigo128): boolean {
  if (!ASCII_IMPRIMIBLE.test(c.datos)) return false;
  // GS w takes 2–6 dots per module; 2 dots is the narrowest a head prints evenly.
  const modulo = Math.min(6, Math.floor(ANCHO_MAXIMO_PUNTOS / modulosCodigo128B(c.datos)));
  if (modulo < 2) return false;
  alinearGrafico(p, layout, c.x, c.ancho);
  // Height in dots from the layout (GS h, 1–255); no human-readable line: the number is printed above.
  p.printBarcode(c.datos, 73, { hriPos: 0, hriFont: 0, width: modulo, height: Math.max(1, Math.min(255, Math.round(c.alto * PUNTOS_POR_MM))) });
  return true;
}

function qrNativo(p: ThermalPrinter, layout: StickerLayout, q: ElementoQr): boolean {
  if (!ASCII_IMPRIMIBLE.test(q.datos)) return false;
  // Same error correction (M) as the layout's own encoding, so the printer picks the same version
  // and the cell size gives the layout's side (30 mm on the receipt).
  const celda = Math.max(1, Math.min(8, Math.round((q.lado * PUNTOS_POR_MM) / q.tamano)));
  alinearGrafico(p, layout, q.x, q.lado);
  p.printQR(q.datos, { cellSize: celda, correction: 'M', model: 2 });
  return true;
}

/**
 * GS v 0 m xL xH yL yH d1…dk (m = 0, normal density): xL/xH bytes per row, yL/yH rows; each byte is
 * eight dots left to right, MSB first, 1 = black. Built from rows of modules, each module `modulo`
 * dots square, every module row repeated `altoFila` times.
 */
export function rasterGsv0(filasModulos: ArrayLike<number>[], modulo: number, altoFila: number): Buffer {
  const anchoPuntos = (filasModulos[0]?.length ?? 0) * modulo;
  const bytesFila = Math.ceil(anchoPuntos / 8);
  const altoPuntos = filasModulos.length * altoFila;
  const salida = Buffer.alloc(8 + bytesFila * altoPuntos);
  salida.set([0x1d, 0x76, 0x30, 0x00, bytesFila & 0xff, bytesFila >> 8, altoPuntos & 0xff, altoPuntos >> 8]);
  filasModulos.forEach((modulos, f) => {
    const fila = salida.subarray(8 + f * altoFila * bytesFila, 8 + (f * altoFila + 1) * bytesFila);
    for (let m = 0; m < modulos.length; m++) {
      if (modulos[m] !== 1) continue;
      for (let x = m * modulo; x < (m + 1) * modulo; x++) fila[x >> 3]! |= 0x80 >> (x & 7);
    }
    // The other dot rows of a module row are the same bytes.
    for (let r = 1; r < altoFila; r++) salida.copyWithin(8 + (f * altoFila + r) * bytesFila, 8 + f * altoFila * bytesFila, 8 + (f * altoFila + 1) * bytesFila);
  });
  return salida;
}

function codigo128Raster(p: ThermalPrinter, layout: StickerLayout, c: ElementoCodigo128): void {
  // The layout already snapped the module to whole dots (shared/sticker/layout.ts); keep it whole here.
  const modulo = Math.max(1, Math.min(Math.round((c.ancho * PUNTOS_POR_MM) / c.barras.length), Math.floor(ANCHO_MAXIMO_PUNTOS / c.barras.length)));
  const barras = Uint8Array.from(c.barras, (b) => (b === '1' ? 1 : 0));
  alinearGrafico(p, layout, c.x, c.ancho);
  p.add(rasterGsv0([barras], modulo, Math.round(c.alto * PUNTOS_POR_MM)));
}

function qrRaster(p: ThermalPrinter, layout: StickerLayout, q: ElementoQr): void {
  const modulo = Math.max(1, Math.min(Math.round((q.lado * PUNTOS_POR_MM) / q.tamano), Math.floor(ANCHO_MAXIMO_PUNTOS / q.tamano)));
  const filas = Array.from({ length: q.tamano }, (_, f) => q.modulos.slice(f * q.tamano, (f + 1) * q.tamano));
  alinearGrafico(p, layout, q.x, q.lado);
  p.add(rasterGsv0(filas, modulo, modulo));
}

/** Reading order for a printer that only goes down: top to bottom, then left to right. */
function enOrdenDeLectura(elementos: Elemento[]): Elemento[] {
  return elementos
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.y - b.e.y || a.e.x - b.e.x || a.i - b.i)
    .map(({ e }) => e);
}

export function layoutAEscPos(layout: StickerLayout, opciones: OpcionesEscPos): Buffer {
  const p = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // Only the buffer is used; the print queue sends it through its own transport.
    interface: 'radica-solo-buffer',
    characterSet: PAGINA_CODIGOS,
    width: layout.columnas,
    // Lines are wrapped here, per size class; the library's fold only knows one width.
    breakLine: BreakLine.NONE,
  });
  // ESC @ first (a previous job may have left double size or another code page), then ESC t.
  p.setBuffer(Buffer.from([0x1b, 0x40]));
  p.setCharacterSet(PAGINA_CODIGOS);

  let fondo = enOrdenDeLectura(layout.elementos)[0]?.y ?? 0;
  for (const e of enOrdenDeLectura(layout.elementos)) {
    const hueco = e.y - fondo;
    if (hueco >= 0.75) avanzarPuntos(p, hueco * PUNTOS_POR_MM);
    fondo = Math.max(fondo, e.y + alto(e));
    switch (e.tipo) {
      case 'texto':
        texto(p, layout, e);
        break;
      case 'linea':
        p.setTextNormal();
        p.bold(false);
        p.alignLeft();
        p.drawLine();
        break;
      case 'codigo128':
        if (opciones.modoCodigos === 'raster' || !codigo128Nativo(p, layout, e)) codigo128Raster(p, layout, e);
        break;
      case 'qr':
        if (opciones.modoCodigos === 'raster' || !qrNativo(p, layout, e)) qrRaster(p, layout, e);
        break;
    }
  }
  p.setTextNormal();
  p.bold(false);
  p.alignLeft();
  // partialCut feeds past the tear bar (ESC d 4, twice), cuts (GS V 1) and resets (ESC @).
  p.partialCut();
  return p.getBuffer();
}
