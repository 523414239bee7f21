/**
 * Where the bytes of a sticker go. One interface, chosen by the printer's URI (see
 * shared/domain/impresion.ts). Every failure is a `FalloImpresion` with a Spanish message that
 * names the printer and says what the clerk can check, and whether the queue should retry by itself
 * (a printer that is off or unplugged comes back; a wrong queue name does not).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpresoraConfig } from '../../shared/domain/impresion';

export interface TrabajoTransporte {
  /** For the OS queue and the PDF file: "Radicado 2026-0103-000001 (copia 1)". */
  titulo: string;
  anchoMm: number;
  altoMm: number;
  formato: 'escpos' | 'pdf';
  /** File name without extension, for printers that write one file per job (pdf:///carpeta). */
  archivo: string;
}

export interface Sondeo {
  estado: 'lista' | 'sin_conexion' | 'desconocido';
  detalle: string | null;
}

export interface Transporte {
  /** Resolves once the printer (or the OS queue, or the file) accepted every byte. */
  enviar(datos: Buffer, trabajo: TrabajoTransporte): Promise<void>;
  sondear(): Promise<Sondeo>;
}

export class FalloImpresion extends Error {
  constructor(
    message: string,
    /** true: the queue retries by itself (printer off, unreachable, busy); false: fix the configuration. */
    readonly reintentable: boolean,
  ) {
    super(message);
    this.name = 'FalloImpresion';
  }
}

/**
 * The OS print queue of the desktop app (Electron's silent webContents.print). Electron's main
 * process registers it at startup; the CLI and the tests run without it.
 */
export interface ImpresoraSistema {
  imprimirPdf(pdf: Buffer, o: { nombreImpresora: string; anchoMm: number; altoMm: number; titulo: string }): Promise<void>;
  estado(nombreImpresora: string): Promise<Sondeo>;
}

export type FabricaTransportes = (impresora: ImpresoraConfig) => Transporte;

export interface OpcionesTransporte {
  impresoraSistema?: ImpresoraSistema | null;
  /** Connect timeout for tcp:// printers. */
  conexionMs?: number;
  /** Longest a tcp:// printer may take to take all the bytes (a printer out of paper stops reading). */
  envioMs?: number;
}

export function describirImpresora(i: Pick<ImpresoraConfig, 'nombre' | 'uri'>): string {
  return i.nombre === i.uri ? `«${i.uri}»` : `«${i.nombre}» (${i.uri})`;
}

export function crearTransporte(impresora: ImpresoraConfig, o: OpcionesTransporte = {}): Transporte {
  const { uri } = impresora;
  const quien = describirImpresora(impresora);
  const tcp = /^tcp:\/\/([^\s/:]+):(\d{1,5})$/.exec(uri);
  if (tcp) return transporteTcp(tcp[1]!, Number(tcp[2]), quien, o.conexionMs ?? 3000, o.envioMs ?? 15_000);
  if (uri.startsWith('file://')) return transporteArchivo(fileURLToPath(uri), quien);
  if (uri.startsWith('/dev/')) return transporteArchivo(uri, quien);
  if (uri.startsWith('cups://')) return transporteCups(uri.slice('cups://'.length), quien);
  if (uri.startsWith('pdf://')) return transporteCarpetaPdf(fileURLToPath(uri.replace(/^pdf:/, 'file:')), quien);
  if (uri.startsWith('os://')) return transporteSistema(decodeURIComponent(uri.slice('os://'.length)), quien, o.impresoraSistema ?? null);
  return {
    enviar: () => Promise.reject(new FalloImpresion(`La impresora ${quien} tiene una dirección que Radica no reconoce. Corríjala en la configuración de impresoras.`, false)),
    sondear: () => Promise.resolve({ estado: 'desconocido', detalle: 'Dirección no reconocida.' }),
  };
}

/** How long a tcp:// printer may keep the connection open after taking every byte. */
const GRACIA_CIERRE_MS = 1500;

/** Only Node error codes: never the raw message, which may quote paths or hosts in English. */
const codigo = (err: unknown): string => (err as { code?: string } | null)?.code ?? '';

// ---------------------------------------------------------------------------------------------
// tcp://host:port — a network ESC/POS printer on its raw port (9100)

function transporteTcp(host: string, port: number, quien: string, conexionMs: number, envioMs: number): Transporte {
  const sinRespuesta = `La impresora ${quien} no responde: ¿está encendida y conectada a la red?`;
  const mensaje = (err: unknown, conectado: boolean): FalloImpresion => {
    switch (codigo(err)) {
      case 'ECONNREFUSED':
        return new FalloImpresion(`${sinRespuesta} (rechazó la conexión en el puerto ${port}).`, true);
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
      case 'EHOSTDOWN':
      case 'ETIMEDOUT':
        return new FalloImpresion(sinRespuesta, true);
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new FalloImpresion(`No se encuentra la impresora ${quien} en la red: revise el nombre o la dirección IP configurada.`, true);
      case 'ECONNRESET':
      case 'EPIPE':
        return new FalloImpresion(
          `La impresora ${quien} cortó la conexión antes de recibir todo el rótulo: revise papel y tapa; se reintentará.`,
          true,
        );
      default:
        return new FalloImpresion(
          conectado ? `La impresora ${quien} dejó de recibir el rótulo: revise papel y tapa; se reintentará.` : sinRespuesta,
          true,
        );
    }
  };

  function enviar(datos: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new net.Socket();
      let conectado = false;
      let terminado = false;
      const relojes: NodeJS.Timeout[] = [];
      const fin = (err: FalloImpresion | null) => {
        if (terminado) return;
        terminado = true;
        for (const r of relojes) clearTimeout(r);
        socket.destroy();
        if (err) reject(err);
        else resolve();
      };
      relojes.push(setTimeout(() => conectado || fin(new FalloImpresion(sinRespuesta, true)), conexionMs));
      socket.on('error', (err) => fin(mensaje(err, conectado)));
      socket.on('connect', () => {
        conectado = true;
        // A printer out of paper or with its cover open stops reading: the send has its own limit.
        relojes.push(
          setTimeout(
            () => fin(new FalloImpresion(`La impresora ${quien} no terminó de recibir el rótulo en ${Math.round(envioMs / 1000)} s: revise papel y tapa; se reintentará.`, true)),
            envioMs,
          ),
        );
        socket.end(datos, () => {
          // Every byte is in the kernel and our FIN is queued. A raw-port printer closes its side
          // once it has read everything (handled by 'end'); a reset now means it did not take the
          // sticker. Some printers never close: after a grace period the bytes count as delivered.
          relojes.push(setTimeout(() => fin(null), GRACIA_CIERRE_MS));
        });
      });
      // The printer read up to our FIN and closed: clean delivery.
      socket.on('end', () => {
        if (socket.writableFinished) fin(null);
      });
      socket.on('close', () => {
        if (!terminado) fin(socket.writableFinished ? null : mensaje(null, conectado));
      });
      socket.resume(); // status bytes a printer may send back are not needed
      socket.connect({ host, port });
    });
  }

  function sondear(): Promise<Sondeo> {
    return new Promise((resolve) => {
      const socket = net.connect({ host, port });
      const fin = (s: Sondeo) => {
        clearTimeout(reloj);
        socket.destroy();
        resolve(s);
      };
      const reloj = setTimeout(() => fin({ estado: 'sin_conexion', detalle: sinRespuesta }), conexionMs);
      socket.on('connect', () => fin({ estado: 'lista', detalle: null }));
      socket.on('error', (err) => fin({ estado: 'sin_conexion', detalle: mensaje(err, false).message }));
    });
  }

  return { enviar: (datos) => enviar(datos), sondear };
}

// ---------------------------------------------------------------------------------------------
// A device (/dev/usb/lp0) or a file

function transporteArchivo(ruta: string, quien: string): Transporte {
  const mensaje = (err: unknown): FalloImpresion => {
    switch (codigo(err)) {
      case 'ENOENT':
      case 'ENODEV':
      case 'ENXIO':
        return new FalloImpresion(`La impresora ${quien} no está conectada: revise el cable USB y que esté encendida.`, true);
      case 'EBUSY':
      case 'EAGAIN':
        return new FalloImpresion(`La impresora ${quien} está ocupada con otro trabajo; se reintentará.`, true);
      case 'EIO':
        return new FalloImpresion(`La impresora ${quien} no aceptó los datos: revise papel, tapa y cable; se reintentará.`, true);
      case 'EACCES':
      case 'EPERM':
        return new FalloImpresion(
          `Radica no tiene permiso para escribir en la impresora ${quien}. Pida a TI que dé permiso a este usuario (en Linux, grupo lp).`,
          false,
        );
      case 'EISDIR':
        return new FalloImpresion(`La dirección de la impresora ${quien} es una carpeta: use pdf:///carpeta para guardar PDF.`, false);
      case 'ENOSPC':
        return new FalloImpresion(`No hay espacio en disco para escribir en ${quien}. Avise a TI.`, false);
      default:
        return new FalloImpresion(`No se pudo escribir en la impresora ${quien} (${codigo(err) || 'error de escritura'}); se reintentará.`, true);
    }
  };
  return {
    async enviar(datos) {
      try {
        // Append: a file standing in for a printer collects the jobs like paper; a device ignores it.
        const fh = await open(ruta, 'a');
        try {
          await fh.writeFile(datos);
        } finally {
          await fh.close();
        }
      } catch (err) {
        throw mensaje(err);
      }
    },
    async sondear() {
      try {
        await access(ruta, fsConstants.W_OK);
        return { estado: 'lista', detalle: null };
      } catch (err) {
        // A file that does not exist yet is fine if its folder is writable.
        if (codigo(err) === 'ENOENT' && !ruta.startsWith('/dev/')) {
          try {
            await access(path.dirname(ruta), fsConstants.W_OK);
            return { estado: 'lista', detalle: null };
          } catch {
            /* reported below */
          }
        }
        return { estado: 'sin_conexion', detalle: mensaje(err).message };
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// cups://COLA — Linux print queues (label printers through their driver), PDF on stdin to `lp`

interface Salida {
  codigo: number | null;
  stdout: string;
  stderr: string;
  errorSpawn: unknown;
}

function ejecutar(cmd: string, args: string[], entrada: Buffer | null, limiteMs: number): Promise<Salida> {
  return new Promise((resolve) => {
    const hijo = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let errorSpawn: unknown = null;
    const reloj = setTimeout(() => hijo.kill('SIGKILL'), limiteMs);
    hijo.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    hijo.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    hijo.on('error', (err) => (errorSpawn = err));
    // lp may exit before reading stdin (unknown queue): EPIPE on stdin is expected then.
    hijo.stdin.on('error', () => undefined);
    hijo.stdin.end(entrada ?? undefined);
    hijo.on('close', (code) => {
      clearTimeout(reloj);
      resolve({ codigo: code, stdout, stderr: stderr.trim(), errorSpawn });
    });
  });
}

const SIN_CUPS = 'CUPS no está instalado en este equipo (no se encontró el comando lp). Pida a TI que lo instale o use otra impresora.';

function transporteCups(cola: string, quien: string): Transporte {
  return {
    async enviar(datos, t) {
      if (t.formato !== 'pdf') throw new FalloImpresion(`La impresora ${quien} (cola CUPS) recibe PDF: cambie su formato a pdf en la configuración.`, false);
      const mm = (n: number) => Math.round(n * 10) / 10;
      const r = await ejecutar('lp', ['-d', cola, '-o', `media=Custom.${mm(t.anchoMm)}x${mm(t.altoMm)}mm`, '-t', t.titulo], datos, 30_000);
      if (codigo(r.errorSpawn) === 'ENOENT') throw new FalloImpresion(SIN_CUPS, false);
      if (r.codigo !== 0) {
        const detalle = r.stderr.replace(/^lp:\s*/i, '').slice(0, 200) || 'sin detalle';
        // A queue that does not exist will not appear by waiting; anything else (cupsd restarting) may pass.
        const noExiste = /does not exist|no existe|not found|unknown printer/i.test(r.stderr);
        throw new FalloImpresion(
          noExiste
            ? `La cola de impresión ${quien} no existe en CUPS: revise el nombre en la configuración (lpstat -p la lista). Detalle: ${detalle}`
            : `CUPS no aceptó el trabajo para ${quien}: ${detalle}. Se reintentará.`,
          !noExiste,
        );
      }
    },
    async sondear() {
      const r = await ejecutar('lpstat', ['-p', cola], null, 10_000);
      if (codigo(r.errorSpawn) === 'ENOENT') return { estado: 'desconocido', detalle: SIN_CUPS };
      if (r.codigo !== 0) return { estado: 'sin_conexion', detalle: r.stderr.slice(0, 200) || `La cola ${cola} no responde.` };
      if (/disabled|deshabilitad/i.test(r.stdout)) return { estado: 'sin_conexion', detalle: `La cola ${cola} está deshabilitada en CUPS: ${r.stdout.trim().slice(0, 200)}` };
      return { estado: 'lista', detalle: r.stdout.trim().slice(0, 200) || null };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// pdf:///carpeta — one PDF per job, for stations without a printer or to archive what was printed

function transporteCarpetaPdf(carpeta: string, quien: string): Transporte {
  const mensaje = (err: unknown): FalloImpresion => {
    switch (codigo(err)) {
      case 'EACCES':
      case 'EPERM':
      case 'EROFS':
        return new FalloImpresion(`Radica no tiene permiso para guardar PDF en ${quien}. Pida a TI que revise los permisos de la carpeta.`, false);
      case 'ENOTDIR':
      case 'EEXIST':
        return new FalloImpresion(`La dirección de ${quien} no es una carpeta. Corríjala en la configuración de impresoras.`, false);
      case 'ENOSPC':
        return new FalloImpresion(`No hay espacio en disco para guardar el PDF en ${quien}. Avise a TI.`, false);
      default:
        // A network folder that is momentarily gone comes back.
        return new FalloImpresion(`No se pudo guardar el PDF en ${quien} (${codigo(err) || 'error de escritura'}); se reintentará.`, true);
    }
  };
  return {
    async enviar(datos, t) {
      if (t.formato !== 'pdf') throw new FalloImpresion(`${quien} guarda PDF: cambie el formato de esta impresora a pdf.`, false);
      const destino = path.join(carpeta, `${t.archivo}.pdf`);
      // Written beside the target and renamed: a reader never sees half a PDF, a crash leaves no stub.
      const temporal = path.join(carpeta, `.${t.archivo}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await mkdir(carpeta, { recursive: true });
        const fh = await open(temporal, 'w');
        try {
          await fh.writeFile(datos);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(temporal, destino);
      } catch (err) {
        await rm(temporal, { force: true }).catch(() => undefined);
        throw mensaje(err);
      }
    },
    async sondear() {
      try {
        const s = await stat(carpeta);
        if (!s.isDirectory()) return { estado: 'sin_conexion', detalle: mensaje({ code: 'ENOTDIR' }).message };
        await access(carpeta, fsConstants.W_OK);
        return { estado: 'lista', detalle: carpeta };
      } catch (err) {
        // Created on the first job.
        if (codigo(err) === 'ENOENT') return { estado: 'lista', detalle: `${carpeta} (se creará con el primer rótulo)` };
        return { estado: 'sin_conexion', detalle: mensaje(err).message };
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// os://NOMBRE — the OS queue through Electron (Windows label printers with their driver)

export const SOLO_ESCRITORIO = 'solo disponible en la aplicación de escritorio';

function transporteSistema(nombre: string, quien: string, sistema: ImpresoraSistema | null): Transporte {
  return {
    async enviar(datos, t) {
      if (!sistema) {
        throw new FalloImpresion(
          `La impresora ${quien} usa la cola de impresión del sistema, ${SOLO_ESCRITORIO} de Radica. Imprima desde la aplicación o elija otra impresora.`,
          false,
        );
      }
      if (t.formato !== 'pdf') throw new FalloImpresion(`La impresora ${quien} (cola del sistema) recibe PDF: cambie su formato a pdf.`, false);
      try {
        await sistema.imprimirPdf(datos, { nombreImpresora: nombre, anchoMm: t.anchoMm, altoMm: t.altoMm, titulo: t.titulo });
      } catch (err) {
        if (err instanceof FalloImpresion) throw err;
        throw new FalloImpresion(`El sistema no pudo imprimir en ${quien}: revise que esté encendida y sin errores en la cola; se reintentará.`, true);
      }
    },
    async sondear() {
      if (!sistema) return { estado: 'desconocido', detalle: `Cola del sistema: ${SOLO_ESCRITORIO}.` };
      return sistema.estado(nombre);
    },
  };
}
