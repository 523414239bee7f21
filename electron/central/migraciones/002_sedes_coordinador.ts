/**
 * Central schema v2: which sedes each coordinator may see, enforced by the database.
 *
 * v1 let every coordinator's role read every radicado and mark; the sedes were only filtered by
 * the client. Now `radica.coordinadores` lists each coordinator's sedes (NULL: all of them) and
 * row-level security on radicados and revisiones shows a coordinator only hers, whatever SQL she
 * runs with her password; marcar_central refuses a radicado of another sede as if it did not exist.
 * Coordinators registered before keep seeing everything. Stations are unaffected (they only call
 * SECURITY DEFINER functions, which run as the tables' owner), and so are administrators.
 */
import type { Roles } from '../conexion';
import { literal } from '../conexion';

export const nombre = '002_sedes_coordinador';

export function sql(r: Roles): string {
  const coordinadores = literal(r.coordinadores);
  return /* sql */ `
CREATE TABLE radica.coordinadores (
  rol text PRIMARY KEY,
  sedes text[]
);
REVOKE ALL ON radica.coordinadores FROM PUBLIC;
-- Superusers are members of every role: without NOT rolsuper they were listed too (harmless, as
-- they bypass row security anyway; found by the v1 upgrade test after v2 had shipped, so only this
-- data step changed).
INSERT INTO radica.coordinadores (rol)
  SELECT rolname FROM pg_roles WHERE rolcanlogin AND NOT rolsuper AND pg_has_role(rolname, ${coordinadores}, 'MEMBER');

-- Whether the session may see a sede: anyone who is not a coordinator (the policies only narrow
-- coordinators), a coordinator only her sedes; a coordinator without a row sees nothing.
CREATE FUNCTION radica._ve_sede(p_sede text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
  SELECT NOT pg_has_role(session_user, ${coordinadores}, 'MEMBER')
      OR coalesce((SELECT c.sedes IS NULL OR p_sede = ANY (c.sedes) FROM radica.coordinadores c WHERE c.rol = session_user), false)
$$;

CREATE FUNCTION radica._ve_estacion(p_estacion integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
  SELECT radica._ve_sede((SELECT e.sede FROM radica.estaciones e WHERE e.id = p_estacion))
$$;

ALTER TABLE radica.radicados ENABLE ROW LEVEL SECURITY;
CREATE POLICY ver_por_sede ON radica.radicados FOR SELECT USING (radica._ve_sede(sede));
ALTER TABLE radica.revisiones ENABLE ROW LEVEL SECURITY;
CREATE POLICY ver_por_sede ON radica.revisiones FOR SELECT USING (radica._ve_estacion(estacion_id));

CREATE OR REPLACE FUNCTION radica.marcar_central(p jsonb) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE
  v_estacion integer;
  v_sede text;
  v_n integer;
BEGIN
  SELECT r.estacion_id, r.sede INTO v_estacion, v_sede FROM radica.radicados r WHERE r.numero = p->>'numero';
  -- A radicado of a sede the coordinator may not see is answered as if it did not exist.
  IF NOT FOUND OR NOT radica._ve_sede(v_sede) THEN
    RAISE EXCEPTION 'No existe el radicado % en el servidor central.', p->>'numero' USING ERRCODE = 'RDC05';
  END IF;
  INSERT INTO radica.revisiones (uid, numero, veredicto, tipo_correcto, dependencia_correcta, observacion, revisor, revisor_nombre,
         revisado_en, origen, estacion_id)
  VALUES (p->>'uid', p->>'numero', p->>'veredicto', p->>'tipoCorrecto', p->>'dependenciaCorrecta', p->>'observacion', p->>'revisor',
         p->>'revisorNombre', (p->>'revisadoEn')::bigint, 'central', v_estacion)
  ON CONFLICT (uid) DO NOTHING;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n > 0;
END $$;
-- The policies run these for whoever queries (administrators too): they stay executable by all; they
-- only say whether the session may see a sede.
`;
}
