#!/usr/bin/env node
// Builds the CLI, the Electron main/preload bundles and the renderer into dist/.
// `node scripts/build.mjs cli` runs on `npm install` (prepare) so `npx radica` works at once.
import { build } from 'esbuild';
import { paraNode } from './paraNode.mjs';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const what = process.argv[2] ?? 'all';

const common = { ...paraNode(root), sourcemap: 'linked' };

mkdirSync(path.join(root, 'dist'), { recursive: true });

if (what === 'cli' || what === 'all') {
  await build({ ...common, entryPoints: ['electron/cli/radica.ts'], outfile: 'dist/cli.cjs' });
  chmodSync(path.join(root, 'bin/radica.cjs'), 0o755);
}

if (what === 'electron' || what === 'all') {
  await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
  // The classifier's training runs in a worker thread: its own entry beside main.cjs.
  await build({ ...common, entryPoints: ['electron/services/entrenamientoWorker.ts'], outfile: 'dist/electron/entrenamiento.cjs' });
  // The preload runs sandboxed: one self-contained file, only `electron` from outside.
  await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
}

if (what === 'renderer' || what === 'all') {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
