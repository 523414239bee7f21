/**
 * Running a scanner program (scanimage, powershell.exe, NAPS2.Console.exe) the same way for every
 * adapter: never through a shell (arguments as an array, so a folder with spaces or accents is one
 * argument), output read line by line as it arrives (pages are reported while the feeder runs),
 * and stopped on cancel or when it takes too long.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export interface ResultadoProceso {
  codigo: number | null;
  /** The spawn itself failed (ENOENT: the program is not installed). */
  errorSpawn: NodeJS.ErrnoException | null;
  /**
   * Why we stopped it, if we did. 'terminado': it said it had finished (see `terminoEn`) but did not
   * exit, so it was stopped; what it printed is the outcome.
   */
  detenido: 'cancelado' | 'tiempo' | 'terminado' | null;
  /** Last lines of stderr, for the error message (bounded: a chatty driver must not fill memory). */
  stderr: string[];
  stdout: string[];
}

export interface OpcionesProceso {
  comando: string;
  args: string[];
  entorno?: NodeJS.ProcessEnv;
  /** Written to stdin and closed (the WIA script); stdin is closed empty otherwise. */
  entrada?: string;
  senal?: AbortSignal;
  tiempoMaximoMs: number;
  alLineaStdout?: (linea: string) => void;
  alLineaStderr?: (linea: string) => void;
  /**
   * A stderr line after which the program has nothing left to do. scanimage sometimes hangs in its
   * cleanup after "Batch terminated" (seen with the SANE test backend after an error status, about
   * one run in fifteen): it is given GRACIA_FIN_MS to exit, then stopped.
   */
  terminoEn?: RegExp;
}

const LINEAS_GUARDADAS = 200;
/** After SIGTERM, how long a scanner program gets to let go of the device before SIGKILL. */
const GRACIA_TERMINAR_MS = 3000;
/** After the program said it finished, how long it gets to exit on its own. */
const GRACIA_FIN_MS = 2000;

export function ejecutarProceso(o: OpcionesProceso): Promise<ResultadoProceso> {
  return new Promise((resolve) => {
    const r: ResultadoProceso = { codigo: null, errorSpawn: null, detenido: null, stderr: [], stdout: [] };
    if (o.senal?.aborted) {
      r.detenido = 'cancelado';
      resolve(r);
      return;
    }
    const hijo = spawn(o.comando, o.args, {
      env: { ...process.env, ...o.entorno },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const relojes: NodeJS.Timeout[] = [];
    const detener = (motivo: 'cancelado' | 'tiempo' | 'terminado') => {
      if (r.detenido || hijo.exitCode !== null || hijo.signalCode !== null) return;
      r.detenido = motivo;
      // SIGTERM first: scanimage and the others release the USB device more cleanly than after a kill.
      hijo.kill('SIGTERM');
      relojes.push(setTimeout(() => hijo.exitCode === null && hijo.signalCode === null && hijo.kill('SIGKILL'), GRACIA_TERMINAR_MS));
    };
    const alAbortar = () => detener('cancelado');
    o.senal?.addEventListener('abort', alAbortar, { once: true });
    relojes.push(setTimeout(() => detener('tiempo'), o.tiempoMaximoMs));

    const lector = (destino: string[], cb?: (l: string) => void) => {
      let resto = '';
      const linea = (l: string) => {
        const limpia = l.replace(/\r$/, '');
        destino.push(limpia);
        if (destino.length > LINEAS_GUARDADAS) destino.shift();
        // A thrown callback must not leave the process running unobserved.
        try {
          cb?.(limpia);
        } catch {
          /* the adapter's own callbacks do not throw; the caller's alPagina is guarded there */
        }
      };
      return {
        dato: (d: string) => {
          resto += d;
          let i: number;
          while ((i = resto.indexOf('\n')) >= 0) {
            linea(resto.slice(0, i));
            resto = resto.slice(i + 1);
          }
        },
        fin: () => {
          if (resto) linea(resto);
          resto = '';
        },
      };
    };
    const out = lector(r.stdout, o.alLineaStdout);
    const err = lector(r.stderr, (l) => {
      o.alLineaStderr?.(l);
      if (o.terminoEn?.test(l)) relojes.push(setTimeout(() => detener('terminado'), GRACIA_FIN_MS));
    });
    hijo.stdout.setEncoding('utf8').on('data', out.dato);
    hijo.stderr.setEncoding('utf8').on('data', err.dato);
    hijo.stdin.on('error', () => undefined); // the program may exit without reading stdin
    hijo.stdin.end(o.entrada ?? undefined);
    hijo.on('error', (e) => (r.errorSpawn = e as NodeJS.ErrnoException));
    hijo.on('close', (codigo) => {
      for (const t of relojes) clearTimeout(t);
      o.senal?.removeEventListener('abort', alAbortar);
      out.fin();
      err.fin();
      r.codigo = codigo;
      resolve(r);
    });
  });
}

/**
 * After a failed or cancelled scan: removes every file the program left in the folder that was not
 * reported as a complete page (half-written `.part` files, a page finished while we were killing
 * the program). Reported pages stay: the caller already has them.
 */
export async function limpiarNoReportadas(carpeta: string, esDelEscaneo: (nombre: string) => boolean, reportadas: ReadonlySet<string>): Promise<void> {
  let nombres: string[];
  try {
    nombres = await readdir(carpeta);
  } catch {
    return;
  }
  for (const n of nombres) {
    const ruta = path.join(carpeta, n);
    if (esDelEscaneo(n) && !reportadas.has(ruta)) await rm(ruta, { force: true }).catch(() => undefined);
  }
}
