/**
 * Crash safety of the numbering: several processes radicate against one data directory while
 * some are killed with SIGKILL at random moments (no chance to clean up, as in a power cut of the
 * process). Afterwards `radica verificar` must pass — one series, consecutive from 1, no gaps or
 * repeats, audit chain intact — and every number a process printed (it prints only after commit)
 * must be in the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { paraNode } from '../../scripts/paraNode.mjs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/radica.cjs');
const ARCHIVO_BASE = 'radica.sqlite';

let tmp: string;
let worker: string;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/cli.cjs'))) {
    const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'cli'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`no se pudo compilar la CLI: ${b.stderr}`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'radica-crash-'));
  worker = path.join(tmp, 'radicarWorker.cjs');
  buildSync({
    ...paraNode(ROOT),
    entryPoints: [path.join(ROOT, 'test/electron/fixtures/radicarWorker.ts')],
    outfile: worker,
  });
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Salida {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Salida {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function nuevaEstacion(nombre: string): string {
  const dir = path.join(tmp, nombre);
  const r = cli(['init', '--data-dir', dir, '--entidad', 'Entidad de prueba', '--sede', '01', '--ventanilla', '03', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

interface Verificacion {
  ok: boolean;
  series: { serie: string; desde: number; hasta: number; total: number }[];
  problemas: string[];
}

function verificar(dir: string): Salida & { json: Verificacion } {
  const r = cli(['verificar', '--data-dir', dir, '--json']);
  return { ...r, json: JSON.parse(r.stdout) as Verificacion };
}

/** Numbers and who radicated them, read straight from the file. */
function leerRadicados(dir: string): { numero: string; radicador: string }[] {
  const db = new Database(path.join(dir, ARCHIVO_BASE), { readonly: true });
  try {
    return db.prepare('SELECT numero, radicador FROM radicados ORDER BY id').all() as { numero: string; radicador: string }[];
  } finally {
    db.close();
  }
}

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));
const azar = (min: number, max: number) => min + Math.random() * (max - min);

/** One worker process; its stdout split into complete lines. */
class Proceso {
  readonly lineas: string[] = [];
  readonly terminado: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private readonly child: ChildProcess;
  private resto = '';
  private esperas: { pred: (l: string) => boolean; resolve: () => void }[] = [];

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [worker, ...args], {
      cwd: ROOT,
      // The bundle lives in a temp dir: better-sqlite3 is found in the project's node_modules.
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const partes = (this.resto + chunk).split('\n');
      this.resto = partes.pop()!;
      for (const l of partes) {
        this.lineas.push(l);
        this.esperas = this.esperas.filter((e) => (e.pred(l) ? (e.resolve(), false) : true));
      }
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.terminado = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves on the first line (already read or to come) that matches. */
  esperarLinea(pred: (l: string) => boolean): Promise<void> {
    if (this.lineas.some(pred)) return Promise.resolve();
    return new Promise((resolve) => this.esperas.push({ pred, resolve }));
  }

  matar(): void {
    this.child.kill('SIGKILL');
  }

  /** Radicado numbers printed (committed) by this process. */
  numeros(): string[] {
    return this.lineas.filter((l) => /^\d{4}-/.test(l));
  }
}

/** Whichever comes first; a process that ends on its own before its kill is a failure to report. */
async function conLimite<T>(p: Promise<T>, ms: number, que: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  const limite = new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(`tiempo agotado: ${que}`)), ms)));
  try {
    return await Promise.race([p, limite]);
  } finally {
    clearTimeout(t);
  }
}

describe('seguridad ante caídas de la numeración', () => {
  it('procesos concurrentes matados con SIGKILL no dejan huecos, repetidos ni números perdidos', async () => {
    const dir = nuevaEstacion('concurrentes');
    const POR_ESTABLE = 200;
    const RONDAS = 3;

    // Two processes radicate a fixed count to the end.
    const estables = [1, 2].map((id) => new Proceso([dir, 'uno', String(id), String(POR_ESTABLE)]));

    // Two more radicate without end and are killed at a random moment, restarted, killed again...
    const matados: Proceso[] = [];
    const matar = async (id: number) => {
      for (let ronda = 0; ronda < RONDAS; ronda++) {
        const p = new Proceso([dir, 'uno', String(id), '0']);
        matados.push(p);
        await conLimite(p.esperarLinea((l) => l === 'listo'), 20_000, `proceso ${id} no arrancó: ${p.stderr}`);
        await dormir(azar(100, 900));
        p.matar();
        const fin = await p.terminado;
        expect(fin.signal, `el proceso ${id} terminó solo (código ${fin.code}): ${p.stderr}`).toBe('SIGKILL');
      }
    };
    await Promise.all([matar(3), matar(4)]);
    const finEstables = await conLimite(Promise.all(estables.map((p) => p.terminado)), 60_000, 'procesos estables');

    estables.forEach((p, i) => {
      expect(finEstables[i], p.stderr).toEqual({ code: 0, signal: null });
      expect(p.stderr).toBe('');
      expect(p.numeros()).toHaveLength(POR_ESTABLE);
    });
    const delosMatados = matados.flatMap((p) => p.numeros());
    // The kills must land mid-stream, not before the first radicación.
    expect(delosMatados.length).toBeGreaterThan(0);

    const reportados = [...estables.flatMap((p) => p.numeros()), ...delosMatados];
    expect(new Set(reportados).size, 'un número se informó dos veces').toBe(reportados.length);

    const enAlmacen = leerRadicados(dir).map((r) => r.numero);
    const almacen = new Set(enAlmacen);
    expect(reportados.filter((n) => !almacen.has(n)), 'números informados que no están en el almacén').toEqual([]);
    // A killed process may have committed one radicado it did not get to print: at most one per kill.
    expect(enAlmacen.length).toBeGreaterThanOrEqual(reportados.length);
    expect(enAlmacen.length - reportados.length).toBeLessThanOrEqual(matados.length);

    const v = verificar(dir);
    expect(v.code, `${v.stderr}\n${v.json.problemas.join('\n')}`).toBe(0);
    expect(v.json.ok).toBe(true);
    expect(v.json.problemas).toEqual([]);
    expect(v.json.series).toHaveLength(1);
    expect(v.json.series[0]).toMatchObject({ desde: 1, hasta: enAlmacen.length, total: enAlmacen.length });
  }, 60_000);

  it('un proceso matado en medio de un lote largo no deja nada a medio escribir', async () => {
    const dir = nuevaEstacion('lote');
    const TAMANO = 2500;
    const RONDAS = 3;
    const ID_LOTE = '7';

    // A clerk keeps radicating one by one at the same time, through the same lock.
    const clerk = new Proceso([dir, 'uno', '8', '150']);

    const rondas: Proceso[] = [];
    for (let ronda = 0; ronda < RONDAS; ronda++) {
      const p = new Proceso([dir, 'lote', ID_LOTE, '0', String(TAMANO)]);
      rondas.push(p);
      // Kill in the middle of the first or second batch: "mitad k" is printed inside its transaction.
      const k = ronda % 2;
      await conLimite(p.esperarLinea((l) => l === `mitad ${k}`), 30_000, `el lote ${k} no llegó a la mitad: ${p.stderr}`);
      await dormir(azar(0, 30));
      p.matar();
      const fin = await p.terminado;
      expect(fin.signal, `el proceso de lotes terminó solo (código ${fin.code}): ${p.stderr}`).toBe('SIGKILL');
      // It died inside batch k's transaction: it never printed that batch's numbers.
      expect(p.numeros()).toHaveLength(k * TAMANO);
    }
    const finClerk = await conLimite(clerk.terminado, 60_000, 'proceso de radicación uno a uno');
    expect(finClerk, clerk.stderr).toEqual({ code: 0, signal: null });
    expect(clerk.numeros()).toHaveLength(150);

    const filas = leerRadicados(dir);
    const deLotes = filas.filter((f) => f.radicador === `worker-${ID_LOTE}`).map((f) => f.numero);
    const reportadosLote = rondas.flatMap((p) => p.numeros());
    // Only whole committed batches: exactly the ones whose numbers were printed.
    expect(deLotes.length % TAMANO).toBe(0);
    expect(deLotes.sort()).toEqual([...reportadosLote].sort());
    expect(filas.length).toBe(deLotes.length + clerk.numeros().length);
    const almacen = new Set(filas.map((f) => f.numero));
    expect(clerk.numeros().every((n) => almacen.has(n))).toBe(true);

    const v = verificar(dir);
    expect(v.code, `${v.stderr}\n${v.json.problemas.join('\n')}`).toBe(0);
    expect(v.json.ok).toBe(true);
    expect(v.json.series).toHaveLength(1);
    expect(v.json.series[0]).toMatchObject({ desde: 1, hasta: filas.length, total: filas.length });
  }, 60_000);

  it('verificar detecta un hueco hecho a mano en la serie (la prueba puede fallar)', () => {
    const dir = nuevaEstacion('hueco');
    const radicar = () =>
      cli([
        'radicar', '--data-dir', dir, '--tipo', 'PET-GEN', '--dependencia', '300', '--asunto', 'Solicitud de información',
        '--remitente', 'CC:1234567', '--remitente-nombre', 'Ana Pérez', '--folios', '2', '--json',
      ]);
    for (let i = 0; i < 3; i++) expect(radicar().code).toBe(0);
    expect(verificar(dir).code).toBe(0);

    // Radicados cannot be edited or deleted (triggers); skipping a number is the way to a gap.
    const db = new Database(path.join(dir, ARCHIVO_BASE));
    db.prepare('UPDATE series SET ultimo = ultimo + 1').run();
    db.close();
    const r = radicar();
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { consecutivo: number }).consecutivo).toBe(5);

    const v = verificar(dir);
    expect(v.code).not.toBe(0);
    expect(v.json.ok).toBe(false);
    expect(v.json.problemas.join('\n')).toMatch(/hueco.*faltan.*\b4\b/);
    expect(v.stderr).toMatch(/hueco/);
  }, 30_000);
});
