/**
 * Connections to the central PostgreSQL store. URLs are libpq-style
 * (postgres://usuario:clave@host:5432/base?sslmode=require); `pg` handles sslmode (require,
 * verify-ca, verify-full; sslrootcert=… for the entity's CA). Connection failures become a Spanish
 * message a clerk or IT can act on; the station keeps radicating locally whatever happens here.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { RadicaError } from '../../shared/ipc/result';

export type Cliente = pg.Client;

/** The schema holding every central table and function. */
export const ESQUEMA = 'radica';

/** Time to connect before giving up (the station never waits on this to radicate). */
const ESPERA_CONEXION_MS = 5_000;

/** A URL without its password, for messages and logs. */
export function urlSinClave(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(dirección no válida)';
  }
}

export function validarUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RadicaError('VALIDACION', 'La dirección del servidor central no es válida. Escríbala como postgres://usuario:clave@servidor:5432/base (con ?sslmode=require para TLS).');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new RadicaError('VALIDACION', `La dirección del servidor central debe empezar por postgres:// (recibí «${u.protocol}//…»).`);
  }
}

/** Thrown when the central store cannot be reached: the caller retries later, nothing is lost. */
export class SinConexion extends RadicaError {
  constructor(
    readonly detalle: string,
    url: string,
  ) {
    super('INTERNO', `Sin conexión con el servidor central (${urlSinClave(url)}): ${detalle}. La estación sigue radicando localmente; lo pendiente se enviará cuando haya conexión.`);
    this.name = 'SinConexion';
  }
}

const ERRORES_RED = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** True for errors that mean "the server is not there right now" (retry later). */
export function esErrorDeConexion(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && ERRORES_RED.has(e.code)) return true;
  // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions.
  if (e.code && (/^08/.test(e.code) || ['57P01', '57P02', '57P03'].includes(e.code))) return true;
  const m = e.message ?? '';
  return /Connection terminated|timeout expired|connect ETIMEDOUT|Client has encountered a connection error|Connection ended unexpectedly/i.test(m);
}

function detalleDe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return 'el servidor no responde (¿está apagado o es otro puerto?)';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'no se encuentra el nombre del servidor';
  if (e.code === '28P01') return 'usuario o contraseña incorrectos';
  if (e.code === '3D000') return 'la base de datos no existe';
  if (e.code === '57P03') return 'el servidor está arrancando o apagándose';
  return e.message ?? String(err);
}

/** Opens one connection; a network failure becomes SinConexion, a refused login a clear message. */
export async function conectar(url: string, opciones: { aplicacion?: string } = {}): Promise<Cliente> {
  validarUrl(url);
  const cliente = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: ESPERA_CONEXION_MS,
    application_name: opciones.aplicacion ?? 'radica',
    keepAlive: true,
  });
  // An idle connection that dies (server restarted) emits 'error'; the next query fails and is handled there.
  cliente.on('error', () => {});
  try {
    await cliente.connect();
  } catch (err) {
    await cliente.end().catch(() => {});
    if ((err as { code?: string }).code === '28P01' || (err as { code?: string }).code === '28000') {
      throw new RadicaError('NO_AUTORIZADO', `El servidor central rechazó el usuario o la contraseña de ${urlSinClave(url)}. Pida a TI la dirección de esta estación (radica central estacion registrar).`);
    }
    if ((err as { code?: string }).code === '3D000') {
      throw new RadicaError('NO_ENCONTRADO', `La base de datos de ${urlSinClave(url)} no existe. TI debe crearla y ejecutar radica central migrar.`);
    }
    throw new SinConexion(detalleDe(err), url);
  }
  return cliente;
}

export async function cerrar(c: Cliente | null | undefined): Promise<void> {
  if (c) await c.end().catch(() => {});
}

/** `fn` inside BEGIN … COMMIT; any error rolls everything back and is thrown again. */
export async function enTransaccion<T>(c: Cliente, fn: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    const r = await fn();
    await c.query('COMMIT');
    return r;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/**
 * The group roles of one central database. Roles are global to a PostgreSQL cluster while the
 * schema is per database: names carry the database's name, so two central stores (production and
 * a rehearsal, or the tests) can share a cluster.
 */
export interface Roles {
  prefijo: string;
  /** Owns the schema, its tables and the functions stations call (NOLOGIN, not a superuser). */
  propietario: string;
  /** Every station's LOGIN role is a member: EXECUTE on the station functions only. */
  estaciones: string;
  /** Coordinators' roles: read the consolidated radicados and marks, mark through a function. */
  coordinadores: string;
}

export function prefijoDe(baseDeDatos: string): string {
  let p = baseDeDatos.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (!/^[a-z_]/.test(p)) p = `r_${p}`;
  if (p.length > 40) p = `${p.slice(0, 33)}_${createHash('sha256').update(baseDeDatos).digest('hex').slice(0, 6)}`;
  return p;
}

export function rolesDe(baseDeDatos: string): Roles {
  const prefijo = prefijoDe(baseDeDatos);
  return { prefijo, propietario: `${prefijo}_propietario`, estaciones: `${prefijo}_estaciones`, coordinadores: `${prefijo}_coordinadores` };
}

export function rolEstacion(roles: Roles, sede: string, ventanilla: string): string {
  return `${roles.prefijo}_e${sede}_${ventanilla}`;
}

export async function rolesDeConexion(c: Cliente): Promise<Roles> {
  const r = await c.query<{ db: string }>('SELECT current_database() AS db');
  return rolesDe(r.rows[0]!.db);
}

export const ident = (s: string) => pg.escapeIdentifier(s);
export const literal = (s: string) => pg.escapeLiteral(s);

/** Who this connection is: a registered station, or an administrator who may create roles. */
export async function tipoDeConexion(c: Cliente, roles: Roles): Promise<'estacion' | 'administrador' | 'coordinador' | 'otro'> {
  const r = await c.query<{ estacion: boolean; admin: boolean; coordinador: boolean }>(
    `SELECT coalesce(pg_has_role(current_user, e, 'MEMBER'), false) AS estacion,
            (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS admin,
            coalesce(pg_has_role(current_user, k, 'MEMBER'), false) AS coordinador
       FROM (SELECT (SELECT oid FROM pg_roles WHERE rolname = $1) AS e, (SELECT oid FROM pg_roles WHERE rolname = $2) AS k) g`,
    [roles.estaciones, roles.coordinadores],
  );
  const f = r.rows[0]!;
  if (f.estacion) return 'estacion';
  // Superusers are members of every role: an administrator is never taken for a coordinator.
  if (f.admin) return 'administrador';
  return f.coordinador ? 'coordinador' : 'otro';
}

/** The same URL with another user and password (host, port, database and sslmode kept). */
export function urlConUsuario(url: string, usuario: string, clave: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(usuario);
  u.password = encodeURIComponent(clave);
  return u.toString();
}
