import type { Plantilla } from '../sticker/types';

/**
 * Printers of a station. `uri` says where the bytes go:
 *   tcp://host:9100      network ESC/POS printer (raw socket)
 *   file:///ruta  or /dev/usb/lp0   a device or file (ESC/POS bytes, or a PDF when formato is pdf)
 *   cups://COLA          the CUPS queue COLA through `lp`, as a PDF at the label's size (Linux)
 *   os://NOMBRE          the OS print queue through Electron's silent webContents.print (desktop app only)
 *   pdf:///carpeta       a PDF file per job in that folder
 */
export interface ImpresoraConfig {
  id: string;
  nombre: string;
  uri: string;
  formato: 'escpos' | 'pdf';
  plantilla: Plantilla;
  /** ESC/POS only: the printer's own Code 128 and QR commands, or both drawn as a raster image. */
  modoCodigos: 'nativo' | 'raster';
  /** Receives the stickers (rótulos) by default. */
  predeterminada: boolean;
  /** Receives the citizen receipts (constancias). */
  constancias: boolean;
  /** The label stock actually loaded, when it differs from the template's size (labels only). */
  tamano: { anchoMm: number; altoMm: number } | null;
}

export interface ConfigImpresion {
  impresoras: ImpresoraConfig[];
  /** Print the sticker as soon as the radicado is committed. */
  imprimirAlRadicar: boolean;
  /** Also print the citizen's receipt after radicar. */
  imprimirConstancia: boolean;
  /** Consultation page; {numero} and {codigo} are replaced. */
  urlConsulta: string;
  /** Satisfaction survey for the receipt, or null. */
  urlEncuesta: string | null;
}

export type EstadoTrabajo = 'pendiente' | 'impreso' | 'error';

export interface TrabajoImpresion {
  id: number;
  numero: string;
  impresora: string;
  plantilla: Plantilla;
  documento: 'rotulo' | 'constancia';
  copia: boolean;
  estado: EstadoTrabajo;
  intentos: number;
  /** Spanish, for the clerk: what is wrong with the printer. */
  ultimoError: string | null;
  creadoEn: number;
  impresoEn: number | null;
  /** When the queue will try again by itself. */
  proximoIntento: number | null;
}

export interface EstadoImpresora {
  id: string;
  nombre: string;
  uri: string;
  /** 'lista' reachable, 'sin_conexion' unreachable, 'desconocido' not checked (queues that cannot be probed). */
  estado: 'lista' | 'sin_conexion' | 'desconocido';
  detalle: string | null;
  pendientes: number;
}
