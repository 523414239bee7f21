// What every bench suite needs: the station's TypeScript bundled so a fresh clone can run it,
// percentiles, and the JSON-lines output (figures on stdout, progress on stderr).
import { build } from 'esbuild';
import { paraNode } from '../paraNode.mjs';
import { mkdirSync } from 'node:fs';
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
