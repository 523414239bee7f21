/**
 * The office's multifunction printer scans a stack of stickered letters to a shared folder; each
 * file that lands there is split by sticker and attached (AnexosService.lote), then moved out of
 * the way: to `procesados/` when it was handled, to `rechazados/` with a note in Spanish when the
 * file itself was refused (damaged, disguised, too big). Nothing is deleted: the paper's only
 * digital copy may be that file.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Usuario } from '../../shared/domain/radicado';
import { RadicaError } from '../../shared/ipc/result';
import { nombreSeguro } from '../anexos/formato';
import { vigilarCarpeta, type CarpetaVigilada } from '../scanning/carpetaVigilada';
import type { AnexosService } from './anexosService';
import type { ResultadoLote } from '../../shared/domain/anexos';
import { logError } from '../log';

/** Who the audit names for what arrives through the folder. */
export const USUARIO_CARPETA: Usuario = { usuario: 'carpeta-escaneo', nombre: 'Carpeta de escaneo', rol: 'radicador' };

function destinoLibre(carpeta: string, nombre: string): string {
  mkdirSync(carpeta, { recursive: true });
  let destino = path.join(carpeta, nombre);
  for (let i = 2; statSync(destino, { throwIfNoEntry: false }); i++) destino = path.join(carpeta, nombre.replace(/(\.[^.]*)?$/, ` (${i})$1`));
  return destino;
}

export interface OpcionesCarpetaEscaneo {
  estabilidadMs?: number;
  sondeoMs?: number;
  alLote?: (r: ResultadoLote) => void;
}

export function vigilarCarpetaEscaneo(anexos: AnexosService, carpeta: string, o: OpcionesCarpetaEscaneo = {}): CarpetaVigilada {
  return vigilarCarpeta({
    carpeta,
    estabilidadMs: o.estabilidadMs,
    sondeoMs: o.sondeoMs,
    alError: (err) => logError('carpeta de escaneo', err),
    alArchivo: async (ruta) => {
      const nombre = nombreSeguro(path.basename(ruta));
      try {
        const { maxBytes } = anexos.limites();
        if (statSync(ruta).size > maxBytes) throw new RadicaError('ARCHIVO_INVALIDO', `No se procesó «${nombre}»: supera el tamaño máximo de la estación.`);
        const r = await anexos.lote([{ nombre, bytes: readFileSync(ruta) }], nombre, USUARIO_CARPETA, 'carpeta');
        renameSync(ruta, destinoLibre(path.join(carpeta, 'procesados'), path.basename(ruta)));
        o.alLote?.(r);
      } catch (err) {
        if (!(err instanceof RadicaError) || err.code !== 'ARCHIVO_INVALIDO') throw err; // retried when the file changes
        const destino = destinoLibre(path.join(carpeta, 'rechazados'), path.basename(ruta));
        renameSync(ruta, destino);
        writeFileSync(`${destino}.motivo.txt`, `${err.message}\n`);
      }
    },
  });
}

/**
 * The folder of the station's scanner settings, watched while the station runs: when the
 * administrador saves another folder (or none), the old watcher finishes the file in hand and stops,
 * and the new folder is watched at once; no restart needed.
 */
export function vigilarCarpetaConfigurada(anexos: AnexosService, o: OpcionesCarpetaEscaneo = {}): CarpetaVigilada {
  let actual: { carpeta: string; vigia: CarpetaVigilada } | null = null;
  let detenido = false;
  // Changes apply one after another: a watcher is stopped before the next one starts.
  let cambios: Promise<void> = Promise.resolve();
  const seguir = (carpeta: string | null) => {
    cambios = cambios
      .then(async () => {
        const destino = detenido ? null : carpeta;
        if ((actual?.carpeta ?? null) === destino) return;
        if (actual) await actual.vigia.detener();
        actual = destino ? { carpeta: destino, vigia: vigilarCarpetaEscaneo(anexos, destino, o) } : null;
      })
      .catch((err: unknown) => logError('carpeta de escaneo', err));
  };
  seguir(anexos.configEscaner()?.carpeta ?? null);
  const dejar = anexos.alCambiarConfigEscaner((c) => seguir(c.carpeta));
  return {
    async detener() {
      detenido = true;
      dejar();
      seguir(null);
      await cambios;
    },
  };
}
