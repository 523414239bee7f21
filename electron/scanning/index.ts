/**
 * Choosing a scanner adapter. Linux stations use SANE; Windows stations use the NAPS2 console
 * when NAPS2 is installed (TWAIN drivers, better with document scanners) and WIA otherwise (always
 * there, nothing to install).
 */
import { existsSync } from 'node:fs';
import { escanerNaps2, RUTAS_NAPS2, type OpcionesNaps2 } from './naps2';
import { escanerSane, type OpcionesSane } from './sane';
import type { Escaner } from './types';
import { escanerWia, type OpcionesWia } from './wia';

export * from './types';
export { escanerSane, type OpcionesSane } from './sane';
export { escanerWia, type OpcionesWia } from './wia';
export { escanerNaps2, type OpcionesNaps2, type DriverNaps2 } from './naps2';
export { escanerFalso, type OpcionesEscanerFalso } from './falso';
export { vigilarCarpeta, type CarpetaVigilada, type OpcionesCarpetaVigilada } from './carpetaVigilada';

export type TipoEscaner = 'sane' | 'wia' | 'naps2';

export interface OpcionesPorTipo {
  sane: OpcionesSane;
  wia: OpcionesWia;
  naps2: OpcionesNaps2;
}

export function crearEscaner<T extends TipoEscaner>(tipo: T, opciones: OpcionesPorTipo[T] = {}): Escaner {
  switch (tipo) {
    case 'sane':
      return escanerSane(opciones as OpcionesSane);
    case 'wia':
      return escanerWia(opciones as OpcionesWia);
    case 'naps2':
      return escanerNaps2(opciones as OpcionesNaps2);
    default:
      throw new Error(`Tipo de escáner desconocido: ${String(tipo)}`);
  }
}

export interface EleccionEscaner {
  tipo: TipoEscaner;
  opciones: OpcionesSane | OpcionesWia | OpcionesNaps2;
}

/** What a station gets when nobody configured a scanner: pure, so it is testable on any OS. */
export function eleccionPorDefecto(plataforma: NodeJS.Platform, existe: (ruta: string) => boolean = existsSync): EleccionEscaner {
  if (plataforma === 'win32') {
    const naps2 = RUTAS_NAPS2.find((r) => existe(r));
    return naps2 ? { tipo: 'naps2', opciones: { comando: naps2 } } : { tipo: 'wia', opciones: {} };
  }
  // Linux (and macOS, where SANE comes from Homebrew).
  return { tipo: 'sane', opciones: {} };
}

export function escanerPorDefecto(plataforma: NodeJS.Platform = process.platform, existe?: (ruta: string) => boolean): Escaner {
  const e = eleccionPorDefecto(plataforma, existe);
  return crearEscaner(e.tipo, e.opciones);
}
