/**
 * Replication to a real PostgreSQL started by the test: stations on temporary SQLite stores
 * radicate and sync; the central server goes down and comes back (and flaps) while they radicate;
 * a crash between the central commit and the local mark; cloned installations refused; marks made
 * centrally reach the right station; catalog versions and models travel to the stations.
 * "Exactly once" is checked against the stations: every radicado, outbox row and audit entry is
 * centrally once, nothing more.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { consultar, iniciarPostgres, type PostgresPrueba } from './postgres';
import { estacionPrueba, type EstacionPrueba } from './estaciones';
import { migrar } from '../../../electron/central/esquema';
import { registrarEstacion, ClonRechazado } from '../../../electron/central/registro';
import { CLAVE_URL } from '../../../electron/central/replicador';
import { SinConexion } from '../../../electron/central/conexion';
import { FuenteRevisionCentral } from '../../../electron/central/fuenteCentral';
import { publicarCatalogoCliente, publicarModeloCliente } from '../../../electron/central/publicar';
import { estadoCentral } from '../../../electron/central/estado';
import { VERSION_CENTRAL } from '../../../electron/central/migraciones';
import { iniciarReplicacion } from '../../../electron/central/enEstacion';
import { catalogoPorDefecto } from '../../../electron/services/estacionService';
import { tempDir } from '../helpers';
import { cartaPdf } from '../anexos/muestras';

let pgp: PostgresPrueba;
const abiertas: EstacionPrueba[] = [];

beforeAll(async () => {
  pgp = await iniciarPostgres();
});
afterAll(async () => {
  for (const e of abiertas) e.cerrar();
  await pgp?.cerrar();
});

async function nueva(sede: string, ventanilla: string, o: Parameters<typeof estacionPrueba>[2] = {}) {
  const e = await estacionPrueba(sede, ventanilla, o);
  abiertas.push(e);
  return e;
}

let base = 0;
/** A fresh central database, migrated; returns the administrator's URL. */
async function central(): Promise<string> {
  const url = await pgp.nuevaBase(`repl_${++base}`);
  await migrar(url);
  return url;
}

/** Everything of a station is centrally exactly once. */
async function exactamenteUnaVez(admin: string, e: EstacionPrueba) {
  const locales = e.ctx.db.prepare(`SELECT r.numero FROM radicados r ORDER BY r.numero`).pluck().all() as string[];
  const centrales = (
    await consultar<{ numero: string }>(
      admin,
      `SELECT r.numero FROM radica.radicados r JOIN radica.estaciones s ON s.id = r.estacion_id WHERE s.sede = $1 AND s.ventanilla = $2 ORDER BY r.numero`,
      [e.sede, e.ventanilla],
    )
  ).map((f) => f.numero);
  expect(centrales).toEqual(locales);
  const [n] = await consultar(
    admin,
    `SELECT (SELECT count(*)::int FROM radica.recibidos x WHERE x.estacion_id = s.id) AS recibidos,
            (SELECT count(DISTINCT x.seq)::int FROM radica.recibidos x WHERE x.estacion_id = s.id) AS distintos,
            (SELECT count(*)::int FROM radica.auditoria a WHERE a.estacion_id = s.id) AS auditoria
       FROM radica.estaciones s WHERE s.sede = $1 AND s.ventanilla = $2`,
    [e.sede, e.ventanilla],
  );
  expect(n).toEqual({ recibidos: e.filasOutbox(), distintos: e.filasOutbox(), auditoria: e.auditoria() });
  expect(e.pendientes()).toBe(0);
}

afterEach(() => {
  while (abiertas.length) abiertas.pop()!.cerrar();
});

describe('replicación al servidor central', () => {
  it('dos estaciones radican y sincronizan: radicados, anulación, anexos, revisiones y auditoría, una vez', async () => {
    const admin = await central();
    const a = await nueva('01', '03');
    const b = await nueva('02', '01');
    const urlA = (await registrarEstacion(admin, '01', '03')).url;
    const urlB = (await registrarEstacion(admin, '02', '01')).url;

    const na = await a.radicar(3);
    const nb = await b.radicar(2);
    await a.ok('radicacion:anular', { numero: na[1], justificacion: 'Radicado por error, duplicado del anterior', aprobadoPor: 'Coordinación' });
    // An attachment (metadata and hash go central; the file stays here) and a local review mark.
    const carta = await cartaPdf({ texto: 'Solicito paz y salvo' });
    const [anexo] = await a.ok('anexos:anexar', { numero: na[0], archivos: [{ nombre: 'carta.pdf', base64: carta.toString('base64') }] });
    await b.ok('revision:marcar', { numero: nb[0], veredicto: 'incorrecto', tipoCorrecto: 'QUE', dependenciaCorrecta: null, observacion: 'Es una queja' }, 'coord');

    const ra = await a.replicador({ url: urlA }).pasada();
    const rb = await b.replicador({ url: urlB }).pasada();
    expect(ra).toMatchObject({ enviados: 5, pendientes: 0, retrasoMs: 0 });
    expect(rb).toMatchObject({ enviados: 3, pendientes: 0, retrasoMs: 0 });
    await exactamenteUnaVez(admin, a);
    await exactamenteUnaVez(admin, b);

    const anulado = await consultar(admin, 'SELECT anulado_en IS NOT NULL AS anulado, anul_justificacion FROM radica.radicados WHERE numero = $1', [na[1]]);
    expect(anulado).toEqual([{ anulado: true, anul_justificacion: 'Radicado por error, duplicado del anterior' }]);
    const anexos = await consultar(admin, 'SELECT numero, sha256, paginas, bytes::int AS bytes FROM radica.anexos');
    expect(anexos).toEqual([{ numero: na[0], sha256: anexo.sha256, paginas: 1, bytes: carta.length }]);
    const marcas = await consultar(admin, 'SELECT numero, veredicto, tipo_correcto, origen FROM radica.revisiones');
    expect(marcas).toEqual([{ numero: nb[0], veredicto: 'incorrecto', tipo_correcto: 'QUE', origen: 'estacion' }]);
    // The audit entries arrive as they are on the station: same ids, hashes and details.
    const localA = a.ctx.db.prepare('SELECT id, accion, lower(hex(hash)) AS hash, detalle FROM auditoria ORDER BY id').all();
    const centralA = await consultar(
      admin,
      `SELECT a.id::int AS id, a.accion, a.hash, a.detalle FROM radica.auditoria a JOIN radica.estaciones s ON s.id = a.estacion_id WHERE s.sede = '01' ORDER BY a.id`,
    );
    expect(centralA).toEqual(localA);

    // A second pass sends nothing and changes nothing.
    expect(await a.replicador({ url: urlA }).pasada()).toMatchObject({ enviados: 0, recibidos: 0, pendientes: 0 });
    await exactamenteUnaVez(admin, a);

    // IT's status view.
    const estado = await estadoCentral(admin);
    expect(estado.map((e) => [e.sede, e.ventanilla, e.radicados, e.pendientes, e.reclamada])).toEqual([
      ['01', '03', 3, 0, true],
      ['02', '01', 2, 0, true],
    ]);
    expect(estado[0]!.version).toBe('0.1.0');
    expect(estado[0]!.ultimoContacto).not.toBeNull();
  });

  it('con la URL de un administrador la estación se registra sola y guarda la URL de su propio rol', async () => {
    const admin = await central();
    const a = await nueva('03', '07');
    await a.radicar(2);
    const r = await a.replicador({ url: admin }).pasada();
    expect(r).toMatchObject({ enviados: 2, pendientes: 0 });
    const guardada = a.ctx.config.valor(CLAVE_URL)!;
    expect(new URL(guardada).username).toBe(`repl_${base}_e03_07`);
    // Later passes use the station's own role (no URL given).
    await a.radicar(1);
    expect(await a.replicador({}).pasada()).toMatchObject({ enviados: 1 });
    // The administrator's URL again: the kept station URL still works, so no new password.
    await a.radicar(1);
    expect(await a.replicador({ url: admin }).pasada()).toMatchObject({ enviados: 1 });
    expect(a.ctx.config.valor(CLAVE_URL)).toBe(guardada);
    await exactamenteUnaVez(admin, a);
  });

  it('servidor migrado antes que las estaciones: si el esquema nuevo aún las sirve siguen; si no, piden actualizar y no pierden nada', async () => {
    const admin = await central();
    const a = await nueva('04', '02');
    const url = (await registrarEstacion(admin, '04', '02')).url;
    await a.radicar(1);
    expect(await a.replicador({ url }).pasada()).toMatchObject({ enviados: 1 });
    // IT ran a newer Radica's `central migrar` whose schema changes nothing stations call.
    await consultar(admin, `INSERT INTO radica.schema_version (version, nombre) VALUES (${VERSION_CENTRAL + 1}, '006_futuro')`);
    await a.radicar(2);
    expect(await a.replicador({ url }).pasada()).toMatchObject({ enviados: 2, pendientes: 0 });
    // A later one changes them: this station stops syncing and says why; its radicados wait.
    await consultar(admin, `CREATE OR REPLACE FUNCTION radica.compatible_desde() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT ${VERSION_CENTRAL + 1} $$`);
    await a.radicar(1);
    await expect(a.replicador({ url }).pasada()).rejects.toThrow(/actualice Radica en esta estación/);
    expect(a.pendientes()).toBe(1);
  });

  it('servidor central caído mientras radican, luego intermitente: todo llega exactamente una vez', async () => {
    const admin = await central();
    const a = await nueva('01', '01');
    const b = await nueva('01', '02');
    const ra = a.replicador({ url: (await registrarEstacion(admin, '01', '01')).url, lote: 7 });
    const rb = b.replicador({ url: (await registrarEstacion(admin, '01', '02')).url, lote: 7 });
    await a.radicar(5);
    await ra.pasada();

    await pgp.detener();
    try {
      // Radicating never waits on the central store.
      const t0 = Date.now();
      await a.radicar(10);
      await b.radicar(10);
      expect(Date.now() - t0).toBeLessThan(10_000);
      await expect(ra.pasada()).rejects.toBeInstanceOf(SinConexion);
      await expect(rb.pasada()).rejects.toThrow(/Sin conexión con el servidor central/);
      expect(ra.estado()).toMatchObject({ conectado: false, pendientes: 10 });
      expect(ra.estado().mensaje).toMatch(/sin conexión con el servidor central — radicando localmente/i);
      expect(ra.estado().retrasoMs).toBeGreaterThan(0);
    } finally {
      pgp.iniciar();
    }
    expect(await ra.pasada()).toMatchObject({ enviados: 10, pendientes: 0 });
    expect(await rb.pasada()).toMatchObject({ enviados: 10, pendientes: 0 });
    await exactamenteUnaVez(admin, a);
    await exactamenteUnaVez(admin, b);

    // Flapping: both replicate continuously while the server goes down and up and they radicate.
    const control = new AbortController();
    const errores: string[] = [];
    const bucles = [ra, rb].map((r) =>
      r.continuo({ senal: control.signal, intervaloMs: 50, maximoMs: 400, alTerminarPasada: (x) => x instanceof Error && errores.push(x.message) }),
    );
    try {
      for (let vuelta = 0; vuelta < 3; vuelta++) {
        await a.radicar(4);
        await b.radicar(4);
        await new Promise((r) => setTimeout(r, 150));
        await pgp.detener();
        await a.radicar(3);
        await b.radicar(3);
        await new Promise((r) => setTimeout(r, 300));
        pgp.iniciar();
      }
      const hasta = Date.now() + 30_000;
      while ((a.pendientes() > 0 || b.pendientes() > 0) && Date.now() < hasta) await new Promise((r) => setTimeout(r, 100));
    } finally {
      control.abort();
      await Promise.all(bucles);
    }
    expect(errores.some((m) => /Sin conexión/.test(m))).toBe(true);
    await exactamenteUnaVez(admin, a);
    await exactamenteUnaVez(admin, b);
    expect(a.ctx.db.prepare('SELECT count(*) FROM radicados').pluck().get()).toBe(36);
  });

  it('caída entre el commit central y la marca local: el lote se reenvía y no se duplica nada', async () => {
    const admin = await central();
    const a = await nueva('05', '01');
    const url = (await registrarEstacion(admin, '05', '01')).url;
    await a.radicar(12);
    let fallar = true;
    const r = a.replicador({
      url,
      lote: 5,
      despuesDeEnviar: () => {
        if (fallar) {
          fallar = false;
          throw new Error('corte de luz simulado');
        }
      },
    });
    await expect(r.pasada()).rejects.toThrow(/corte de luz/);
    // Central has the first batch; the station does not know it yet.
    expect(await consultar(admin, 'SELECT count(*)::int AS n FROM radica.radicados')).toEqual([{ n: 5 }]);
    expect(a.pendientes()).toBe(12);
    const otra = await a.replicador({ url, lote: 5 }).pasada();
    expect(otra).toMatchObject({ enviados: 12, pendientes: 0 });
    await exactamenteUnaVez(admin, a);
  });

  it('una segunda instalación que reclama una serie ajena se rechaza y no se mezcla nada', async () => {
    const admin = await central();
    const original = await nueva('01', '03');
    const urlOriginal = (await registrarEstacion(admin, '01', '03')).url;
    await original.radicar(3);
    await original.replicador({ url: urlOriginal }).pasada();

    // Another installation configured as the same sede and ventanilla (a copied configuration).
    const copia = await nueva('01', '03');
    await copia.radicar(2);
    for (const url of [admin, urlOriginal]) {
      const r = copia.replicador({ url });
      const err = await r.pasada().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClonRechazado);
      expect((err as Error).message).toMatch(/ya pertenece a otra instalación de Radica.*no recibió nada/);
      expect(r.estado().mensaje).toMatch(/otra instalación/);
    }
    expect(copia.pendientes()).toBe(2);
    await exactamenteUnaVez(admin, original);
    const rechazos = await consultar(admin, 'SELECT count(*)::int AS n FROM radica.rechazos');
    expect(rechazos).toEqual([{ n: 2 }]);
    // The original carries on, its password untouched by the refused registration.
    await original.radicar(1);
    expect(await original.replicador({ url: urlOriginal }).pasada()).toMatchObject({ enviados: 1 });
    await exactamenteUnaVez(admin, original);
  });

  it('un disco clonado (misma clave de instalación) que sigue radicando se rechaza al primer número repetido', async () => {
    const admin = await central();
    const original = await nueva('02', '02');
    await original.radicar(2);
    await original.replicador({ url: admin }).pasada();
    // Clone the data directory as a disk image would.
    const dirClon = tempDir('radica-clon-');
    mkdirSync(dirClon, { recursive: true });
    await original.ctx.db.backup(path.join(dirClon, 'radica.sqlite'));
    const clon = await nueva('02', '02', { dir: dirClon, init: false });
    expect(clon.ctx.config.instalacion()).toBe(original.ctx.config.instalacion());

    const [n1] = await original.radicar(1, 'Derecho de petición sobre el alumbrado');
    clon.advance(3_600_000);
    const [n2] = await clon.radicar(1, 'Queja por ruido de un establecimiento');
    expect(n2).toBe(n1); // the same number given twice: what a clone does
    await original.replicador({}).pasada();
    const err = await clon.replicador({}).pasada().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClonRechazado);
    expect((err as Error).message).toMatch(new RegExp(`${n1} ya está en el servidor central con otro contenido`));
    const asunto = await consultar(admin, 'SELECT asunto FROM radica.radicados WHERE numero = $1', [n1]);
    expect(asunto[0].asunto).toMatch(/alumbrado/);
    await exactamenteUnaVez(admin, original);
  });

  it('una revisión hecha en el servidor central llega a la estación del radicado, y solo a ella', async () => {
    const admin = await central();
    const a = await nueva('01', '03');
    const b = await nueva('01', '04');
    const [na] = await a.radicar(1);
    const [nb] = await b.radicar(1);
    const ra = a.replicador({ url: admin });
    const rb = b.replicador({ url: admin });
    await ra.pasada();
    await rb.pasada();

    const fuente = new FuenteRevisionCentral(admin);
    const uid = randomUUID();
    try {
      await fuente.marcar({
        uid, numero: nb!, veredicto: 'incorrecto', tipoCorrecto: null, dependenciaCorrecta: '100', observacion: 'Va para despacho',
        revisor: 'carla', revisorNombre: 'Carla Coordinadora', revisadoEn: Date.parse('2026-11-19T15:00:00Z'),
      });
      await expect(fuente.marcar({ uid: randomUUID(), numero: '2026-9999-000001', veredicto: 'correcto', tipoCorrecto: null, dependenciaCorrecta: null, observacion: null, revisor: 'c', revisorNombre: 'c', revisadoEn: 1 })).rejects.toThrow(/No existe el radicado/);
    } finally {
      await fuente.cerrar();
    }
    expect(await ra.pasada()).toMatchObject({ recibidos: 0 });
    expect(await rb.pasada()).toMatchObject({ recibidos: 1 });
    expect(await rb.pasada()).toMatchObject({ recibidos: 0 });
    const enB = b.ctx.db.prepare('SELECT uid, origen, dependencia_correcta FROM revisiones').all();
    expect(enB).toEqual([{ uid, origen: 'central', dependencia_correcta: '100' }]);
    expect(a.ctx.db.prepare('SELECT count(*) FROM revisiones').pluck().get()).toBe(0);
    // The clerk's own feedback on station B shows it.
    const r = await b.ok('revision:mia', { semanas: 2 });
    expect(r.observaciones.map((o: { numero: string }) => o.numero)).toEqual([nb]);
    // Marks pulled back are not sent again.
    expect(b.pendientes()).toBe(0);
    expect(na).toBeTruthy();
    // The station's audit records the central mark too, and its chain (which covers it) verifies.
    const auditada = b.ctx.db.prepare("SELECT actor, detalle FROM auditoria WHERE accion = 'revisar'").all() as { actor: string; detalle: string }[];
    expect(auditada.map((x) => [x.actor, JSON.parse(x.detalle)])).toEqual([['carla', expect.objectContaining({ revision: uid, origen: 'central' })]]);
    expect(b.ctx.audit.verificar().rotaEn).toBeNull();
  });

  it('en la aplicación: la réplica arranca sola si la estación tiene servidor central y se detiene limpia', async () => {
    const admin = await central();
    const a = await nueva('06', '02');
    expect(iniciarReplicacion(a.station)).toBeNull(); // no central store configured: nothing starts
    await a.replicador({ url: admin }).pasada(); // first contact keeps the station's URL
    const enCurso = iniciarReplicacion(a.station, { intervaloMs: 50 })!;
    try {
      await a.radicar(3);
      const hasta = Date.now() + 10_000;
      // Sent rows are marked before the pass ends: wait for the pass to report itself too.
      while ((a.pendientes() > 0 || !enCurso.estado().conectado) && Date.now() < hasta) await new Promise((r) => setTimeout(r, 50));
      expect(enCurso.estado()).toMatchObject({ conectado: true });
    } finally {
      await enCurso.detener();
    }
    await exactamenteUnaVez(admin, a);
  });

  it('las estaciones reciben las versiones de catálogo y los modelos publicados centralmente', async () => {
    const admin = await central();
    const a = await nueva('04', '01');
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      const cat = catalogoPorDefecto();
      const v2 = { ...cat, version: cat.version + 1, tipos: cat.tipos.map((t) => (t.codigo === 'PET-GEN' ? { ...t, nombre: 'Derecho de petición (general)' } : t)) };
      expect(await publicarCatalogoCliente(c, v2, 'ti')).toEqual({ version: v2.version, nueva: true });
      expect(await publicarModeloCliente(c, { objetivo: 'tipo', version: 40, creadoEn: 1, ejemplos: 10, metricas: { exactitud: 0.9 }, contenido: Buffer.from('{"modelo":1}') })).toBe(true);
      const r = await a.replicador({ url: admin }).pasada();
      expect(r.recibidos).toBe(2);
      expect(a.ctx.catalogoVigente().catalogo.version).toBe(v2.version);
      expect(a.ctx.db.prepare(`SELECT version FROM modelos WHERE objetivo = 'tipo'`).pluck().all()).toEqual([40]);
      expect((await a.replicador({}).pasada()).recibidos).toBe(0);
    } finally {
      await c.end();
    }
  });
});
