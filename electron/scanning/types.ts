/**
 * Where page images come from. One interface for every scanner the ventanillas have: SANE's
 * `scanimage` on Linux, WIA or the NAPS2 console on Windows. Network multifunction printers that
 * scan to a shared folder come in through the hot folder (carpetaVigilada.ts), not through this
 * interface, because nobody at the station starts those scans.
 *
 * Adapters only produce page image files in a folder the caller owns; turning them into one sealed
 * PDF, counting folios and OCR happen in electron/anexos, the same for every source.
 */

export type FuenteEscaneo = 'adf' | 'plano';
export type ModoEscaneo = 'color' | 'gris' | 'blanco_negro';
export type FormatoPagina = 'jpeg' | 'png' | 'tiff';

export interface DispositivoEscaner {
  /** What `dispositivo` takes: a SANE device name ("test:0", "epjitsu:libusb:001:004"), a WIA id, a NAPS2 device. */
  id: string;
  /** Human name for the clerk ("Fujitsu fi-7160"). */
  nombre: string;
  fuentes: FuenteEscaneo[];
  duplex: boolean;
  modos: ModoEscaneo[];
  /** Resolutions the device accepts (a few typical ones when it accepts a range). */
  resoluciones: number[];
}

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
