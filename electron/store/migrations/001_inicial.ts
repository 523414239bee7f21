/**
 * Schema v1: the station's radicación core.
 * Radicados, anulaciones and auditoría are append-only (triggers refuse UPDATE and DELETE): a
 * number once given is never amended or erased (AGN Acuerdo 060 de 2001).
 */
export const sql = /* sql */ `
CREATE TABLE configuracion (
  clave TEXT PRIMARY KEY,
  valor TEXT NOT NULL
) STRICT;

CREATE TABLE catalogo_versiones (
  version INTEGER PRIMARY KEY,
  contenido TEXT NOT NULL,
  creado_en INTEGER NOT NULL,
  creado_por TEXT NOT NULL
) STRICT;

CREATE TABLE usuarios (
  usuario TEXT PRIMARY KEY,
  nombre TEXT NOT NULL,
  rol TEXT NOT NULL CHECK (rol IN ('radicador', 'coordinador', 'administrador')),
  pin_hash TEXT NOT NULL,
  activo INTEGER NOT NULL DEFAULT 1,
  creado_en INTEGER NOT NULL
) STRICT;

CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  serie TEXT NOT NULL UNIQUE,
  anio INTEGER NOT NULL,
  sede TEXT NOT NULL,
  ventanilla TEXT NOT NULL,
  ultimo INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE remitentes (
  id INTEGER PRIMARY KEY,
  tipo_documento TEXT NOT NULL,
  numero_documento TEXT NOT NULL,
  nombres TEXT NOT NULL,
  telefono TEXT,
  correo TEXT,
  direccion TEXT,
  autoriza_datos INTEGER NOT NULL,
  actualizado_en INTEGER NOT NULL
) STRICT;
-- Number first: a search by number alone (any tipo de documento) uses the index too.
CREATE UNIQUE INDEX remitentes_documento ON remitentes (numero_documento, tipo_documento);

CREATE TABLE radicados (
  id INTEGER PRIMARY KEY,
  numero TEXT NOT NULL UNIQUE,
  serie_id INTEGER NOT NULL REFERENCES series (id),
  consecutivo INTEGER NOT NULL,
  fecha_hora INTEGER NOT NULL,
  radicador TEXT NOT NULL,
  remitente_id INTEGER NOT NULL REFERENCES remitentes (id),
  canal TEXT NOT NULL,
  asunto TEXT NOT NULL,
  tipo TEXT NOT NULL,
  dependencia TEXT NOT NULL,
  folios INTEGER NOT NULL,
  anexos TEXT,
  termino INTEGER,
  unidad_termino TEXT NOT NULL,
  vence_el TEXT,
  vence_en INTEGER,
  catalogo_version INTEGER NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  UNIQUE (serie_id, consecutivo)
) STRICT;
CREATE INDEX radicados_remitente ON radicados (remitente_id);

CREATE TRIGGER radicados_sin_cambios BEFORE UPDATE ON radicados
BEGIN SELECT RAISE(ABORT, 'Un radicado no se modifica: se anula.'); END;
CREATE TRIGGER radicados_sin_borrado BEFORE DELETE ON radicados
BEGIN SELECT RAISE(ABORT, 'Un radicado no se borra: se anula.'); END;

CREATE TABLE anulaciones (
  radicado_id INTEGER PRIMARY KEY REFERENCES radicados (id),
  justificacion TEXT NOT NULL CHECK (length(trim(justificacion)) >= 10),
  aprobado_por TEXT NOT NULL CHECK (length(trim(aprobado_por)) > 0),
  anulado_por TEXT NOT NULL,
  anulado_en INTEGER NOT NULL
) STRICT;
CREATE TRIGGER anulaciones_sin_cambios BEFORE UPDATE ON anulaciones
BEGIN SELECT RAISE(ABORT, 'Una anulación no se modifica.'); END;
CREATE TRIGGER anulaciones_sin_borrado BEFORE DELETE ON anulaciones
BEGIN SELECT RAISE(ABORT, 'Una anulación no se borra.'); END;

-- Hash chain: hash = SHA-256(previous hash ‖ this entry ‖ digest of the radicado it creates).
CREATE TABLE auditoria (
  id INTEGER PRIMARY KEY,
  en INTEGER NOT NULL,
  actor TEXT NOT NULL,
  accion TEXT NOT NULL,
  radicado_id INTEGER REFERENCES radicados (id),
  detalle TEXT,
  hash BLOB NOT NULL
) STRICT;
CREATE INDEX auditoria_radicado ON auditoria (radicado_id) WHERE radicado_id IS NOT NULL;
CREATE TRIGGER auditoria_sin_cambios BEFORE UPDATE ON auditoria
BEGIN SELECT RAISE(ABORT, 'La auditoría es de solo anexar.'); END;
CREATE TRIGGER auditoria_sin_borrado BEFORE DELETE ON auditoria
BEGIN SELECT RAISE(ABORT, 'La auditoría es de solo anexar.'); END;

-- Rows the central store must see; the replicator reads the current row by (entidad, clave).
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  en INTEGER NOT NULL,
  entidad TEXT NOT NULL,
  clave TEXT NOT NULL,
  operacion TEXT NOT NULL,
  enviado_en INTEGER
) STRICT;
CREATE INDEX outbox_pendientes ON outbox (seq) WHERE enviado_en IS NULL;

-- Full-text search without diacritics: "peticion" finds "petición". detail=none keeps the index
-- small (no positions): word and prefix queries work, phrase queries are not needed.
CREATE VIRTUAL TABLE radicados_fts USING fts5 (
  asunto, content = 'radicados', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', detail = 'none'
);
CREATE TRIGGER radicados_fts_insert AFTER INSERT ON radicados
BEGIN INSERT INTO radicados_fts (rowid, asunto) VALUES (new.id, new.asunto); END;

CREATE VIRTUAL TABLE remitentes_fts USING fts5 (
  nombres, content = 'remitentes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', detail = 'none'
);
CREATE TRIGGER remitentes_fts_insert AFTER INSERT ON remitentes
BEGIN INSERT INTO remitentes_fts (rowid, nombres) VALUES (new.id, new.nombres); END;
CREATE TRIGGER remitentes_fts_update AFTER UPDATE OF nombres ON remitentes
BEGIN
  INSERT INTO remitentes_fts (remitentes_fts, rowid, nombres) VALUES ('delete', old.id, old.nombres);
  INSERT INTO remitentes_fts (rowid, nombres) VALUES (new.id, new.nombres);
END;
`;
