/**
 * Schema v5: the weekly misclassification review (issue 6).
 *
 * `revisiones`: a coordinator's marks. Append-only like the radicados: marking a radicado again adds
 * a row, and the newest row of a radicado is the one that counts, so the history of who said what
 * stays. `uid` identifies a mark everywhere (this station, the central store, another coordinator's
 * station) so that replication in either direction is idempotent. `origen` says whether the mark
 * was made here or came back from the central store.
 *
 * The week and per-clerk queries read radicados by date: `radicados_fecha` and `radicados_radicador`.
 *
 * `puntajes_clasificador`: what the classifier thinks of each radicado's asunto (top tipos and
 * dependencias), kept so the risk-ranked queue of a 20,000-radicado week is a read, not 20,000
 * predictions. A derived cache, refreshed in the background when a new model arrives; keyed by
 * number so radicados of other stations (coordinator mode) are cached the same way.
 */
export const sql = /* sql */ `
CREATE TABLE revisiones (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  radicado_id INTEGER NOT NULL REFERENCES radicados (id),
  veredicto TEXT NOT NULL CHECK (veredicto IN ('correcto', 'incorrecto')),
  tipo_correcto TEXT,
  dependencia_correcta TEXT,
  observacion TEXT,
  revisor TEXT NOT NULL,
  revisor_nombre TEXT NOT NULL,
  revisado_en INTEGER NOT NULL,
  origen TEXT NOT NULL DEFAULT 'estacion' CHECK (origen IN ('estacion', 'central')),
  CHECK (veredicto = 'incorrecto' OR (tipo_correcto IS NULL AND dependencia_correcta IS NULL)),
  CHECK (veredicto = 'correcto' OR tipo_correcto IS NOT NULL OR dependencia_correcta IS NOT NULL)
) STRICT;
CREATE INDEX revisiones_radicado ON revisiones (radicado_id, revisado_en, id);
CREATE TRIGGER revisiones_sin_cambios BEFORE UPDATE ON revisiones
BEGIN SELECT RAISE(ABORT, 'Una revisión no se modifica: se marca de nuevo.'); END;
CREATE TRIGGER revisiones_sin_borrado BEFORE DELETE ON revisiones
BEGIN SELECT RAISE(ABORT, 'Una revisión no se borra: se marca de nuevo.'); END;

CREATE TABLE puntajes_clasificador (
  numero TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  puntajes TEXT NOT NULL,
  calculado_en INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX radicados_fecha ON radicados (fecha_hora);
CREATE INDEX radicados_radicador ON radicados (radicador, fecha_hora);
`;
