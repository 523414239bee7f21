/**
 * `radica central estacion registrar`: one LOGIN role per station (sede + ventanilla), member of the
 * database's `estaciones` group and nothing else: no table privileges, only the station functions,
 * which accept rows of that station's own series. Prints the URL the station uses (the
 * administrator's host, port, database and sslmode, with the station's user and a new password).
 *
 * Registering again gives the station a new password (IT lost the URL, or a machine was replaced);
 * which installation owns the series is decided on the station's first contact, not here.
 */
import { randomBytes } from 'node:crypto';
import { RadicaError } from '../../shared/ipc/result';
import { CODIGO_ESTACION } from '../../shared/domain/numbering';
import { cerrar, conectar, enTransaccion, ident, literal, rolEstacion, rolesDeConexion, tipoDeConexion, urlConUsuario, type Cliente } from './conexion';
import { CERROJO_ESQUEMA, exigirVersion } from './esquema';

export interface EstacionRegistrada {
  url: string;
  rol: string;
  sede: string;
  ventanilla: string;
  /** False when the station already existed (its password was replaced). */
  nueva: boolean;
}

export function validarCodigos(sede: string, ventanilla: string): void {
  if (!CODIGO_ESTACION.test(sede)) throw new RadicaError('VALIDACION', `--sede es un código de 1 a 4 dígitos (recibí «${sede}»).`);
  if (!CODIGO_ESTACION.test(ventanilla)) throw new RadicaError('VALIDACION', `--ventanilla es un código de 1 a 4 dígitos (recibí «${ventanilla}»).`);
}

export interface OpcionesRegistro {
  /**
   * When a station registers itself with an administrator's URL (small installations): refuse,
   * without touching the role, if the series was already claimed by another installation.
   */
  instalacion?: string;
}

export async function registrarCliente(c: Cliente, urlAdmin: string, sede: string, ventanilla: string, o: OpcionesRegistro = {}): Promise<EstacionRegistrada> {
  validarCodigos(sede, ventanilla);
  const roles = await rolesDeConexion(c);
  if ((await tipoDeConexion(c, roles)) !== 'administrador') {
    throw new RadicaError('NO_AUTORIZADO', 'Para registrar estaciones use la dirección de un administrador de PostgreSQL (un rol con CREATEROLE).');
  }
  await exigirVersion(c);
  const rol = rolEstacion(roles, sede, ventanilla);
  const clave = randomBytes(24).toString('base64url');
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [CERROJO_ESQUEMA]);
    const ya = await c.query<{ id: number; instalacion: string | null; reclamada: string | null }>(
      `SELECT id, instalacion, to_char(reclamada_en AT TIME ZONE 'America/Bogota', 'DD/MM/YYYY HH24:MI') AS reclamada FROM radica.estaciones WHERE sede = $1 AND ventanilla = $2 FOR UPDATE`,
      [sede, ventanilla],
    );
    const existente = ya.rows[0];
    if (o.instalacion && existente?.instalacion && existente.instalacion !== o.instalacion) {
      // Recorded for IT's status view; nothing else is touched (the owner's password stays).
      await c.query('INSERT INTO radica.rechazos (estacion_id, rol, instalacion, motivo) VALUES ($1, $2, $3, $4)', [
        existente.id,
        rol,
        o.instalacion,
        'instalación distinta (con la dirección de un administrador)',
      ]);
      await c.query('COMMIT');
      throw new ClonRechazado(
        `La serie de la sede ${sede}, ventanilla ${ventanilla} ya pertenece a otra instalación de Radica (la reclamó el ${existente.reclamada}). ` +
          'Esta estación parece una copia de aquella (disco clonado o configuración copiada): el servidor central no recibió nada de ella. Deje de radicar en esta estación y llame a TI.',
      );
    }
    const hayRol = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [rol]);
    if (hayRol.rowCount === 0) {
      await c.query(
        `CREATE ROLE ${ident(rol)} LOGIN PASSWORD ${literal(clave)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT CONNECTION LIMIT 20 IN ROLE ${ident(roles.estaciones)}`,
      );
    } else {
      await c.query(`ALTER ROLE ${ident(rol)} LOGIN PASSWORD ${literal(clave)}`);
      await c.query(`GRANT ${ident(roles.estaciones)} TO ${ident(rol)}`);
    }
    await c.query(`SET LOCAL ROLE ${ident(roles.propietario)}`);
    await c.query('INSERT INTO radica.estaciones (sede, ventanilla, rol) VALUES ($1, $2, $3) ON CONFLICT (sede, ventanilla) DO NOTHING', [sede, ventanilla, rol]);
    await c.query('COMMIT');
    return { url: urlConUsuario(urlAdmin, rol, clave), rol, sede, ventanilla, nueva: !existente };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

export async function registrarEstacion(urlAdmin: string, sede: string, ventanilla: string, o: OpcionesRegistro = {}): Promise<EstacionRegistrada> {
  const c = await conectar(urlAdmin, { aplicacion: 'radica central estacion registrar' });
  try {
    return await registrarCliente(c, urlAdmin, sede, ventanilla, o);
  } finally {
    await cerrar(c);
  }
}

/** The series belongs to another installation: nothing of this one is merged. */
export class ClonRechazado extends RadicaError {
  constructor(mensaje: string) {
    super('CONFLICTO', mensaje);
    this.name = 'ClonRechazado';
  }
}

/**
 * A coordinator's LOGIN role (coordinator mode of the review): reads the consolidated radicados and
 * marks, marks through radica.marcar_central; writes nothing else.
 */
export async function registrarCoordinador(
  urlAdmin: string,
  usuario: string,
  sedes: readonly string[] | null = null,
): Promise<{ url: string; rol: string; nueva: boolean; sedes: string[] | null }> {
  const sedesValidas = sedes?.map((s) => s.trim().padStart(2, '0')) ?? null;
  if (sedesValidas && (sedesValidas.length === 0 || sedesValidas.some((s) => !/^\d{2,4}$/.test(s)))) {
    throw new RadicaError('VALIDACION', `--sedes: códigos de sede separados por comas, por ejemplo 01,02 (recibí «${sedes!.join(',')}»).`);
  }
  if (!/^[a-z0-9_]{1,20}$/.test(usuario)) {
    throw new RadicaError('VALIDACION', `--usuario: de 1 a 20 letras minúsculas sin tilde, dígitos o _ (recibí «${usuario}»).`);
  }
  const c = await conectar(urlAdmin, { aplicacion: 'radica central coordinador registrar' });
  try {
    const roles = await rolesDeConexion(c);
    if ((await tipoDeConexion(c, roles)) !== 'administrador') {
      throw new RadicaError('NO_AUTORIZADO', 'Para registrar coordinadores use la dirección de un administrador de PostgreSQL (un rol con CREATEROLE).');
    }
    await exigirVersion(c);
    const rol = `${roles.prefijo}_c_${usuario}`;
    const clave = randomBytes(24).toString('base64url');
    let nueva = false;
    await enTransaccion(c, async () => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [CERROJO_ESQUEMA]);
      const hay = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [rol]);
      nueva = hay.rowCount === 0;
      if (nueva) {
        await c.query(
          `CREATE ROLE ${ident(rol)} LOGIN PASSWORD ${literal(clave)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT IN ROLE ${ident(roles.coordinadores)}`,
        );
      } else {
        await c.query(`ALTER ROLE ${ident(rol)} LOGIN PASSWORD ${literal(clave)}`);
      }
      // The sedes she may see, enforced by row-level security (central schema v2); NULL: all.
      await c.query(`SET LOCAL ROLE ${ident(roles.propietario)}`);
      await c.query('INSERT INTO radica.coordinadores (rol, sedes) VALUES ($1, $2) ON CONFLICT (rol) DO UPDATE SET sedes = excluded.sedes', [rol, sedesValidas]);
    });
    return { url: urlConUsuario(urlAdmin, rol, clave), rol, nueva, sedes: sedesValidas };
  } finally {
    await cerrar(c);
  }
}
