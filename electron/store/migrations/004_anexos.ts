/**
 * Schema v4: attachments, their OCR text and the batch review tray (issue 5).
 *
 * `anexos`: one row per sealed file of a radicado. The file itself lives in the data directory,
 * content-addressed by its SHA-256 (anexos/ab/abcdef….pdf); the row is written in the same
 * transaction as its audit entry, whose hash covers sha256, pages and bytes. Append-only like the
 * radicados: a sealed attachment is never amended or removed.
 *
 * `anexos_texto`: what OCR (or the file's own text) says, filled in after the attachment is sealed
 * (OCR takes seconds; sealing must not wait for it). `anexos_fts` indexes it without accents; with
 * positions (detail=full) so Consulta can show the words in context.
 *
 * `bandeja_lote`: parts of a batch scan that could not be attached with certainty (pages before the
 * first sticker, a sticker whose number this station does not know, an unreadable one). The part is
 * stored as a file like any attachment, so nothing scanned is lost while a person decides.
 */
export const sql = /* sql */ `
CREATE TABLE anexos (
  id INTEGER PRIMARY KEY,
  radicado_id INTEGER NOT NULL REFERENCES radicados (id),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  tipo TEXT NOT NULL,
  paginas INTEGER NOT NULL CHECK (paginas > 0),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  nombre TEXT NOT NULL,
  origen TEXT NOT NULL CHECK (origen IN ('escaner', 'archivo', 'lote', 'carpeta', 'bandeja')),
  creado_en INTEGER NOT NULL,
  creado_por TEXT NOT NULL,
  UNIQUE (radicado_id, sha256)
) STRICT;
CREATE INDEX anexos_sha ON anexos (sha256);
CREATE TRIGGER anexos_sin_cambios BEFORE UPDATE ON anexos
BEGIN SELECT RAISE(ABORT, 'Un anexo sellado no se modifica.'); END;
CREATE TRIGGER anexos_sin_borrado BEFORE DELETE ON anexos
BEGIN SELECT RAISE(ABORT, 'Un anexo sellado no se borra.'); END;

CREATE TABLE anexos_texto (
  anexo_id INTEGER PRIMARY KEY REFERENCES anexos (id),
  estado TEXT NOT NULL CHECK (estado IN ('pendiente', 'hecho', 'fallido', 'sin_imagenes')),
  texto TEXT NOT NULL DEFAULT '',
  caracteres INTEGER NOT NULL DEFAULT 0,
  motor TEXT,
  ms INTEGER,
  detalle TEXT,
  actualizado_en INTEGER NOT NULL
) STRICT;
CREATE INDEX anexos_texto_pendientes ON anexos_texto (anexo_id) WHERE estado = 'pendiente';

CREATE VIRTUAL TABLE anexos_fts USING fts5 (
  texto, content = 'anexos_texto', content_rowid = 'anexo_id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER anexos_fts_insert AFTER INSERT ON anexos_texto
BEGIN INSERT INTO anexos_fts (rowid, texto) VALUES (new.anexo_id, new.texto); END;
CREATE TRIGGER anexos_fts_update AFTER UPDATE OF texto ON anexos_texto
BEGIN
  INSERT INTO anexos_fts (anexos_fts, rowid, texto) VALUES ('delete', old.anexo_id, old.texto);
  INSERT INTO anexos_fts (rowid, texto) VALUES (new.anexo_id, new.texto);
END;

CREATE TABLE bandeja_lote (
  id INTEGER PRIMARY KEY,
  lote TEXT NOT NULL,
  origen TEXT NOT NULL,
  desde_pagina INTEGER NOT NULL,
  hasta_pagina INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  paginas INTEGER NOT NULL CHECK (paginas > 0),
  bytes INTEGER NOT NULL,
  motivo TEXT NOT NULL CHECK (motivo IN ('sin_rotulo', 'numero_desconocido', 'codigo_invalido')),
  codigo TEXT,
  creado_en INTEGER NOT NULL,
  creado_por TEXT NOT NULL,
  resuelto_en INTEGER,
  resuelto_por TEXT,
  resolucion TEXT CHECK (resolucion IN ('anexado', 'descartado')),
  anexo_id INTEGER REFERENCES anexos (id)
) STRICT;
CREATE INDEX bandeja_pendientes ON bandeja_lote (id) WHERE resuelto_en IS NULL;
`;
