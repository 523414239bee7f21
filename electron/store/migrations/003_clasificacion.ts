/**
 * Schema v3: the classifier (issue 4).
 *
 * `modelos`: every trained model of the station, one row per version and objetivo ('tipo' or
 * 'dependencia'); the newest row of each objetivo is the one in use. Kept (not replaced) so a
 * suggestion can always say which model produced it; `contenido` is the compact model file.
 *
 * `sugerencias`: what the station suggested for a radicado, with what confidence and from which
 * source, and whether the clerk took it. Separate from `radicados`, which stay append-only and
 * compact; written in the same transaction as the radicado. `aceptado` columns are NULL when
 * nothing was suggested for that field.
 *
 * `ejemplos_importados`: labelled texts from a previous system (CSV import), training examples
 * alongside the station's own radicados.
 */
export const sql = /* sql */ `
CREATE TABLE modelos (
  id INTEGER PRIMARY KEY,
  objetivo TEXT NOT NULL CHECK (objetivo IN ('tipo', 'dependencia')),
  version INTEGER NOT NULL CHECK (version > 0),
  creado_en INTEGER NOT NULL,
  ejemplos INTEGER NOT NULL CHECK (ejemplos >= 0),
  metricas TEXT NOT NULL DEFAULT '{}',
  contenido BLOB NOT NULL,
  UNIQUE (objetivo, version)
) STRICT;

CREATE TABLE sugerencias (
  radicado_id INTEGER PRIMARY KEY REFERENCES radicados (id),
  modelo TEXT NOT NULL,
  fuente TEXT CHECK (fuente IN ('frases', 'modelo', 'mixto')),
  tipo_sugerido TEXT,
  tipo_probabilidad REAL CHECK (tipo_probabilidad BETWEEN 0 AND 1),
  tipo_aceptado INTEGER CHECK (tipo_aceptado IN (0, 1)),
  dependencia_sugerida TEXT,
  dependencia_probabilidad REAL CHECK (dependencia_probabilidad BETWEEN 0 AND 1),
  dependencia_aceptada INTEGER CHECK (dependencia_aceptada IN (0, 1)),
  detalle TEXT NOT NULL
) STRICT;

CREATE TABLE ejemplos_importados (
  id INTEGER PRIMARY KEY,
  texto TEXT NOT NULL,
  tipo TEXT,
  dependencia TEXT,
  peso REAL NOT NULL DEFAULT 1 CHECK (peso > 0),
  origen TEXT NOT NULL,
  importado_en INTEGER NOT NULL,
  CHECK (tipo IS NOT NULL OR dependencia IS NOT NULL)
) STRICT;
`;
