/**
 * Central schema v4: a previous system's labelled texts (an Orfeo or Mercurio export), imported
 * once by IT into the central store, so the entity's model learns from them.
 *
 * Before, such a CSV could only be imported at one station, and that station stopped using its own
 * model as soon as the entity's arrived: the history was lost to every window. Only administrators
 * read or write the table (they own it); stations and coordinators have no privilege on it, as the
 * texts may carry personal data of citizens of any sede.
 */
import type { Roles } from '../conexion';

export const nombre = '004_ejemplos_importados';

export function sql(_r: Roles): string {
  return /* sql */ `
CREATE TABLE radica.ejemplos_importados (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  texto text NOT NULL CHECK (length(texto) BETWEEN 1 AND 4000),
  tipo text,
  dependencia text,
  peso real NOT NULL DEFAULT 1 CHECK (peso > 0 AND peso <= 100),
  -- The file it came from: importing a corrected file again with --reemplazar swaps its rows.
  origen text NOT NULL,
  importado_en bigint NOT NULL,
  importado_por text NOT NULL DEFAULT session_user,
  CHECK (tipo IS NOT NULL OR dependencia IS NOT NULL)
);
CREATE INDEX ejemplos_importados_origen ON radica.ejemplos_importados (origen);
REVOKE ALL ON radica.ejemplos_importados FROM PUBLIC;
`;
}
