/**
 * A sticker (rótulo) or a citizen receipt (constancia) as absolute elements in millimetres, origin at
 * the top-left corner. Every medium draws this same layout: the PDF encoder as vectors, the ESC/POS
 * encoder in reading order (native barcode and QR commands, or raster), the UI preview as SVG.
 */
export const PLANTILLAS = ['etiqueta-100x50', 'etiqueta-62', 'recibo-80'] as const;
export type Plantilla = (typeof PLANTILLAS)[number];
export const PLANTILLA_DEFECTO: Plantilla = 'etiqueta-100x50';

export type Documento = 'rotulo' | 'constancia';

export interface ElementoTexto {
  tipo: 'texto';
  x: number;
  y: number;
  /** Width of the box; the text is already cut to fit it (with …). */
  ancho: number;
  /** Font size in points. */
  tamano: number;
  negrita: boolean;
  alinear: 'izquierda' | 'centro' | 'derecha';
  /** Monospaced for the radicado number and codes, so digits line up. */
  mono: boolean;
  texto: string;
}

export interface ElementoCodigo128 {
  tipo: 'codigo128';
  x: number;
  y: number;
  ancho: number;
  alto: number;
  datos: string;
  /** Bar pattern, one character per module: '1' bar, '0' space (JsBarcode's encoding). */
  barras: string;
}

export interface ElementoQr {
  tipo: 'qr';
  x: number;
  y: number;
  lado: number;
  datos: string;
  /** Modules per side. */
  tamano: number;
  /** Row-major, 1 dark, 0 light; length tamano². */
  modulos: number[];
}

export interface ElementoLinea {
  tipo: 'linea';
  x: number;
  y: number;
  ancho: number;
  grosor: number;
}

export type Elemento = ElementoTexto | ElementoCodigo128 | ElementoQr | ElementoLinea;

export interface StickerLayout {
  documento: Documento;
  plantilla: Plantilla;
  anchoMm: number;
  altoMm: number;
  /** Printable text columns on a receipt printer (font A), for ESC/POS. */
  columnas: number;
  copia: boolean;
  elementos: Elemento[];
}

/** What a sticker says: everything already resolved to text (names, dates in Bogotá). */
export interface DatosSticker {
  entidad: string;
  numero: string;
  fechaHora: string;
  sede: string;
  ventanilla: string;
  radicador: string;
  tipo: string;
  dependencia: string;
  folios: number;
  anexos: string | null;
  remitente: string;
  asunto: string;
  vence: string;
  codigoVerificacion: string;
  urlConsulta: string;
  urlEncuesta: string | null;
  copia: boolean;
  anulado: boolean;
}

export interface DimensionesPlantilla {
  anchoMm: number;
  altoMm: number;
}
