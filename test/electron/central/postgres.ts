/**
 * A private PostgreSQL cluster for the tests of the central store (DESIGN.md, Testing): initdb in a
 * temporary directory, a free port on 127.0.0.1 only, passwords required over TCP (scram), and
 * stopped by the PID in postmaster.pid. PostgreSQL refuses to run as root: when the tests run as
 * root (here and in CI) initdb and pg_ctl run as the `postgres` user (runuser), which owns the
 * directory.
 *
 * The cluster's superuser is only used here, to create a non-superuser administrator (CREATEROLE)
 * that owns the test database: `radica central migrar` and `estacion registrar` must work without a
 * superuser, and stations connect with their own least-privilege roles.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The directory with initdb, pg_ctl and postgres: Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function binariosPostgres(): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versiones = readdirSync(base)
      .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versiones[0]) return path.join(base, versiones[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(
    'No se encontró PostgreSQL (initdb, pg_ctl). Instálelo: apt-get install -y --no-install-recommends postgresql',
  );
}

function puertoLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('sin puerto'))));
    });
  });
}

export interface PostgresPrueba {
  /** Non-superuser administrator (CREATEROLE) owning database `radica`. */
  adminUrl: string;
  /** The cluster's superuser (only to inspect things in tests). */
  superUrl: string;
  puerto: number;
  dir: string;
  /** With `tls`: the server's self-signed certificate (use it as sslrootcert). */
  certificado: string | null;
  /** Administrator URL of another fresh database on the same cluster. */
  nuevaBase(nombre: string): Promise<string>;
  /** Stops the server (fast shutdown, by PID) and waits until it is gone; the data stay. */
  detener(): Promise<void>;
  /** Starts it again on the same port and data. */
  iniciar(): void;
  /** Stops it and removes its files. */
  cerrar(): Promise<void>;
}

export interface OpcionesPostgres {
  /** Durable commits (the benchmark); off by default: tests need no crash safety of their own server. */
  fsync?: boolean;
  /** TLS on, with a self-signed certificate for 127.0.0.1 (its file in `certificado`). */
  tls?: boolean;
}

export async function iniciarPostgres(o: OpcionesPostgres = {}): Promise<PostgresPrueba> {
  const bin = binariosPostgres();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-pg-'));
  const datos = path.join(dir, 'datos');
  const clave = randomBytes(12).toString('hex');
  const claveAdmin = randomBytes(12).toString('hex');
  writeFileSync(path.join(dir, 'clave'), `${clave}\n`);
  chmodSync(dir, 0o700);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(path.join(dir, 'clave'), uid, gid);
  }
  const como = (programa: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, programa), ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(path.join(bin, programa), args, { stdio: 'pipe', cwd: dir });
  let certificado: string | null = null;
  if (o.tls) {
    certificado = path.join(dir, 'servidor.crt');
    const llave = path.join(dir, 'servidor.key');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', llave, '-out', certificado, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    chmodSync(llave, 0o600);
    chmodSync(certificado, 0o644);
    if (root) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(llave, uid, -1);
      chownSync(certificado, uid, -1);
    }
  }
  como('initdb', ['-D', datos, '-U', 'postgres', '--pwfile', path.join(dir, 'clave'), '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const puerto = await puertoLibre();
  const iniciar = () => {
    como('pg_ctl', ['-D', datos, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-h 127.0.0.1 -p ${puerto} -k ${dir} -c fsync=${o.fsync ? 'on' : 'off'} -c max_connections=200` +
      (certificado ? ` -c ssl=on -c ssl_cert_file=${certificado} -c ssl_key_file=${path.join(dir, 'servidor.key')}` : ''), 'start']);
  };
  const pid = (): number | null => {
    const f = path.join(datos, 'postmaster.pid');
    if (!existsSync(f)) return null;
    const n = Number(readFileSync(f, 'utf8').split('\n')[0]);
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const vivo = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  const detener = async () => {
    const p = pid();
    if (p === null || !vivo(p)) return;
    process.kill(p, 'SIGINT'); // fast shutdown: disconnects clients, checkpoints
    const hasta = Date.now() + 30_000;
    while (vivo(p) && Date.now() < hasta) await new Promise((r) => setTimeout(r, 50));
    if (vivo(p)) process.kill(p, 'SIGKILL');
  };
  iniciar();
  const superUrl = `postgres://postgres:${clave}@127.0.0.1:${puerto}/postgres`;
  const su = new pg.Client({ connectionString: superUrl });
  await su.connect();
  try {
    await su.query(`CREATE ROLE radica_admin LOGIN CREATEROLE CREATEDB PASSWORD '${claveAdmin}'`);
    await su.query('CREATE DATABASE radica OWNER radica_admin');
  } finally {
    await su.end();
  }
  const urlDe = (db: string) => `postgres://radica_admin:${claveAdmin}@127.0.0.1:${puerto}/${db}`;
  return {
    adminUrl: urlDe('radica'),
    superUrl,
    puerto,
    dir,
    certificado,
    async nuevaBase(nombre: string) {
      const c = new pg.Client({ connectionString: urlDe('radica') });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${pg.escapeIdentifier(nombre)}`);
      } finally {
        await c.end();
      }
      return urlDe(nombre);
    },
    detener,
    iniciar,
    async cerrar() {
      await detener();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One query on its own connection (to look at or tamper with the central store in tests). */
export async function consultar<T extends pg.QueryResultRow = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
