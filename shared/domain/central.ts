/** What the station says about its replication to the central store (issue 7). */
export interface EstadoCentral {
  /** A central store is configured for this station (otherwise nothing is shown). */
  configurado: boolean;
  conectado: boolean;
  /** "Sin conexión con el servidor central — radicando localmente." when it is down. */
  mensaje: string | null;
  /** Outbox rows not yet confirmed by the central store. */
  pendientes: number;
  /** Age of the oldest of them. */
  retrasoMs: number;
  ultimaPasada: number | null;
}

/** IT's and coordinators' view of one station, as the central store last heard from it. */
export interface EstadoEstacionCentral {
  sede: string;
  ventanilla: string;
  rol: string;
  entidad: string | null;
  reclamada: boolean;
  registradaEn: number;
  ultimoContacto: number | null;
  /** Milliseconds since the last contact (null: never). */
  sinContactoMs: number | null;
  pendientes: number | null;
  retrasoMs: number | null;
  version: string | null;
  /** The printers the station reported: [{id, nombre, estado, detalle, pendientes}]. */
  impresoras: unknown;
  radicados: number;
  ultimoSeq: number;
  rechazos: number;
  ultimoRechazo: number | null;
}

export interface EstacionesCentrales {
  /** False when this station is not in coordinator mode (no central store to ask). */
  disponible: boolean;
  consultadoEn: number;
  estaciones: EstadoEstacionCentral[];
}
