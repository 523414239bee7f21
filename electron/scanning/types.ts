/**
 * Where page images come from. One interface for every scanner the ventanillas have: SANE's
 * `scanimage` on Linux, WIA or the NAPS2 console on Windows. Network multifunction printers that
 * scan to a shared folder come in through the hot folder (carpetaVigilada.ts), not through this
 * interface, because nobody at the station starts those scans.
 *
 * Adapters only produce page image files in a folder the caller owns; turning them into one sealed
 * PDF, counting folios and OCR happen in electron/anexos, the same for every source.
 */

import type { DispositivoEscaneo, FuenteEscaneo, ModoEscaneo } from '../../shared/domain/escaneo';

export type { FuenteEscaneo, ModoEscaneo };
export type FormatoPagina = 'jpeg' | 'png' | 'tiff';

/** The shared description the UI shows: `id` is what `dispositivo` takes (a SANE name, a WIA id, a NAPS2 device). */
export type DispositivoEscaner = DispositivoEscaneo;

export interface OpcionesEscaneo {
  dispositivo: string;
  fuente: FuenteEscaneo;
  /** Both sides (only where the device offers it; refused with a Spanish message otherwise). */
  duplex?: boolean;
  resolucion: number;
  modo: ModoEscaneo;
  /** Most pages to take from the feeder (the flatbed always gives one). Undefined: until the feeder is empty. */
  paginas?: number;
  /** An existing, empty folder the caller owns; page files are written here. */
  carpeta: string;
  senal?: AbortSignal;
}

export interface PaginaEscaneada {
  /** 1-based, in scanning order. */
  indice: number;
  /** Absolute path of a complete page image file inside `carpeta`. */
  ruta: string;
  formato: FormatoPagina;
}

export interface Escaner {
  listar(): Promise<DispositivoEscaner[]>;
  /**
   * Scans and reports each page as soon as its file is complete (so the UI shows thumbnails while
   * the feeder runs). Resolves with every page, in order. Rejects with `FalloEscaner`.
   */
  escanear(o: OpcionesEscaneo, alPagina?: (p: PaginaEscaneada) => void): Promise<PaginaEscaneada[]>;
}

export type CausaFalloEscaner =
  | 'sin_dispositivo' // not found, unplugged, driver missing
  | 'sin_papel' // feeder empty before the first page
  | 'atasco' // paper jam, cover open
  | 'ocupado' // another program holds the device
  | 'no_soportado' // option the device does not offer (duplex on a simplex device…)
  | 'cancelado'
  | 'fallo'; // anything else; the message carries the detail

export class FalloEscaner extends Error {
  constructor(
    message: string,
    readonly causa: CausaFalloEscaner,
  ) {
    super(message);
    this.name = 'FalloEscaner';
  }
}
