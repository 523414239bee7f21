/**
 * Coordinator mode for a station: the review, its reports and the Estaciones screen read every
 * ventanilla of the coordinator's sedes from the central store. Chosen by RADICA_COORDINADOR_URL
 * (IT's shortcut, or a one-off session) or kept in the station by `radica central coordinacion
 * --url URL`, as the station keeps its own sync URL: the coordinator's desk then opens in that mode
 * with no environment to set up.
 */
import type { ConfigRepo } from '../store/configRepo';
import type { Station } from '../station';
import { RadicaError } from '../../shared/ipc/result';
import { cerrar, conectar, rolesDeConexion, tipoDeConexion, urlSinClave } from './conexion';
import { exigirVersion } from './esquema';
import { FuenteRevisionCentral } from './fuenteCentral';

export const CLAVE_COORDINACION = 'central.coordinacion';

/** The environment wins (a one-off session), else the URL kept in the station. */
export function urlCoordinacion(config: Pick<ConfigRepo, 'valor'>, env: NodeJS.ProcessEnv = process.env): string | null {
  return env.RADICA_COORDINADOR_URL || config.valor(CLAVE_COORDINACION) || null;
}

/** Refuses (in Spanish) a URL that is not a coordinator's of a central store of this version. */
export async function comprobarCoordinacion(url: string): Promise<{ rol: string }> {
  const c = await conectar(url, { aplicacion: 'radica central coordinacion' });
  try {
    await exigirVersion(c, 'clientes');
    const tipo = await tipoDeConexion(c, await rolesDeConexion(c));
    const rol = (await c.query<{ rol: string }>('SELECT current_user AS rol')).rows[0]!.rol;
    if (tipo !== 'coordinador') {
      throw new RadicaError(
        'VALIDACION',
        `La dirección ${urlSinClave(url)} no es la de un coordinador (usuario ${rol}). Use la que imprimió «radica central coordinador registrar».`,
      );
    }
    return { rol };
  } finally {
    await cerrar(c);
  }
}

/** Keeps (or with null forgets) the coordination URL of this station; the URL is checked first. */
export async function guardarCoordinacion(config: Pick<ConfigRepo, 'fijarValor' | 'borrarValor'>, url: string | null): Promise<{ rol: string } | null> {
  if (url === null) {
    config.borrarValor(CLAVE_COORDINACION);
    return null;
  }
  const r = await comprobarCoordinacion(url);
  config.fijarValor(CLAVE_COORDINACION, url);
  return r;
}

/**
 * Switches an open station to coordinator mode when given a coordination URL (by default the
 * environment's or the kept one); returns what to close on exit, or null when the station stays on
 * its own radicados.
 */
export function iniciarCoordinacion(station: Station, url: string | null = urlCoordinacion(station.services.context.config)): FuenteRevisionCentral | null {
  if (!url) return null;
  const central = new FuenteRevisionCentral(url);
  station.services.revision.usarFuente(central);
  station.services.central.fijarCoordinacion(() => central.estaciones());
  return central;
}
