/**
 * The central schema and the stations' roles, on a real PostgreSQL started by the test: migrations
 * idempotent and versioned, a newer schema refused, and a station's role that can write only its
 * own series through the station functions (no table privileges, no superuser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultar, iniciarPostgres, type PostgresPrueba } from './postgres';
import { exigirVersion, migrar } from '../../../electron/central/esquema';
import { cerrar, conectar, type Cliente } from '../../../electron/central/conexion';
import { registrarCoordinador, registrarEstacion } from '../../../electron/central/registro';
import { estadoCentral } from '../../../electron/central/estado';
import { VERSION_CENTRAL } from '../../../electron/central/migraciones';

let pgp: PostgresPrueba;
beforeAll(async () => {
  pgp = await iniciarPostgres();
});
afterAll(async () => {
  await pgp?.cerrar();
});

async function error(url: string, sql: string, params: unknown[] = []): Promise<{ code?: string; message: string }> {
  try {
    await consultar(url, sql, params);
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error(`se esperaba un error: ${sql}`);
}

describe('esquema central', () => {
  it('migrar crea el esquema una vez y lo registra en schema_version; repetirlo no cambia nada', async () => {
    const url = await pgp.nuevaBase('esquema_uno');
    const r1 = await migrar(url);
    expect(r1).toMatchObject({ version: VERSION_CENTRAL, aplicadas: ['001_inicial', '002_sedes_coordinador', '003_estado_estaciones', '004_ejemplos_importados', '005_sugerencias'] });
    const r2 = await migrar(url);
    expect(r2.aplicadas).toEqual([]);
    const versiones = await consultar(url, 'SELECT version, nombre FROM radica.schema_version ORDER BY version');
    expect(versiones).toEqual([
      { version: 1, nombre: '001_inicial' },
      { version: 2, nombre: '002_sedes_coordinador' },
      { version: 3, nombre: '003_estado_estaciones' },
      { version: 4, nombre: '004_ejemplos_importados' },
      { version: 5, nombre: '005_sugerencias' },
    ]);
    // Owned by the NOLOGIN owner role, not by the administrator who migrated.
    const duenos = await consultar(url, `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'radica'`);
    expect(duenos).toEqual([{ tableowner: 'esquema_uno_propietario' }]);
    const propietario = await consultar(url, `SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = 'esquema_uno_propietario'`);
    expect(propietario).toEqual([{ rolcanlogin: false, rolsuper: false }]);
  });

  it('dos administradores migrando a la vez: uno aplica, el otro espera y no aplica nada', async () => {
    const url = await pgp.nuevaBase('esquema_dos');
    const [a, b] = await Promise.all([migrar(url), migrar(url)]);
    expect([...a.aplicadas, ...b.aplicadas]).toEqual(['001_inicial', '002_sedes_coordinador', '003_estado_estaciones', '004_ejemplos_importados', '005_sugerencias']);
  });

  it('subir un esquema v1 con coordinadores: los de antes siguen viendo todas las sedes; uno nuevo con sedes, solo las suyas', async () => {
    const url = await pgp.nuevaBase('esquema_v1');
    expect(await migrar(url, 1)).toMatchObject({ version: 1, aplicadas: ['001_inicial'] });
    // How v1 registered a coordinator: a LOGIN role in the coordinators' group, nothing else.
    await consultar(url, `CREATE ROLE esquema_v1_carla LOGIN PASSWORD 'clave-de-prueba-1' IN ROLE esquema_v1_coordinadores`);
    expect(await migrar(url)).toMatchObject({ version: VERSION_CENTRAL, aplicadas: ['002_sedes_coordinador', '003_estado_estaciones', '004_ejemplos_importados', '005_sugerencias'] });
    expect(await consultar(url, 'SELECT rol, sedes FROM radica.coordinadores ORDER BY rol')).toEqual([{ rol: 'esquema_v1_carla', sedes: null }]);
    const nueva = await registrarCoordinador(url, 'luisa', ['01']);
    const carla = new URL(url);
    carla.username = 'esquema_v1_carla';
    carla.password = 'clave-de-prueba-1';
    const ve = async (u: string, sede: string) => (await consultar(u, 'SELECT radica._ve_sede($1) AS ve', [sede]))[0].ve;
    expect(await ve(carla.toString(), '02')).toBe(true);
    expect(await ve(nueva.url, '01')).toBe(true);
    expect(await ve(nueva.url, '02')).toBe(false);
    // Both still reach the stations' state (schema v3) through the function that applies their sedes.
    expect(await consultar(carla.toString(), 'SELECT count(*)::int AS n FROM radica.estado_estaciones()')).toEqual([{ n: 0 }]);
  });

  it('un esquema de una versión más nueva de Radica se rechaza sin tocarlo', async () => {
    const url = await pgp.nuevaBase('esquema_nuevo');
    await migrar(url);
    await consultar(url, `INSERT INTO radica.schema_version (version, nombre) VALUES (99, '099_futuro')`);
    await expect(migrar(url)).rejects.toThrow(/esquema 99, de una versión más nueva de Radica/);
    expect(await consultar(url, 'SELECT count(*)::int AS n FROM radica.schema_version')).toEqual([{ n: VERSION_CENTRAL + 1 }]);
  });

  it('un esquema más nuevo que declara servir aún a esta versión: estaciones y coordinadores siguen, la administración no', async () => {
    const url = await pgp.nuevaBase('esquema_compatible');
    await migrar(url);
    const estacion = await registrarEstacion(url, '01', '03');
    const coordinadora = await registrarCoordinador(url, 'carla', null);
    const con = async (u: string, fn: (c: Cliente) => Promise<void>) => {
      const c = await conectar(u, { aplicacion: 'prueba' });
      try {
        await fn(c);
      } finally {
        await cerrar(c);
      }
    };
    // A later schema that changes nothing stations or coordinators call or read: IT migrated the
    // server first, and the stations not yet updated keep syncing.
    await consultar(url, `INSERT INTO radica.schema_version (version, nombre) VALUES (${VERSION_CENTRAL + 1}, '006_futuro')`);
    await expect(con(estacion.url, (c) => exigirVersion(c, 'clientes'))).resolves.toBeUndefined();
    await expect(con(coordinadora.url, (c) => exigirVersion(c, 'clientes'))).resolves.toBeUndefined();
    expect(await estadoCentral(coordinadora.url)).toHaveLength(1);
    // Training, imports and publications write tables whose shape this version no longer knows.
    await expect(con(url, (c) => exigirVersion(c))).rejects.toThrow(`esquema ${VERSION_CENTRAL + 1}; esta conoce hasta el ${VERSION_CENTRAL}`);
    // One that changes what stations call says so: the old ones stop and ask for the update.
    await consultar(url, `CREATE OR REPLACE FUNCTION radica.compatible_desde() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT ${VERSION_CENTRAL + 1} $$`);
    await expect(con(estacion.url, (c) => exigirVersion(c, 'clientes'))).rejects.toThrow(/actualice Radica en esta estación/);
  });

  it('migrar con el usuario de una estación se rechaza', async () => {
    const url = await pgp.nuevaBase('esquema_estacion');
    await migrar(url);
    const e = await registrarEstacion(url, '01', '03');
    await expect(migrar(e.url)).rejects.toThrow(/administrador/);
  });
});

describe('registrar estaciones: mínimo privilegio', () => {
  let admin: string;
  let estacion: { url: string; rol: string };
  const INSTALACION = 'a'.repeat(32);

  beforeAll(async () => {
    admin = await pgp.nuevaBase('privilegios');
    await migrar(admin);
    estacion = await registrarEstacion(admin, '01', '03');
    await registrarEstacion(admin, '01', '04');
  });

  it('crea un rol LOGIN sin superusuario ni CREATEROLE, con contraseña, e imprime su URL', async () => {
    expect(estacion.rol).toBe('privilegios_e01_03');
    const u = new URL(estacion.url);
    expect(u.username).toBe('privilegios_e01_03');
    expect(u.password.length).toBeGreaterThanOrEqual(24);
    expect(u.port).toBe(String(pgp.puerto));
    const [rol] = await consultar(admin, 'SELECT rolsuper, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = $1', [estacion.rol]);
    expect(rol).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true, rolbypassrls: false });
    // The password is checked (scram over TCP).
    const mala = new URL(estacion.url);
    mala.password = 'otra';
    await expect(consultar(mala.toString(), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('la estación no lee ni escribe tablas: solo llama a las funciones de estación', async () => {
    expect((await error(estacion.url, 'SELECT * FROM radica.radicados')).code).toBe('42501');
    expect((await error(estacion.url, 'SELECT * FROM radica.estaciones')).code).toBe('42501');
    expect((await error(estacion.url, `INSERT INTO radica.catalogo_versiones VALUES (9, '{}', 0, 'x')`)).code).toBe('42501');
    expect((await error(estacion.url, `SELECT radica.marcar_central('{}'::jsonb)`)).code).toBe('42501');
    expect((await error(estacion.url, 'CREATE TABLE radica.mia (x int)')).code).toBe('42501');
    // A previous system's texts (schema v4) may name citizens of any sede: administrators only.
    expect((await error(estacion.url, 'SELECT * FROM radica.ejemplos_importados')).code).toBe('42501');
    // v5: the suggestions arrive only through recibir_lote, whose v1 body is not callable alone.
    expect((await error(estacion.url, 'SELECT * FROM radica.sugerencias')).code).toBe('42501');
    expect((await error(estacion.url, `SELECT radica._recibir_lote_v1('{}'::jsonb)`)).code).toBe('42501');
    expect(await consultar(estacion.url, 'SELECT radica.version_esquema() AS v')).toEqual([{ v: VERSION_CENTRAL }]);
  });

  it('solo escribe radicados, anexos y revisiones de su propia serie', async () => {
    const [r] = await consultar(estacion.url, `SELECT radica.reclamar($1::jsonb) AS r`, [JSON.stringify({ instalacion: INSTALACION, sede: '01', ventanilla: '03' })]);
    expect(r.r.ok).toBe(true);
    const ajeno = {
      numero: '2026-0104-000001', sede: '01', ventanilla: '04', serie: '2026-0104', consecutivo: 1, fecha_hora: 1, radicador: 'x', radicador_nombre: 'x',
      remitente_tipo: 'CC', remitente_numero: '1', remitente_nombres: 'x', remitente_autoriza: true, remitente_actualizado: 1, canal: 'presencial',
      asunto: 'x', tipo: 'PET-GEN', dependencia: '300', folios: 1, unidad_termino: 'dias_habiles', catalogo_version: 1, demo: false, huella: 'h',
    };
    const e1 = await error(estacion.url, 'SELECT radica.recibir_lote($1::jsonb)', [JSON.stringify({ instalacion: INSTALACION, radicados: [ajeno] })]);
    expect(e1.code).toBe('RDC03');
    expect(e1.message).toMatch(/solo puede enviar radicados de su propia serie/);
    // A mark on a radicado that is not its own.
    const e2 = await error(estacion.url, 'SELECT radica.recibir_lote($1::jsonb)', [
      JSON.stringify({ instalacion: INSTALACION, revisiones: [{ uid: 'u1', numero: '2026-0104-000001', veredicto: 'correcto', revisor: 'x', revisor_nombre: 'x', revisado_en: 1, origen: 'estacion' }] }),
    ]);
    expect(e2.code).toBe('RDC03');
    // Another installation key with this station's password: refused, nothing merged.
    const propio = { ...ajeno, numero: '2026-0103-000001', ventanilla: '03', serie: '2026-0103' };
    const e3 = await error(estacion.url, 'SELECT radica.recibir_lote($1::jsonb)', [JSON.stringify({ instalacion: 'b'.repeat(32), radicados: [propio] })]);
    expect(e3.code).toBe('RDC01');
    expect(await consultar(admin, 'SELECT count(*)::int AS n FROM radica.radicados')).toEqual([{ n: 0 }]);
    // Its own: accepted.
    await consultar(estacion.url, 'SELECT radica.recibir_lote($1::jsonb)', [JSON.stringify({ instalacion: INSTALACION, radicados: [propio] })]);
    expect(await consultar(admin, 'SELECT numero, estacion_id FROM radica.radicados')).toEqual([{ numero: '2026-0103-000001', estacion_id: 1 }]);
  });

  it('un rol que no es de estación no puede llamar las funciones de estación', async () => {
    await consultar(admin, `CREATE ROLE curioso LOGIN PASSWORD 'curioso'`);
    const u = new URL(admin);
    u.username = 'curioso';
    u.password = 'curioso';
    expect((await error(u.toString(), `SELECT radica.reclamar('{}'::jsonb)`)).code).toBe('42501');
  });

  it('registrar de nuevo cambia la contraseña (la anterior deja de servir)', async () => {
    const otra = await registrarEstacion(admin, '01', '03');
    expect(otra.nueva).toBe(false);
    await expect(consultar(estacion.url, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    expect(await consultar(otra.url, 'SELECT 1 AS x')).toEqual([{ x: 1 }]);
  });

  it('central estado lista las estaciones registradas', async () => {
    const es = await estadoCentral(admin);
    expect(es.map((e) => `${e.sede}-${e.ventanilla}`)).toEqual(['01-03', '01-04']);
    expect(es[0]).toMatchObject({ reclamada: true, radicados: 1 });
    expect(es[1]).toMatchObject({ reclamada: false, radicados: 0, ultimoContacto: null });
  });

  it('sede y ventanilla se validan', async () => {
    await expect(registrarEstacion(admin, '01; DROP', '03')).rejects.toThrow(/--sede es un código/);
  });
});
