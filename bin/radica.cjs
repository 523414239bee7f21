#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../dist/cli.cjs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.cjs')) {
    console.error('radica: falta compilar la CLI. Ejecute "npm run build" en la carpeta de Radica.');
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
