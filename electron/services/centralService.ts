/**
 * The replication's state for the station's header. The replicator runs in the desktop app's main
 * process (electron/central/enEstacion.ts) and is attached here once started; the CLI and the tests
 * without a central store answer "not configured".
 */
import type { EstadoCentral } from '../../shared/domain/central';
import type { EstadoReplicacion } from '../central/replicador';

export const SIN_CONEXION = 'Sin conexión con el servidor central — radicando localmente.';

export class CentralService {
  private fuente: (() => EstadoReplicacion) | null = null;

  /** Called by whoever started the replicator (null when it stops). */
  fijar(fuente: (() => EstadoReplicacion) | null): void {
    this.fuente = fuente;
  }

  estado(): EstadoCentral {
    if (!this.fuente) return { configurado: false, conectado: false, mensaje: null, pendientes: 0, retrasoMs: 0, ultimaPasada: null };
    const e = this.fuente();
    return {
      configurado: true,
      conectado: e.conectado,
      mensaje: e.conectado ? null : (e.mensaje || SIN_CONEXION),
      pendientes: e.pendientes,
      retrasoMs: e.retrasoMs,
      ultimaPasada: e.ultimaPasada,
    };
  }
}
