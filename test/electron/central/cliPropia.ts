/**
 * A test file's own bundle of the CLI (dist/cli.cjs may be stale, or rebuilt by another test file
 * meanwhile), and a way to run it as a separate process, as IT would.
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { paraNode } from '../../../scripts/paraNode.mjs';

const ROOT = path.resolve(__dirname, '../../..');

export interface CliPropia {
  /** `node -e <codigo> args…` runs the CLI's main with args (for spawn, e.g. to kill it). */
  codigo: string;
  radica(args: string[], env?: NodeJS.ProcessEnv): { code: number | null; out: string; err: string; json: () => any };
  borrar(): void;
}

export function construirCli(): CliPropia {
  const dir = path.join(ROOT, 'test-results', `.cli-${randomUUID()}`);
  const cli = path.join(dir, 'cli.cjs');
  mkdirSync(dir, { recursive: true });
  buildSync({ ...paraNode(ROOT), entryPoints: [path.join(ROOT, 'electron/cli/radica.ts')], outfile: cli });
  const codigo = `require(${JSON.stringify(cli)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
  return {
    codigo,
    radica(args, env = {}) {
      const r = spawnSync(process.execPath, ['-e', codigo, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
      return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
    },
    borrar: () => rmSync(dir, { recursive: true, force: true }),
  };
}
