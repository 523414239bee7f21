/** Scanning as the UI and the CLI see it (the adapters' own types live in electron/scanning). */

export type FuenteEscaneo = 'adf' | 'plano';
export type ModoEscaneo = 'color' | 'gris' | 'blanco_negro';

export interface DispositivoEscaneo {
  id: string;
  nombre: string;
  fuentes: FuenteEscaneo[];
  duplex: boolean;
  modos: ModoEscaneo[];
  resoluciones: number[];
}

/** The station's scanner settings (administrador). */
export interface ConfigEscaner {
  dispositivo: string;
  fuente: FuenteEscaneo;
  duplex: boolean;
  resolucion: number;
  modo: ModoEscaneo;
  /** Hot folder where the office's multifunction printer drops its scans; null: none. */
  carpeta: string | null;
}

export interface PaginaEscaneo {
  indice: number;
  /** data: URL of the page image, for the thumbnails. */
  imagen: string;
  ancho: number;
  alto: number;
  /** Its OCR text has arrived. */
  ocr: boolean;
}

export interface EstadoEscaneo {
  id: string;
  estado: 'escaneando' | 'listo' | 'fallido';
  error: string | null;
  paginas: PaginaEscaneo[];
  /** OCR text of the pages read so far (feeds the classifier's suggestions). */
  texto: string;
}

export const NOMBRES_MODO: Record<ModoEscaneo, string> = { color: 'Color', gris: 'Escala de grises', blanco_negro: 'Blanco y negro' };
export const NOMBRES_FUENTE: Record<FuenteEscaneo, string> = { adf: 'Alimentador', plano: 'Cama plana' };
