/**
 * Central schema v4: a previous system's labelled texts (an Orfeo or Mercurio export), imported
 * once by IT into the central store, so the entity's model learns from them; and
 * `radica.compatible_desde()`, so later schemas need not stop every station at once.
 *
 * Before, such a CSV could only be imported at one station, and that station stopped using its own
 * model as soon as the entity's arrived: the history was lost to every window. Only administrators
 * read or write the table (they own it); stations and coordinators have no privilege on it, as the
 * texts may carry personal data of citizens of any sede.
 */
import type { Roles } from '../conexion';
import { ident } from '../conexion';

export const nombre = '004_ejemplos_importados';

export function sql(r: Roles): string {
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

-- The oldest schema version whose stations and coordinators still work against this one: what
-- they call and read (reclamar, recibir_lote, marcar_central, estado_estaciones, radicados,
-- revisiones) did not change in v4, so a station of v3's Radica could keep syncing. A migration
-- that changes any of it replaces this function with its own number. Stations from v4 on read it
-- (exigirVersion) and keep working with a newer store that still accepts them: IT can migrate the
-- server first and update twenty stations one by one.
CREATE FUNCTION radica.compatible_desde() RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT 3 $$;
REVOKE EXECUTE ON FUNCTION radica.compatible_desde() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION radica.compatible_desde() TO ${ident(r.estaciones)}, ${ident(r.coordinadores)};
`;
}
