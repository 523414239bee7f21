/** Attachments of a radicado (issue 5): what the UI, the CLI and the services say about them. */

export type OrigenAnexo = 'escaner' | 'archivo' | 'lote' | 'carpeta' | 'bandeja';
export type EstadoOcr = 'pendiente' | 'hecho' | 'fallido' | 'sin_imagenes';

export interface Anexo {
  id: number;
  numero: string;
  sha256: string;
  /** Always 'application/pdf': pages are sealed as one PDF whatever came in. */
  tipo: string;
  paginas: number;
  bytes: number;
  nombre: string;
  origen: OrigenAnexo;
  creadoEn: number;
  creadoPor: string;
  ocr: EstadoOcr;
  ocrCaracteres: number;
  /** Absolute path of the sealed file in the data directory. */
  ruta: string;
}

export type MotivoBandeja = 'sin_rotulo' | 'numero_desconocido' | 'codigo_invalido';

export const MOTIVOS_BANDEJA: Record<MotivoBandeja, string> = {
  sin_rotulo: 'Páginas antes del primer rótulo',
  numero_desconocido: 'Rótulo de un número que esta estación no tiene',
  codigo_invalido: 'Rótulo con código de verificación que no corresponde',
};

export interface ItemBandeja {
  id: number;
  lote: string;
  origen: string;
  desdePagina: number;
  hastaPagina: number;
  paginas: number;
  sha256: string;
  motivo: MotivoBandeja;
  codigo: string | null;
  creadoEn: number;
}

export interface ParteLote {
  numero: string;
  /** 1-based pages of the batch that went into this attachment. */
  paginas: number[];
  sha256: string;
}

export interface ResultadoLote {
  lote: string;
  origen: string;
  paginas: number;
  anexados: ParteLote[];
  bandeja: (Omit<ParteLote, 'numero'> & { id: number; motivo: MotivoBandeja; codigo: string | null })[];
  ms: number;
}

export interface LimitesAnexos {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most pages in one attachment. */
  maxPaginas: number;
}

export const LIMITES_POR_DEFECTO: LimitesAnexos = { maxBytes: 50 * 1024 * 1024, maxPaginas: 500 };

/** 0, 90, 180 or 270 degrees clockwise, as the clerk turned the page before saving. */
export type Rotacion = 0 | 90 | 180 | 270;

/** Pages of a sealed attachment as images, for the viewer (born-digital pages have no image). */
export interface PaginasAnexo {
  anexo: Anexo;
  paginas: { pagina: number; imagen: string | null; rotacion: Rotacion }[];
}
