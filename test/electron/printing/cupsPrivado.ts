/**
 * A private CUPS scheduler for the tests: its own configuration, spool and port on 127.0.0.1, with
 * one cups-pdf queue. The system's CUPS (if any) is not touched; this one is stopped by its PID.
 *
 * Needs root (cupsd runs the cups-pdf backend as root; CI runs as root) and the Debian packages
 * cups and printer-driver-cups-pdf. cups-pdf reads its own settings from /etc/cups/cups-pdf.conf
 * only: the PDFs land where its `Out` says (default ${HOME}/PDF of the user who printed).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempDir } from '../helpers';
import { puertoLibre } from './impresoras';

export interface CupsPrivado {
  /** For CUPS_SERVER: lp and lpstat talk to this scheduler. */
  servidor: string;
  cola: string;
  /** Where cups-pdf writes the PDFs of this user's jobs. */
  salida: string;
  detener(): Promise<void>;
}

const CUPSD = '/usr/sbin/cupsd';
const PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

export function faltaParaCups(): string | null {
  if (!existsSync(CUPSD)) return `no existe ${CUPSD}: instale cups (apt-get install cups printer-driver-cups-pdf)`;
  if (!existsSync('/usr/lib/cups/backend/cups-pdf') || !existsSync(PPD)) return 'falta cups-pdf: apt-get install printer-driver-cups-pdf';
  if (process.getuid?.() !== 0) return 'cupsd y el backend cups-pdf necesitan root (CI corre como root)';
  return null;
}

/** cups-pdf's output folder for the current user, from /etc/cups/cups-pdf.conf. */
function carpetaSalida(): string {
  let out = '${HOME}/PDF';
  try {
    const m = /^\s*Out\s+(.+?)\s*$/m.exec(readFileSync('/etc/cups/cups-pdf.conf', 'utf8'));
    if (m) out = m[1]!;
  } catch {
    /* default */
  }
  return out.replaceAll('${HOME}', os.homedir()).replaceAll('${USER}', os.userInfo().username);
}

export async function iniciarCups(cola = 'RADICA_PDF'): Promise<CupsPrivado> {
  const falta = faltaParaCups();
  if (falta) throw new Error(`No se puede probar CUPS aquí: ${falta}.`);
  const dir = tempDir('radica-cups-');
  // Filters run as the lp user: the folders must be reachable by it.
  chmodSync(dir, 0o755);
  for (const d of ['root', 'root/ppd', 'spool', 'cache', 'state', 'log']) mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
  const port = await puertoLibre();
  writeFileSync(
    path.join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}/root`,
      `RequestRoot ${dir}/spool`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      `AccessLog ${dir}/log/access_log`,
      `ErrorLog ${dir}/log/error_log`,
      `PageLog ${dir}/log/page_log`,
      'SystemGroup root',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'cupsd.conf'),
    [
      `Listen 127.0.0.1:${port}`,
      `Printcap ${dir}/printcap`,
      'LogLevel warn',
      'Browsing No',
      'WebInterface No',
      'DefaultAuthType None',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  const servidor = `127.0.0.1:${port}`;
  const cupsd: ChildProcess = spawn(CUPSD, ['-f', '-c', path.join(dir, 'cupsd.conf'), '-s', path.join(dir, 'cups-files.conf')], { stdio: 'ignore' });
  const salir = new Promise<void>((r) => cupsd.once('exit', () => r()));
  const detener = async () => {
    if (cupsd.exitCode === null && cupsd.pid) process.kill(cupsd.pid, 'SIGTERM');
    await Promise.race([salir, new Promise((r) => setTimeout(r, 5000))]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const hasta = Date.now() + 15_000;
    for (;;) {
      const r = spawnSync('lpstat', ['-h', servidor, '-r'], { encoding: 'utf8' });
      if (r.status === 0 && /is running/.test(r.stdout)) break;
      if (cupsd.exitCode !== null || Date.now() > hasta) throw new Error(`cupsd no arrancó en ${servidor}: ${readLog(dir)}`);
      await new Promise((res) => setTimeout(res, 100));
    }
    const alta = spawnSync('lpadmin', ['-h', servidor, '-p', cola, '-v', 'cups-pdf:/', '-E', '-P', PPD], { encoding: 'utf8' });
    if (alta.status !== 0) throw new Error(`lpadmin falló: ${alta.stderr}`);
  } catch (err) {
    await detener();
    throw err;
  }
  return { servidor, cola, salida: carpetaSalida(), detener };
}

function readLog(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'log', 'error_log'), 'utf8').slice(-2000);
  } catch {
    return '(sin registro)';
  }
}
