import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RadicaError } from '../../shared/ipc/result';
import { migraciones } from './migrations';

export type Db = Database.Database;

export const ARCHIVO_BASE = 'radica.sqlite';

export interface OpenOptions {
  /** Override for tests of the migrations. */
  migrations?: readonly { nombre: string; sql: string }[];
  readonly?: boolean;
}

/**
 * Opens (and creates or upgrades) the station database. WAL lets the CLI and the UI read while a
 * radicación commits; synchronous=FULL makes every committed radicado survive a power cut;
 * busy_timeout lets several processes take turns at the write lock instead of failing.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  // ':memory:' serves commands that need the router but no station (radica termino on any machine).
  const memoria = dataDir === ':memory:';
  if (!memoria) mkdirSync(dataDir, { recursive: true });
  const db = new Database(memoria ? ':memory:' : path.join(dataDir, ARCHIVO_BASE), { readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 15000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, options.migrations ?? migraciones);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, list: readonly { nombre: string; sql: string }[]): void {
  const latest = list.length;
  const check = () => {
    const current = schemaVersion(db);
    if (current > latest) {
      throw new RadicaError(
        'CONFLICTO',
        `Esta base de datos es de una versión más nueva de Radica (esquema ${current}; esta versión conoce hasta ${latest}). ` +
          'Actualice Radica en esta estación; no se modificó nada.',
      );
    }
    return current;
  };
  if (check() === latest) return;
  // Each migration commits on its own with its user_version; IMMEDIATE serialises processes that
  // open a new data directory at the same time, and the version is read again under the lock.
  for (;;) {
    const done = db
      .transaction(() => {
        const current = check();
        if (current >= latest) return true;
        const m = list[current]!;
        db.exec(m.sql);
        db.pragma(`user_version = ${current + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}
