/**
 * The replication's state for the station's header. The replicator runs in the desktop app's main
 * process (electron/central/enEstacion.ts) and is attached here once started; the CLI and the tests
 * without a central store answer "not configured".
 */
import type { EstacionesCentrales, EstadoCentral, EstadoEstacionCentral } from '../../shared/domain/central';
import type { EstadoReplicacion } from '../central/replicador';

export const SIN_CONEXION = 'Sin conexión con el servidor central — radicando localmente.';

export class CentralService {
  private fuente: (() => EstadoReplicacion) | null = null;

  /** In coordinator mode, the central store's view of every station of her sedes (last contact, pending, lag, version, printers). */
  private estacionesCentrales: (() => Promise<EstadoEstacionCentral[]>) | null = null;

  constructor(private readonly clock: () => number) {}

  /** Coordinator mode switched on (or off) after the station opened (electron/central/coordinacion.ts). */
  fijarCoordinacion(estaciones: (() => Promise<EstadoEstacionCentral[]>) | null): void {
    this.estacionesCentrales = estaciones;
  }

  async estaciones(): Promise<EstacionesCentrales> {
    if (!this.estacionesCentrales) return { disponible: false, consultadoEn: this.clock(), estaciones: [] };
    return { disponible: true, consultadoEn: this.clock(), estaciones: await this.estacionesCentrales() };
  }

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
