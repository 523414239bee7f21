/**
 * `radica central migrar`: creates or upgrades the central schema, run by an administrator (a role
 * with CREATEROLE that may create the schema; not necessarily a superuser). Everything happens in
 * one transaction under an advisory lock, so two administrators migrating at once take turns and a
 * failure leaves the store as it was. A store from a newer Radica is refused untouched.
 *
 * Bootstrap (idempotent, before the numbered migrations): the group roles of this database
 * (propietario, estaciones, coordinadores, all NOLOGIN), the administrator made a member of
 * propietario, the schema `radica` owned by propietario and its `schema_version` table. The
 * migrations then run as propietario (SET LOCAL ROLE), so every table and function belongs to it.
 */
import { RadicaError } from '../../shared/ipc/result';
import { cerrar, conectar, enTransaccion, ident, literal, rolesDeConexion, tipoDeConexion, type Cliente, type Roles } from './conexion';
import { migracionesCentrales, VERSION_CENTRAL } from './migraciones';

/** Any constant: serialises migrations and station registrations of one database. */
export const CERROJO_ESQUEMA = 7_204_519;

export interface ResultadoMigracion {
  version: number;
  aplicadas: string[];
  roles: Roles;
}

export async function versionCentral(c: Cliente): Promise<number> {
  const r = await c.query<{ existe: boolean }>(`SELECT to_regclass('radica.schema_version') IS NOT NULL AS existe`);
  if (!r.rows[0]!.existe) return 0;
  const v = await c.query<{ v: number }>('SELECT coalesce(max(version), 0)::integer AS v FROM radica.schema_version');
  return v.rows[0]!.v;
}

async function asegurarRol(c: Cliente, rol: string): Promise<void> {
  const r = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [rol]);
  if (r.rowCount === 0) await c.query(`CREATE ROLE ${ident(rol)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION`);
}

/** `hasta`: the version to stop at (tests of upgrades from an older schema); default, the newest. */
export async function migrarCliente(c: Cliente, hasta: number = VERSION_CENTRAL): Promise<ResultadoMigracion> {
  if (!Number.isInteger(hasta) || hasta < 1 || hasta > VERSION_CENTRAL) throw new RadicaError('VALIDACION', `Versión de esquema no válida: ${hasta} (de 1 a ${VERSION_CENTRAL}).`);
  const tipo = await tipoDeConexion(c, await rolesDeConexion(c));
  if (tipo !== 'administrador') {
    throw new RadicaError('NO_AUTORIZADO', 'Para migrar el servidor central use la dirección de un administrador de PostgreSQL (un rol con CREATEROLE), no la de una estación.');
  }
  const roles = await rolesDeConexion(c);
  return enTransaccion(c, async () => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [CERROJO_ESQUEMA]);
    const antes = await versionCentral(c);
    if (antes > VERSION_CENTRAL) {
      throw new RadicaError(
        'CONFLICTO',
        `El servidor central tiene el esquema ${antes}, de una versión más nueva de Radica (esta conoce hasta el ${VERSION_CENTRAL}). Actualice Radica; no se modificó nada.`,
      );
    }
    for (const rol of [roles.propietario, roles.estaciones, roles.coordinadores]) await asegurarRol(c, rol);
    const miembro = await c.query<{ m: boolean }>(`SELECT pg_has_role(current_user, $1, 'MEMBER') AS m`, [roles.propietario]);
    if (!miembro.rows[0]!.m) await c.query(`GRANT ${ident(roles.propietario)} TO ${ident((await c.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u)}`);
    await c.query(`CREATE SCHEMA IF NOT EXISTS radica AUTHORIZATION ${ident(roles.propietario)}`);
    await c.query(`SET LOCAL ROLE ${ident(roles.propietario)}`);
    await c.query(`CREATE TABLE IF NOT EXISTS radica.schema_version (
      version integer PRIMARY KEY, nombre text NOT NULL, aplicada_en timestamptz NOT NULL DEFAULT now())`);
    await c.query('REVOKE ALL ON radica.schema_version FROM PUBLIC');
    const aplicadas: string[] = [];
    for (let v = antes + 1; v <= hasta; v++) {
      const m = migracionesCentrales[v - 1]!;
      await c.query(m.sql(roles));
      await c.query(`INSERT INTO radica.schema_version (version, nombre) VALUES (${v}, ${literal(m.nombre)})`);
      aplicadas.push(m.nombre);
    }
    return { version: Math.max(antes, hasta), aplicadas, roles };
  });
}

export async function migrar(url: string, hasta?: number): Promise<ResultadoMigracion> {
  const c = await conectar(url, { aplicacion: 'radica central migrar' });
  try {
    return await migrarCliente(c, hasta);
  } finally {
    await cerrar(c);
  }
}

/**
 * Refuses to work against a store whose schema this Radica does not know. `clientes`: the calls of
 * a station or a coordinator, which also accept a newer store that declares (compatible_desde)
 * it still serves this version; administration (migrations, training, imports) needs the same one.
 */
export async function exigirVersion(c: Cliente, alcance: 'administracion' | 'clientes' = 'administracion'): Promise<void> {
  const r = await c.query<{ v: number }>('SELECT radica.version_esquema() AS v').catch((err: { code?: string }) => {
    if (err.code === '42883' || err.code === '3F000') return { rows: [{ v: 0 }] };
    throw err;
  });
  const v = r.rows[0]!.v;
  if (v < VERSION_CENTRAL) {
    throw new RadicaError('CONFLICTO', `El servidor central tiene el esquema ${v} y esta versión de Radica necesita el ${VERSION_CENTRAL}: TI debe ejecutar radica central migrar.`);
  }
  if (v > VERSION_CENTRAL && !(alcance === 'clientes' && (await compatibleDesde(c, v)) <= VERSION_CENTRAL)) {
    throw new RadicaError('CONFLICTO', `El servidor central es de una versión más nueva de Radica (esquema ${v}; esta conoce hasta el ${VERSION_CENTRAL}): actualice Radica en esta estación.`);
  }
}

/** A store without the function (none exists yet) is taken as serving only its own version. */
async function compatibleDesde(c: Cliente, version: number): Promise<number> {
  const r = await c.query<{ v: number }>('SELECT radica.compatible_desde() AS v').catch((err: { code?: string }) => {
    if (err.code === '42883') return { rows: [{ v: version }] };
    throw err;
  });
  return r.rows[0]!.v;
}
