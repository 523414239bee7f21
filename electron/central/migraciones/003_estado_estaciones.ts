/**
 * Central schema v3: the stations' operational state as a function, so a coordinator's (or IT's
 * read-only) account can see it — for her sedes only — without any privilege on the tables.
 * Administrators call the same function (`radica central estado`).
 */
import type { Roles } from '../conexion';
import { ident } from '../conexion';

export const nombre = '003_estado_estaciones';

export function sql(r: Roles): string {
  return /* sql */ `
CREATE FUNCTION radica.estado_estaciones()
RETURNS TABLE (
  sede text, ventanilla text, rol text, entidad text, reclamada boolean, registrada_en timestamptz,
  ultimo_contacto timestamptz, sin_contacto_ms bigint, pendientes integer, retraso_ms bigint, version text,
  impresoras jsonb, ultimo_seq bigint, radicados bigint, rechazos bigint, ultimo_rechazo timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
  SELECT e.sede, e.ventanilla, e.rol, e.entidad, e.instalacion IS NOT NULL, e.registrada_en, e.ultimo_contacto,
         (extract(epoch FROM now() - e.ultimo_contacto) * 1000)::bigint,
         e.pendientes, e.retraso_ms, e.version, e.impresoras, e.ultimo_seq,
         (SELECT count(*) FROM radica.radicados x WHERE x.estacion_id = e.id),
         (SELECT count(*) FROM radica.rechazos x WHERE x.estacion_id = e.id),
         (SELECT max(x.en) FROM radica.rechazos x WHERE x.estacion_id = e.id)
    FROM radica.estaciones e
   WHERE radica._ve_sede(e.sede)
   ORDER BY e.sede, e.ventanilla
$$;
REVOKE EXECUTE ON FUNCTION radica.estado_estaciones() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION radica.estado_estaciones() TO ${ident(r.coordinadores)};
`;
}
