/**
 * Printers for the tests: a TCP listener that behaves like a raw-port (9100) ESC/POS printer, and a
 * fake transport for the queue logic.
 */
import net from 'node:net';
import { FalloImpresion, type Sondeo, type Transporte, type TrabajoTransporte } from '../../../electron/printing/transports';

export interface ImpresoraTcp {
  port: number;
  uri: string;
  /** The bytes of each connection that sent something and ended cleanly, in order. */
  recibidos: Buffer[];
  /** Waits until `n` jobs arrived. */
  esperar(n: number, ms?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

/**
 * `normal`: reads to the end and closes, like a printer's raw port. `cortar`: resets the connection
 * at the first chunk, like a printer switched off or jammed mid-job.
 */
export async function impresoraTcp(o: { port?: number; modo?: 'normal' | 'cortar' } = {}): Promise<ImpresoraTcp> {
  const recibidos: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    const partes: Buffer[] = [];
    s.on('data', (d: Buffer) => {
      partes.push(d);
      if (o.modo === 'cortar') s.resetAndDestroy();
    });
    s.on('end', () => {
      // A status probe connects and closes without sending anything: not a job.
      if (partes.length > 0) recibidos.push(Buffer.concat(partes));
      s.end();
    });
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    uri: `tcp://127.0.0.1:${port}`,
    recibidos,
    async esperar(n, ms = 5000) {
      const hasta = Date.now() + ms;
      while (recibidos.length < n) {
        if (Date.now() > hasta) throw new Error(`la impresora de prueba recibió ${recibidos.length} trabajos, se esperaban ${n}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return recibidos;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (a printer that is off). */
export async function puertoLibre(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A transport whose answers the test scripts: deliver, or fail (retryable or not). */
export class TransporteFalso implements Transporte {
  readonly enviados: { datos: Buffer; trabajo: TrabajoTransporte }[] = [];
  /** Next outcomes, consumed one per send; empty = deliver. */
  readonly guion: (null | FalloImpresion)[] = [];
  sondeo: Sondeo = { estado: 'lista', detalle: null };

  fallarCon(mensaje: string, reintentable: boolean, veces = 1): this {
    for (let i = 0; i < veces; i++) this.guion.push(new FalloImpresion(mensaje, reintentable));
    return this;
  }

  enviar(datos: Buffer, trabajo: TrabajoTransporte): Promise<void> {
    const siguiente = this.guion.shift() ?? null;
    if (siguiente) return Promise.reject(siguiente);
    this.enviados.push({ datos, trabajo });
    return Promise.resolve();
  }

  sondear(): Promise<Sondeo> {
    return Promise.resolve(this.sondeo);
  }
}
