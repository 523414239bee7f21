/**
 * Central schema v5: what each station suggested with each radicado, so "En la ventanilla" (how
 * the suggestions do in real use) can be read for every ventanilla of a coordinator's sedes, not
 * only at one station.
 *
 * `recibir_lote` keeps its v1 body under another name and is wrapped: the wrapper calls it, then
 * stores the batch's suggestions in the same transaction. Only a station that sends the
 * `sugerencias` key (this version on) gets a row per radicado of the batch, with nulls where
 * nothing was suggested; radicados of older stations, or sent before their update, have no row and
 * are left out of the figures rather than counted as "nothing suggested". Stations of v3 and v4
 * still work (they call the same function with the same payload): compatible_desde stays 3.
 */
import type { Roles } from '../conexion';
import { ident } from '../conexion';

export const nombre = '005_sugerencias';

export function sql(r: Roles): string {
  const estaciones = ident(r.estaciones);
  const coordinadores = ident(r.coordinadores);
  // The model of an objetivo as the station sends it: origin and version ('central/3', 'local/2').
  const modelo = (columna: string) => `CHECK (${columna} IS NULL OR ${columna} ~ '^(central|local)/[0-9]+$')`;
  return /* sql */ `
CREATE TABLE radica.sugerencias (
  numero text PRIMARY KEY REFERENCES radica.radicados (numero),
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  fuente text CHECK (fuente IN ('frases', 'modelo', 'mixto')),
  tipo_modelo text ${modelo('tipo_modelo')},
  tipo_sugerido text,
  tipo_probabilidad real,
  tipo_aceptado boolean,
  dependencia_modelo text ${modelo('dependencia_modelo')},
  dependencia_sugerida text,
  dependencia_probabilidad real,
  dependencia_aceptada boolean,
  recibido_en timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON radica.sugerencias FROM PUBLIC;
ALTER TABLE radica.sugerencias ENABLE ROW LEVEL SECURITY;
CREATE POLICY ver_por_sede ON radica.sugerencias FOR SELECT USING (radica._ve_estacion(estacion_id));
GRANT SELECT ON radica.sugerencias TO ${coordinadores};

ALTER FUNCTION radica.recibir_lote(jsonb) RENAME TO _recibir_lote_v1;
REVOKE EXECUTE ON FUNCTION radica._recibir_lote_v1(jsonb) FROM PUBLIC, ${estaciones};

CREATE FUNCTION radica.recibir_lote(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE
  r jsonb;
  e radica.estaciones;
  v_numero text;
  v_radicados jsonb := coalesce(p->'radicados', '[]');
  v_sugerencias jsonb := coalesce(p->'sugerencias', '[]');
BEGIN
  -- Everything v1 checked and stored (the station, its series, clones) comes first.
  r := radica._recibir_lote_v1(p);
  IF NOT p ? 'sugerencias' THEN
    RETURN r;
  END IF;
  e := radica._estacion(p->>'instalacion');
  SELECT x.numero INTO v_numero
    FROM jsonb_to_recordset(v_sugerencias) AS x (numero text)
   WHERE x.numero IS NULL OR x.numero NOT IN (SELECT y.numero FROM jsonb_to_recordset(v_radicados) AS y (numero text))
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'La estación de la sede %, ventanilla % envió la sugerencia del radicado %, que no viene en el mismo lote.', e.sede, e.ventanilla, v_numero
      USING ERRCODE = 'RDC03';
  END IF;
  -- Suggestions never change once radicated: the first row received stays.
  INSERT INTO radica.sugerencias (numero, estacion_id, fuente, tipo_modelo, tipo_sugerido, tipo_probabilidad, tipo_aceptado,
         dependencia_modelo, dependencia_sugerida, dependencia_probabilidad, dependencia_aceptada)
  SELECT y.numero, e.id, s.fuente, s.tipo_modelo, s.tipo_sugerido, s.tipo_probabilidad, s.tipo_aceptado,
         s.dependencia_modelo, s.dependencia_sugerida, s.dependencia_probabilidad, s.dependencia_aceptada
    FROM jsonb_to_recordset(v_radicados) AS y (numero text)
    LEFT JOIN jsonb_to_recordset(v_sugerencias) AS s (numero text, fuente text, tipo_modelo text, tipo_sugerido text,
         tipo_probabilidad real, tipo_aceptado boolean, dependencia_modelo text, dependencia_sugerida text,
         dependencia_probabilidad real, dependencia_aceptada boolean) ON s.numero = y.numero
  ON CONFLICT (numero) DO NOTHING;
  RETURN r;
END $$;
REVOKE EXECUTE ON FUNCTION radica.recibir_lote(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION radica.recibir_lote(jsonb) TO ${estaciones};
`;
}
