// What every bench suite needs: the station's TypeScript bundled so a fresh clone can run it,
// percentiles, and the JSON-lines output (figures on stdout, progress on stderr).
import { build } from 'esbuild';
import { paraNode } from '../paraNode.mjs';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const linea = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
export const progresoDe = (suite) => (msg) => process.stderr.write(`[${suite}] ${msg}\n`);

/** Bundles `contents` (TypeScript re-exports of the repo's modules) into dist/bench/<nombre>.cjs and loads it. */
export async function cargarModulo(nombre, contents) {
  const outfile = path.join(root, `dist/bench/${nombre}.cjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    ...paraNode(root),
    stdin: { contents, resolveDir: root, sourcefile: `bench-${nombre}.ts`, loader: 'ts' },
    outfile,
  });
  return createRequire(import.meta.url)(outfile);
}

export function percentiles(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const p = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50: r3(p(0.5)), p95: r3(p(0.95)), p99: r3(p(0.99)), max: r3(s[s.length - 1]) };
}

/** The labelled CSV options of the classifier suites; default, the evaluation data beside the repo. */
export const OPCIONES_CSV_ETIQUETADO = {
  csv: { type: 'string', default: path.resolve(root, '../shared/data/pqr-ong-train.csv') },
  texto: { type: 'string', default: 'Reporte' },
  etiqueta: { type: 'string', default: 'Categoria' },
};

/** The CSV to measure on, or null (and why, on stderr) when it is not there: no data, no figures. */
export function csvEtiquetado(csv, suite) {
  const archivo = path.resolve(csv);
  if (existsSync(archivo)) return archivo;
  console.error(`bench ${suite}: no está ${archivo}; sin datos etiquetados no hay cifras (use --csv ARCHIVO).`);
  return null;
}

/** A new, empty database on the server of an administrator's URL (`pg`: the bundled driver); its URL. */
export async function crearBase(pg, admin, nombre) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${nombre}`);
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${nombre}`;
  return u.toString();
}
