#!/usr/bin/env node
// `npm run bench [-- SUITE [opciones]]`: prints figures as JSON lines on stdout (progress on
// stderr). Benchmarks are not tests: they never fail on a time (DESIGN.md, Testing).
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';

const SUITES = {
  radicacion: './bench/radicacion.mjs',
  sticker: './bench/sticker.mjs',
  clasificador: './bench/clasificador.mjs',
  escaneo: './bench/escaneo.mjs',
  sync: './bench/sync.mjs',
  informe: './bench/informe.mjs',
  'modelo-central': './bench/modeloCentral.mjs',
};

const dir = path.dirname(fileURLToPath(import.meta.url));
const [primero, ...resto] = process.argv.slice(2);
const pedida = primero && !primero.startsWith('-') ? primero : null;
const args = pedida ? resto : process.argv.slice(2);

if (pedida && !Object.hasOwn(SUITES, pedida)) {
  console.error(`bench: suite desconocida "${pedida}". Suites disponibles: ${Object.keys(SUITES).join(', ')}.`);
  process.exit(2);
}

for (const nombre of pedida ? [pedida] : Object.keys(SUITES)) {
  console.error(`bench: suite ${nombre}`);
  const suite = await import(pathToFileURL(path.join(dir, SUITES[nombre])).href);
  try {
    await suite.run(args);
  } catch (err) {
    console.error(`bench ${nombre}: ${err.message}`);
    process.exit(1);
  }
}
