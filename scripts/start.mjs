#!/usr/bin/env node
// `npm start`: builds, then opens the station in Electron. Where Electron's binary is not installed
// (machines that installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), the same renderer and router run
// in Chromium instead (scripts/dev/navegador.ts).
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';
import { paraNode } from './paraNode.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'all'], { stdio: 'inherit' });

let electronBinary = null;
try {
  electronBinary = require('electron'); // the npm package resolves to the binary's path, or throws
} catch {
  electronBinary = null;
}

if (electronBinary && !args.includes('--navegador') && !args.includes('--captura')) {
  const child = spawn(electronBinary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!args.includes('--navegador') && !args.includes('--captura')) {
    console.error('radica: Electron no está instalado en esta máquina (ELECTRON_SKIP_BINARY_DOWNLOAD); abro la estación en Chromium.');
  }
  await build({
    ...paraNode(root),
    entryPoints: ['scripts/dev/navegador.ts'],
    outfile: 'dist/dev/navegador.cjs',
  });
  const child = spawn(process.execPath, [path.join(root, 'dist/dev/navegador.cjs'), ...args.filter((a) => a !== '--navegador')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
