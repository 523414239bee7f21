/**
 * The usual setting of the CLI tests against the central store: the file's own CLI bundle, a real
 * PostgreSQL and a temporary directory for station data, created before the file's tests and
 * removed after them.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { iniciarPostgres, type PostgresPrueba } from './postgres';
import { construirCli, type CliPropia } from './cliPropia';
import { tempDir } from '../helpers';

export interface EntornoCli {
  pg(): PostgresPrueba;
  dir(): string;
  radica: CliPropia['radica'];
  /** `radica init` of a station of sede 01 with the demo users; its `--data-dir` arguments. */
  estacion(nombre: string, ventanilla: string): string[];
}

export function entornoCli(prefijo: string): EntornoCli {
  let pgp: PostgresPrueba | undefined;
  let dir: string | undefined;
  let cli: CliPropia | undefined;
  beforeAll(async () => {
    cli = construirCli();
    pgp = await iniciarPostgres();
    dir = tempDir(prefijo);
  });
  afterAll(async () => {
    cli?.borrar();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await pgp?.cerrar();
  });
  const radica: CliPropia['radica'] = (args, env) => cli!.radica(args, env);
  return {
    pg: () => pgp!,
    dir: () => dir!,
    radica,
    estacion(nombre, ventanilla) {
      const d = ['--data-dir', path.join(dir!, nombre)];
      expect(radica(['init', ...d, '--entidad', 'Alcaldía de Prueba', '--sede', '01', '--ventanilla', ventanilla, '--usuarios-demo']).code).toBe(0);
      return d;
    },
  };
}
