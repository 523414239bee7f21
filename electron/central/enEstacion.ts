/**
 * The replicator inside the desktop app: started when the station has a central store configured
 * (the URL kept by its first `radica sync`, or RADICA_CENTRAL_URL), in the main process beside the
 * print queue. It never blocks radicación; while the central store is down it backs off and the
 * station keeps radicating locally (estado().mensaje: "Sin conexión con el servidor central —
 * radicando localmente.").
 */
import type { Station } from '../station';
import { CLAVE_URL, Replicador, type EstadoReplicacion } from './replicador';
import { ClonRechazado } from './registro';

export interface ReplicacionEnCurso {
  estado(): EstadoReplicacion;
  detener(): Promise<void>;
}

export function iniciarReplicacion(
  station: Station,
  o: { url?: string; intervaloMs?: number; registrarError?: (donde: string, err: unknown) => void } = {},
): ReplicacionEnCurso | null {
  const ctx = station.services.context;
  // Without an explicit URL the replicator reads the kept one at every reconnection (a later
  // `radica sync --url …` or a re-registration takes effect without restarting the app).
  const url = o.url ?? process.env.RADICA_CENTRAL_URL ?? undefined;
  if ((!url && !ctx.config.valor(CLAVE_URL)) || !ctx.config.estacion()) return null;
  const replicador = new Replicador(ctx, {
    url,
    impresoras: async () =>
      (await station.services.impresion.estado()).impresoras.map((i) => ({ id: i.id, nombre: i.nombre, estado: i.estado, detalle: i.detalle ?? null, pendientes: i.pendientes })),
  });
  const control = new AbortController();
  let ultimoError = '';
  const bucle = replicador
    .continuo({
      senal: control.signal,
      intervaloMs: o.intervaloMs ?? 2_000,
      alTerminarPasada: (r) => {
        // Log a failure once, not at every retry.
        if (r instanceof Error && r.message !== ultimoError) o.registrarError?.('replicación', r);
        ultimoError = r instanceof Error ? r.message : '';
      },
    })
    .catch((err: unknown) => {
      // Stopped for good: a refused installation or something only IT can fix.
      o.registrarError?.(err instanceof ClonRechazado ? 'replicación rechazada' : 'replicación detenida', err);
    });
  return {
    estado: () => replicador.estado(),
    async detener() {
      control.abort();
      await bucle;
    },
  };
}
