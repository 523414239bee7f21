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
