/**
 * Central schema v1: the consolidated picture of every station.
 *
 * Tables are owned by the database's `propietario` role (NOLOGIN, not a superuser). Stations have no
 * privilege on any table: they call SECURITY DEFINER functions that take the station from the
 * session's login role (`session_user` → `estaciones.rol`) and accept only rows of that station's
 * own series, so a station's password can write nothing else. Coordinators read radicados and
 * marks and mark through a function.
 *
 * Keys make every write idempotent: radicados by number, what a station sent by (station, outbox
 * seq), attachments by (number, sha256), marks by uid, audit entries by (station, id). Each
 * radicado carries a `huella` (SHA-256 of its immutable content, computed by the station): the same
 * number arriving with other content — a cloned disk that kept radicating — is refused.
 *
 * Instants are milliseconds since the epoch (bigint), as on the stations.
 */
import type { Roles } from '../conexion';
import { ident } from '../conexion';

export const nombre = '001_inicial';

export function sql(r: Roles): string {
  const estaciones = ident(r.estaciones);
  const coordinadores = ident(r.coordinadores);
  return /* sql */ `
CREATE TABLE radica.estaciones (
  id serial PRIMARY KEY,
  sede text NOT NULL,
  ventanilla text NOT NULL,
  rol text NOT NULL UNIQUE,
  instalacion text,
  entidad text,
  registrada_en timestamptz NOT NULL DEFAULT now(),
  reclamada_en timestamptz,
  ultimo_contacto timestamptz,
  version text,
  pendientes integer,
  retraso_ms bigint,
  impresoras jsonb NOT NULL DEFAULT '[]',
  ultimo_seq bigint NOT NULL DEFAULT 0,
  UNIQUE (sede, ventanilla)
);

-- Installations refused (a cloned disk, a copied configuration): what IT must look at.
CREATE TABLE radica.rechazos (
  id bigserial PRIMARY KEY,
  en timestamptz NOT NULL DEFAULT now(),
  estacion_id integer REFERENCES radica.estaciones (id),
  rol text NOT NULL,
  instalacion text,
  motivo text NOT NULL
);

CREATE TABLE radica.remitentes (
  tipo_documento text NOT NULL,
  numero_documento text NOT NULL,
  nombres text NOT NULL,
  telefono text,
  correo text,
  direccion text,
  autoriza_datos boolean NOT NULL,
  actualizado_en bigint NOT NULL,
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  PRIMARY KEY (tipo_documento, numero_documento)
);

CREATE TABLE radica.radicados (
  numero text PRIMARY KEY,
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  sede text NOT NULL,
  ventanilla text NOT NULL,
  serie text NOT NULL,
  consecutivo integer NOT NULL,
  fecha_hora bigint NOT NULL,
  radicador text NOT NULL,
  radicador_nombre text NOT NULL,
  remitente_tipo text NOT NULL,
  remitente_numero text NOT NULL,
  canal text NOT NULL,
  asunto text NOT NULL,
  tipo text NOT NULL,
  dependencia text NOT NULL,
  folios integer NOT NULL,
  anexos text,
  termino integer,
  unidad_termino text NOT NULL,
  vence_el text,
  vence_en bigint,
  catalogo_version integer NOT NULL,
  demo boolean NOT NULL,
  huella text NOT NULL,
  anulado_en bigint,
  anul_justificacion text,
  anul_aprobado_por text,
  anul_anulado_por text,
  recibido_en timestamptz NOT NULL DEFAULT now(),
  UNIQUE (serie, consecutivo)
);
CREATE INDEX radicados_fecha ON radica.radicados (fecha_hora);
CREATE INDEX radicados_estacion ON radica.radicados (estacion_id, fecha_hora);
CREATE INDEX radicados_radicador ON radica.radicados (radicador, fecha_hora);

-- Attachments' metadata and hashes; the files stay on the station.
CREATE TABLE radica.anexos (
  numero text NOT NULL REFERENCES radica.radicados (numero),
  sha256 text NOT NULL CHECK (length(sha256) = 64),
  tipo text NOT NULL,
  paginas integer NOT NULL,
  bytes bigint NOT NULL,
  nombre text NOT NULL,
  origen text NOT NULL,
  creado_en bigint NOT NULL,
  creado_por text NOT NULL,
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  PRIMARY KEY (numero, sha256)
);

-- Each station's hash-chained audit log, entry by entry (detalle and hash exactly as on the station).
CREATE TABLE radica.auditoria (
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  id bigint NOT NULL,
  en bigint NOT NULL,
  actor text NOT NULL,
  accion text NOT NULL,
  numero text,
  detalle text,
  hash text NOT NULL,
  PRIMARY KEY (estacion_id, id)
);

-- Review marks, from stations (origen 'estacion') or made on the central store by a coordinator
-- (origen 'central', sent back to the radicado's station). The newest mark of a radicado counts.
CREATE TABLE radica.revisiones (
  orden bigserial UNIQUE,
  uid text PRIMARY KEY,
  numero text NOT NULL REFERENCES radica.radicados (numero),
  veredicto text NOT NULL CHECK (veredicto IN ('correcto', 'incorrecto')),
  tipo_correcto text,
  dependencia_correcta text,
  observacion text,
  revisor text NOT NULL,
  revisor_nombre text NOT NULL,
  revisado_en bigint NOT NULL,
  origen text NOT NULL CHECK (origen IN ('estacion', 'central')),
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  recibido_en timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revisiones_numero ON radica.revisiones (numero, revisado_en DESC, orden DESC);
CREATE INDEX revisiones_de_vuelta ON radica.revisiones (estacion_id, orden) WHERE origen = 'central';

-- Every outbox row received, by (station, seq): a batch sent twice is merged once.
CREATE TABLE radica.recibidos (
  estacion_id integer NOT NULL REFERENCES radica.estaciones (id),
  seq bigint NOT NULL,
  en bigint NOT NULL,
  entidad text NOT NULL,
  clave text NOT NULL,
  operacion text NOT NULL,
  recibido_en timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (estacion_id, seq)
);

-- What stations pull: the entity's catalog versions and classifier models.
CREATE TABLE radica.catalogo_versiones (
  version integer PRIMARY KEY,
  contenido text NOT NULL,
  creado_en bigint NOT NULL,
  creado_por text NOT NULL,
  publicado_en timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE radica.modelos (
  objetivo text NOT NULL CHECK (objetivo IN ('tipo', 'dependencia')),
  version integer NOT NULL CHECK (version > 0),
  creado_en bigint NOT NULL,
  ejemplos integer NOT NULL,
  metricas text NOT NULL DEFAULT '{}',
  contenido bytea NOT NULL,
  publicado_en timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (objetivo, version)
);

-- The station behind this connection; refuses an unregistered role and another installation.
CREATE FUNCTION radica._estacion(p_instalacion text) RETURNS radica.estaciones
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE e radica.estaciones;
BEGIN
  SELECT * INTO e FROM radica.estaciones WHERE rol = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'El usuario % no es de una estación registrada en el servidor central.', session_user USING ERRCODE = 'RDC02';
  END IF;
  IF e.instalacion IS NULL THEN
    RAISE EXCEPTION 'La estación de la sede %, ventanilla % aún no se ha presentado al servidor central (reclamar).', e.sede, e.ventanilla
      USING ERRCODE = 'RDC02';
  END IF;
  IF e.instalacion IS DISTINCT FROM p_instalacion THEN
    RAISE EXCEPTION 'La serie de la sede %, ventanilla % pertenece a otra instalación de Radica: no se recibió nada de esta estación.', e.sede, e.ventanilla
      USING ERRCODE = 'RDC01';
  END IF;
  RETURN e;
END $$;

CREATE FUNCTION radica.version_esquema() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
  SELECT coalesce(max(version), 0) FROM radica.schema_version
$$;

-- First contact claims the station's series for this installation; another installation is refused
-- (and the attempt recorded for IT). Returns where the station's data stand centrally.
CREATE FUNCTION radica.reclamar(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE
  e radica.estaciones;
  v_inst text := p->>'instalacion';
BEGIN
  IF v_inst IS NULL OR length(v_inst) < 16 THEN
    RAISE EXCEPTION 'La estación no envió su clave de instalación.' USING ERRCODE = 'RDC02';
  END IF;
  SELECT * INTO e FROM radica.estaciones WHERE rol = session_user FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'El usuario % no es de una estación registrada en el servidor central.', session_user USING ERRCODE = 'RDC02';
  END IF;
  IF e.sede IS DISTINCT FROM p->>'sede' OR e.ventanilla IS DISTINCT FROM p->>'ventanilla' THEN
    INSERT INTO radica.rechazos (estacion_id, rol, instalacion, motivo)
    VALUES (e.id, session_user, v_inst, format('se presentó como sede %s, ventanilla %s', p->>'sede', p->>'ventanilla'));
    RETURN jsonb_build_object('ok', false, 'motivo', 'otra_serie', 'mensaje',
      format('Esta dirección del servidor central es la de la sede %s, ventanilla %s, y esta estación es la sede %s, ventanilla %s: no se envió nada. Use la dirección que TI generó para esta estación.',
        e.sede, e.ventanilla, p->>'sede', p->>'ventanilla'));
  END IF;
  IF e.instalacion IS NULL THEN
    UPDATE radica.estaciones SET instalacion = v_inst, reclamada_en = now() WHERE id = e.id;
  ELSIF e.instalacion <> v_inst THEN
    INSERT INTO radica.rechazos (estacion_id, rol, instalacion, motivo) VALUES (e.id, session_user, v_inst, 'instalación distinta');
    RETURN jsonb_build_object('ok', false, 'motivo', 'instalacion_ajena', 'mensaje',
      format('La serie de la sede %s, ventanilla %s ya pertenece a otra instalación de Radica (la reclamó el %s). Esta estación parece una copia de aquella (disco clonado o configuración copiada): el servidor central no recibió nada de ella. Deje de radicar en esta estación y llame a TI.',
        e.sede, e.ventanilla, to_char(e.reclamada_en AT TIME ZONE 'America/Bogota', 'DD/MM/YYYY HH24:MI')));
  END IF;
  UPDATE radica.estaciones
     SET ultimo_contacto = now(), version = coalesce(p->>'version', version), entidad = coalesce(p->>'entidad', entidad)
   WHERE id = e.id;
  RETURN jsonb_build_object('ok', true, 'estacion', e.id, 'ultimoSeq', e.ultimo_seq,
    'ultimaAuditoria', (SELECT coalesce(max(a.id), 0) FROM radica.auditoria a WHERE a.estacion_id = e.id));
END $$;

-- One batch of a station's outbox (and audit entries), merged in one transaction. A batch is a few
-- thousand rows against tables of millions: every lookup of existing rows is a correlated subquery
-- on a unique key (an index probe per row of the batch), never a join whose plan depends on
-- statistics taken while the store was filling up.
CREATE FUNCTION radica.recibir_lote(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE
  e radica.estaciones;
  v_nuevos integer := 0;
  v_numero text;
  v_seq bigint;
  a record;
  -- Each array extracted once (jsonb -> copies).
  v_outbox jsonb := coalesce(p->'outbox', '[]');
  v_radicados jsonb := coalesce(p->'radicados', '[]');
  v_anexos jsonb := coalesce(p->'anexos', '[]');
  v_revisiones jsonb := coalesce(p->'revisiones', '[]');
  v_auditoria jsonb := coalesce(p->'auditoria', '[]');
BEGIN
  e := radica._estacion(p->>'instalacion');

  -- What the station sent, by (station, seq): a row already received must be the same row.
  SELECT x.seq INTO v_seq
    FROM jsonb_to_recordset(v_outbox) AS x (seq bigint, entidad text, clave text, operacion text)
   WHERE (SELECT (r.entidad, r.clave, r.operacion) IS DISTINCT FROM (x.entidad, x.clave, x.operacion)
            FROM radica.recibidos r WHERE r.estacion_id = e.id AND r.seq = x.seq)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'La fila % de la bandeja de salida de la sede %, ventanilla % ya llegó con otro contenido: hay dos instalaciones con la misma identidad (¿disco clonado?). No se recibió nada de este lote.', v_seq, e.sede, e.ventanilla
      USING ERRCODE = 'RDC04';
  END IF;
  INSERT INTO radica.recibidos (estacion_id, seq, en, entidad, clave, operacion)
  SELECT e.id, x.seq, x.en, x.entidad, x.clave, x.operacion
    FROM jsonb_to_recordset(v_outbox) AS x (seq bigint, en bigint, entidad text, clave text, operacion text)
  ON CONFLICT (estacion_id, seq) DO NOTHING;
  GET DIAGNOSTICS v_nuevos = ROW_COUNT;

  -- Radicados: only of this station's own series.
  SELECT x.numero INTO v_numero
    FROM jsonb_to_recordset(v_radicados) AS x (numero text, sede text, ventanilla text)
   WHERE x.sede IS DISTINCT FROM e.sede OR x.ventanilla IS DISTINCT FROM e.ventanilla
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'La estación de la sede %, ventanilla % solo puede enviar radicados de su propia serie (recibí %).', e.sede, e.ventanilla, v_numero
      USING ERRCODE = 'RDC03';
  END IF;

  INSERT INTO radica.remitentes AS t (tipo_documento, numero_documento, nombres, telefono, correo, direccion, autoriza_datos, actualizado_en, estacion_id)
  SELECT DISTINCT ON (x.remitente_tipo, x.remitente_numero)
         x.remitente_tipo, x.remitente_numero, x.remitente_nombres, x.remitente_telefono, x.remitente_correo, x.remitente_direccion,
         x.remitente_autoriza, x.remitente_actualizado, e.id
    FROM jsonb_to_recordset(v_radicados) AS x (remitente_tipo text, remitente_numero text, remitente_nombres text,
         remitente_telefono text, remitente_correo text, remitente_direccion text, remitente_autoriza boolean, remitente_actualizado bigint)
   ORDER BY x.remitente_tipo, x.remitente_numero, x.remitente_actualizado DESC
  ON CONFLICT (tipo_documento, numero_documento) DO UPDATE
     SET nombres = excluded.nombres, telefono = excluded.telefono, correo = excluded.correo, direccion = excluded.direccion,
         autoriza_datos = excluded.autoriza_datos, actualizado_en = excluded.actualizado_en, estacion_id = excluded.estacion_id
   WHERE t.actualizado_en < excluded.actualizado_en;

  INSERT INTO radica.radicados (numero, estacion_id, sede, ventanilla, serie, consecutivo, fecha_hora, radicador, radicador_nombre,
         remitente_tipo, remitente_numero, canal, asunto, tipo, dependencia, folios, anexos, termino, unidad_termino, vence_el, vence_en,
         catalogo_version, demo, huella, anulado_en, anul_justificacion, anul_aprobado_por, anul_anulado_por)
  SELECT x.numero, e.id, x.sede, x.ventanilla, x.serie, x.consecutivo, x.fecha_hora, x.radicador, x.radicador_nombre,
         x.remitente_tipo, x.remitente_numero, x.canal, x.asunto, x.tipo, x.dependencia, x.folios, x.anexos, x.termino, x.unidad_termino,
         x.vence_el, x.vence_en, x.catalogo_version, x.demo, x.huella, x.anulado_en, x.anul_justificacion, x.anul_aprobado_por, x.anul_anulado_por
    FROM jsonb_to_recordset(v_radicados) AS x (numero text, sede text, ventanilla text, serie text, consecutivo integer,
         fecha_hora bigint, radicador text, radicador_nombre text, remitente_tipo text, remitente_numero text, canal text, asunto text,
         tipo text, dependencia text, folios integer, anexos text, termino integer, unidad_termino text, vence_el text, vence_en bigint,
         catalogo_version integer, demo boolean, huella text, anulado_en bigint, anul_justificacion text, anul_aprobado_por text,
         anul_anulado_por text)
  ON CONFLICT (numero) DO NOTHING;

  -- A number already here must be this station's, with the same content.
  SELECT x.numero INTO v_numero
    FROM jsonb_to_recordset(v_radicados) AS x (numero text, huella text)
   WHERE (SELECT r.estacion_id <> e.id OR r.huella <> x.huella FROM radica.radicados r WHERE r.numero = x.numero)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'El radicado % ya está en el servidor central con otro contenido: dos instalaciones están dando los mismos números (¿disco clonado?). No se recibió nada de este lote; llame a TI.', v_numero
      USING ERRCODE = 'RDC04';
  END IF;

  -- Annulments (few): one by one, by number.
  FOR a IN SELECT x.* FROM jsonb_to_recordset(v_radicados) AS x (numero text, anulado_en bigint,
           anul_justificacion text, anul_aprobado_por text, anul_anulado_por text) WHERE x.anulado_en IS NOT NULL LOOP
    UPDATE radica.radicados r
       SET anulado_en = a.anulado_en, anul_justificacion = a.anul_justificacion, anul_aprobado_por = a.anul_aprobado_por,
           anul_anulado_por = a.anul_anulado_por
     WHERE r.numero = a.numero AND r.estacion_id = e.id AND r.anulado_en IS NULL;
  END LOOP;

  -- Attachments and marks: of this station's radicados only.
  SELECT x.numero INTO v_numero
    FROM (SELECT y.numero FROM jsonb_to_recordset(v_anexos) AS y (numero text)
          UNION ALL SELECT y.numero FROM jsonb_to_recordset(v_revisiones) AS y (numero text)) x
   WHERE NOT coalesce((SELECT r.estacion_id = e.id FROM radica.radicados r WHERE r.numero = x.numero), false)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'La estación de la sede %, ventanilla % envió un anexo o una revisión del radicado %, que no es de su serie o no ha llegado.', e.sede, e.ventanilla, v_numero
      USING ERRCODE = 'RDC03';
  END IF;

  INSERT INTO radica.anexos (numero, sha256, tipo, paginas, bytes, nombre, origen, creado_en, creado_por, estacion_id)
  SELECT x.numero, x.sha256, x.tipo, x.paginas, x.bytes, x.nombre, x.origen, x.creado_en, x.creado_por, e.id
    FROM jsonb_to_recordset(v_anexos) AS x (numero text, sha256 text, tipo text, paginas integer, bytes bigint,
         nombre text, origen text, creado_en bigint, creado_por text)
  ON CONFLICT (numero, sha256) DO NOTHING;

  INSERT INTO radica.revisiones (uid, numero, veredicto, tipo_correcto, dependencia_correcta, observacion, revisor, revisor_nombre,
         revisado_en, origen, estacion_id)
  SELECT x.uid, x.numero, x.veredicto, x.tipo_correcto, x.dependencia_correcta, x.observacion, x.revisor, x.revisor_nombre,
         x.revisado_en, x.origen, e.id
    FROM jsonb_to_recordset(v_revisiones) AS x (uid text, numero text, veredicto text, tipo_correcto text,
         dependencia_correcta text, observacion text, revisor text, revisor_nombre text, revisado_en bigint, origen text)
  ON CONFLICT (uid) DO NOTHING;

  INSERT INTO radica.auditoria (estacion_id, id, en, actor, accion, numero, detalle, hash)
  SELECT e.id, x.id, x.en, x.actor, x.accion, x.numero, x.detalle, x.hash
    FROM jsonb_to_recordset(v_auditoria) AS x (id bigint, en bigint, actor text, accion text, numero text,
         detalle text, hash text)
  ON CONFLICT (estacion_id, id) DO NOTHING;

  UPDATE radica.estaciones
     SET ultimo_seq = greatest(ultimo_seq, coalesce((SELECT max((o->>'seq')::bigint) FROM jsonb_array_elements(v_outbox) o), 0)),
         ultimo_contacto = now()
   WHERE id = e.id;
  RETURN jsonb_build_object('nuevos', v_nuevos);
END $$;

-- Marks made centrally on this station's radicados, after the station's cursor.
CREATE FUNCTION radica.revisiones_de_vuelta(p_instalacion text, p_desde bigint, p_limite integer)
RETURNS TABLE (orden bigint, uid text, numero text, veredicto text, tipo_correcto text, dependencia_correcta text, observacion text,
               revisor text, revisor_nombre text, revisado_en bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE e radica.estaciones;
BEGIN
  e := radica._estacion(p_instalacion);
  RETURN QUERY
    SELECT v.orden, v.uid, v.numero, v.veredicto, v.tipo_correcto, v.dependencia_correcta, v.observacion, v.revisor, v.revisor_nombre, v.revisado_en
      FROM radica.revisiones v
     WHERE v.estacion_id = e.id AND v.origen = 'central' AND v.orden > p_desde
     ORDER BY v.orden
     LIMIT p_limite;
END $$;

CREATE FUNCTION radica.catalogos_desde(p_instalacion text, p_version integer)
RETURNS TABLE (version integer, contenido text, creado_en bigint, creado_por text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
BEGIN
  PERFORM radica._estacion(p_instalacion);
  RETURN QUERY SELECT c.version, c.contenido, c.creado_en, c.creado_por FROM radica.catalogo_versiones c WHERE c.version > p_version ORDER BY c.version;
END $$;

-- p_versiones: {"tipo": 3, "dependencia": 2}, the newest version of each objetivo the station has.
CREATE FUNCTION radica.modelos_desde(p_instalacion text, p_versiones jsonb)
RETURNS TABLE (objetivo text, version integer, creado_en bigint, ejemplos integer, metricas text, contenido bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
BEGIN
  PERFORM radica._estacion(p_instalacion);
  RETURN QUERY
    SELECT m.objetivo, m.version, m.creado_en, m.ejemplos, m.metricas, m.contenido
      FROM radica.modelos m
     WHERE m.version > coalesce((p_versiones->>m.objetivo)::integer, 0)
     ORDER BY m.objetivo, m.version;
END $$;

-- What IT's status view shows of the station: pending rows, lag, version, printers.
CREATE FUNCTION radica.informar_estado(p jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE e radica.estaciones;
BEGIN
  e := radica._estacion(p->>'instalacion');
  UPDATE radica.estaciones
     SET pendientes = (p->>'pendientes')::integer, retraso_ms = (p->>'retrasoMs')::bigint,
         version = coalesce(p->>'version', version), impresoras = coalesce(p->'impresoras', impresoras), ultimo_contacto = now()
   WHERE id = e.id;
END $$;

-- A coordinator's mark on any radicado of the consolidated store; it travels back to its station.
CREATE FUNCTION radica.marcar_central(p jsonb) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = radica, pg_catalog, pg_temp AS $$
DECLARE
  v_estacion integer;
  v_n integer;
BEGIN
  SELECT r.estacion_id INTO v_estacion FROM radica.radicados r WHERE r.numero = p->>'numero';
  IF NOT FOUND THEN
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

REVOKE ALL ON ALL TABLES IN SCHEMA radica FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA radica FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA radica FROM PUBLIC;
GRANT USAGE ON SCHEMA radica TO ${estaciones}, ${coordinadores};
GRANT EXECUTE ON FUNCTION radica.version_esquema() TO ${estaciones}, ${coordinadores};
GRANT EXECUTE ON FUNCTION radica.reclamar(jsonb), radica.recibir_lote(jsonb), radica.revisiones_de_vuelta(text, bigint, integer),
  radica.catalogos_desde(text, integer), radica.modelos_desde(text, jsonb), radica.informar_estado(jsonb) TO ${estaciones};
GRANT SELECT ON radica.radicados, radica.revisiones, radica.catalogo_versiones TO ${coordinadores};
GRANT EXECUTE ON FUNCTION radica.marcar_central(jsonb) TO ${coordinadores};
`;
}
