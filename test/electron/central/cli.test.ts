/**
 * The central store's commands through the built CLI, against a real PostgreSQL:
 * - `radica sync` killed with SIGKILL mid-batch (as in a power cut: no chance to clean up) and
 *   restarted, several times: afterwards every radicado, outbox row and audit entry of the station
 *   is centrally exactly once, and the station's outbox is all marked sent;
 * - a cloned installation exits non-zero with a Spanish message and sends nothing;
 * - no central server: exit 1, "sin conexión", the station untouched;
 * - `--continuo` replicates as the station radicates and stops cleanly on SIGTERM;
 * - `central estado --json` for IT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { iniciarPostgres, type PostgresPrueba } from './postgres';
import { construirCli, type CliPropia } from './cliPropia';
import { tempDir } from '../helpers';


let pgp: PostgresPrueba;
let cli: CliPropia;
let dir: string;
let D: string;
let url: string;

beforeAll(async () => {
  cli = construirCli();
  pgp = await iniciarPostgres();
  dir = tempDir('radica-sigkill-');
});
afterAll(async () => {
  cli?.borrar();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await pgp?.cerrar();
});

const radica = (args: string[]) => cli.radica(args);

async function contar(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await c.end();
  }
}

describe('radica sync y radica central (CLI)', () => {
  it('matado con SIGKILL a mitad de lote, se reanuda donde quedó: nada duplicado ni perdido', async () => {
    const admin = pgp.adminUrl;
    expect(radica(['central', 'migrar', '--url', admin, '--json']).code).toBe(0);
    const reg = radica(['central', 'estacion', 'registrar', '--url', admin, '--sede', '01', '--ventanilla', '03', '--json']);
    expect(reg.code, reg.err).toBe(0);
    url = (reg.json() as { url: string }).url;
    D = path.join(dir, 'estacion');
    expect(radica(['init', '--data-dir', D, '--entidad', 'Alcaldía de Prueba', '--sede', '01', '--ventanilla', '03']).code).toBe(0);
    const demo = radica(['demo', '--data-dir', D, '--cantidad', '3000']);
    expect(demo.code, demo.err).toBe(0);

    const code = cli.codigo;
    let matados = 0;
    let ventanas = 0;
    for (let vuelta = 0; vuelta < 6; vuelta++) {
      const antes = await contar(admin, 'SELECT count(*) AS n FROM radica.recibidos');
      if (antes >= 3000) break;
      const hijo = spawn(process.execPath, ['-e', code, 'sync', '--data-dir', D, '--url', url, '--lote', '50', '--json'], { stdio: 'ignore' });
      const terminado = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => hijo.on('exit', (c, s) => resolve({ code: c, signal: s })));
      // Wait until this run has committed something centrally, then kill it at a random moment.
      const hasta = Date.now() + 20_000;
      while (Date.now() < hasta && (await contar(admin, 'SELECT count(*) AS n FROM radica.recibidos')) <= antes) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
      hijo.kill('SIGKILL');
      const fin = await terminado;
      if (fin.signal === 'SIGKILL') matados++;
      // Committed centrally but not marked sent here: the window a crash must survive.
      const db = new Database(path.join(D, 'radica.sqlite'), { readonly: true });
      const marcados = db.prepare('SELECT count(*) FROM outbox WHERE enviado_en IS NOT NULL').pluck().get() as number;
      db.close();
      if ((await contar(admin, 'SELECT count(*) AS n FROM radica.recibidos')) > marcados) ventanas++;
    }
    expect(matados).toBeGreaterThanOrEqual(2);

    const final = radica(['sync', '--data-dir', D, '--url', url, '--json']);
    expect(final.code, final.err).toBe(0);
    expect(final.json()).toMatchObject({ pendientes: 0, retrasoMs: 0 });

    const db = new Database(path.join(D, 'radica.sqlite'), { readonly: true });
    const locales = {
      radicados: db.prepare('SELECT count(*) FROM radicados').pluck().get() as number,
      outbox: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
      sinEnviar: db.prepare('SELECT count(*) FROM outbox WHERE enviado_en IS NULL').pluck().get() as number,
      auditoria: db.prepare('SELECT count(*) FROM auditoria').pluck().get() as number,
    };
    db.close();
    expect(locales).toMatchObject({ radicados: 3000, outbox: 3000, sinEnviar: 0 });
    expect(await contar(admin, 'SELECT count(*) AS n FROM radica.radicados')).toBe(3000);
    expect(await contar(admin, 'SELECT count(*) AS n FROM radica.recibidos')).toBe(3000);
    expect(await contar(admin, 'SELECT count(DISTINCT seq) AS n FROM radica.recibidos')).toBe(3000);
    expect(await contar(admin, 'SELECT count(*) AS n FROM radica.auditoria')).toBe(locales.auditoria);
    // Series complete: consecutive 1…3000, no gaps centrally.
    expect(await contar(admin, 'SELECT max(consecutivo) - min(consecutivo) + 1 AS n FROM radica.radicados')).toBe(3000);
    console.log(`sigkill: ${matados} procesos matados, ${ventanas} veces con un lote confirmado en el central y sin marcar en la estación`);
  }, 180_000);

  it('una instalación clonada sale con error y un mensaje en español, sin enviar nada', async () => {
    const copia = path.join(dir, 'copia');
    expect(radica(['init', '--data-dir', copia, '--entidad', 'Alcaldía de Prueba', '--sede', '01', '--ventanilla', '03']).code).toBe(0);
    expect(radica(['demo', '--data-dir', copia, '--cantidad', '5']).code).toBe(0);
    const antes = await contar(pgp.adminUrl, 'SELECT count(*) AS n FROM radica.recibidos');
    for (const u of [pgp.adminUrl, url]) {
      const r = radica(['sync', '--data-dir', copia, '--url', u, '--json']);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^radica sync: La serie de la sede 01, ventanilla 03 ya pertenece a otra instalación de Radica/);
    }
    expect(await contar(pgp.adminUrl, 'SELECT count(*) AS n FROM radica.recibidos')).toBe(antes);
  });

  it('sin servidor central: sale con error, "sin conexión", y la estación sigue igual', () => {
    const caido = new URL(url);
    caido.port = '1';
    const r = radica(['sync', '--data-dir', D, '--url', caido.toString(), '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Sin conexión con el servidor central .*radicando localmente/);
    expect(r.err).not.toContain(new URL(url).password);
    const sinEstacion = radica(['sync', '--data-dir', path.join(dir, 'nada'), '--url', url]);
    expect(sinEstacion.code).toBe(1);
    expect(sinEstacion.err).toMatch(/aún no está configurada/);
    expect(radica(['sync', '--data-dir', D, '--url', 'http://x']).err).toMatch(/debe empezar por postgres:\/\//);
  });

  it('sync --continuo envía lo que se radica y termina limpio con SIGTERM', async () => {
    const code = cli.codigo;
    const hijo = spawn(process.execPath, ['-e', code, 'sync', '--data-dir', D, '--continuo', '--intervalo', '200', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let salida = '';
    hijo.stdout.on('data', (b: Buffer) => (salida += b.toString()));
    const terminado = new Promise<number | null>((resolve) => hijo.on('exit', (c) => resolve(c)));
    try {
      const r = radica(['radicar', '--data-dir', D, '--tipo', 'PET-GEN', '--dependencia', '300', '--asunto', 'Solicito copia de la licencia de construcción', '--remitente', 'CC:123', '--remitente-nombre', 'Ana Ruiz', '--folios', '1', '--json']);
      expect(r.code, r.err).toBe(0);
      const numero = (r.json() as { numero: string }).numero;
      const hasta = Date.now() + 20_000;
      while (Date.now() < hasta && (await contar(pgp.adminUrl, `SELECT count(*) AS n FROM radica.radicados WHERE numero = '${numero}'`)) === 0) {
        await new Promise((res) => setTimeout(res, 50));
      }
      expect(await contar(pgp.adminUrl, `SELECT count(*) AS n FROM radica.radicados WHERE numero = '${numero}'`)).toBe(1);
    } finally {
      hijo.kill('SIGTERM');
    }
    expect(await terminado).toBe(0);
    expect(salida.trim().split('\n').map((l) => JSON.parse(l) as { enviados: number }).some((l) => l.enviados === 1)).toBe(true);
  }, 60_000);

  it('central estado --json: último contacto, pendientes y retraso de cada estación', () => {
    const r = radica(['central', 'estado', '--url', pgp.adminUrl, '--json']);
    expect(r.code, r.err).toBe(0);
    const { estaciones } = r.json() as { estaciones: { sede: string; ventanilla: string; pendientes: number; retrasoMs: number; radicados: number; ultimoContacto: string; rechazos: number }[] };
    expect(estaciones).toHaveLength(1);
    expect(estaciones[0]).toMatchObject({ sede: '01', ventanilla: '03', pendientes: 0, retrasoMs: 0, radicados: 3001, rechazos: 2 });
    expect(estaciones[0]!.ultimoContacto).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-05:00$/);
    const texto = radica(['central', 'estado', '--url', pgp.adminUrl]);
    expect(texto.out).toMatch(/Sede 01 · ventanilla 03/);
    expect(texto.out).toMatch(/2 intentos de otra instalación/);
    expect(radica(['central', 'estado']).code).toBe(2);
  });
});
