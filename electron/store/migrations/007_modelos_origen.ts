/**
 * Schema v7: a model's origin. Until now every row of `modelos` was numbered in one series per
 * objetivo, whether the station trained it or pulled it from the central store; a central version
 * whose number the station had already used locally was silently dropped, and the next local
 * training replaced the entity's model with one that had seen only this window.
 *
 * `origen` is 'local' (trained here) or 'central' (trained on every station's radicados and the
 * coordinators' marks, `radica central modelo entrenar`), each with its own version numbers. The
 * station uses the newest central model when it has one (clasificacionRepo). SQLite cannot change a
 * UNIQUE constraint in place: the table is rebuilt, rows and ids kept. Rows already pulled from the
 * central store are told apart by their metrics: a local training always records `hastaRadicado`.
 */
export const sql = /* sql */ `
CREATE TABLE modelos_v7 (
  id INTEGER PRIMARY KEY,
  objetivo TEXT NOT NULL CHECK (objetivo IN ('tipo', 'dependencia')),
  origen TEXT NOT NULL DEFAULT 'local' CHECK (origen IN ('local', 'central')),
  version INTEGER NOT NULL CHECK (version > 0),
  creado_en INTEGER NOT NULL,
  ejemplos INTEGER NOT NULL CHECK (ejemplos >= 0),
  metricas TEXT NOT NULL DEFAULT '{}',
  contenido BLOB NOT NULL,
  UNIQUE (objetivo, origen, version)
) STRICT;
INSERT INTO modelos_v7 (id, objetivo, origen, version, creado_en, ejemplos, metricas, contenido)
  SELECT id, objetivo,
         CASE WHEN json_valid(metricas) AND json_type(metricas, '$.hastaRadicado') IS NOT NULL THEN 'local' ELSE 'central' END,
         version, creado_en, ejemplos, metricas, contenido
    FROM modelos;
DROP TABLE modelos;
ALTER TABLE modelos_v7 RENAME TO modelos;
`;
