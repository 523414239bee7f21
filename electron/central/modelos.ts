/**
 * The entity's classifier models, trained on the central store: every station's radicados, with a
 * coordinator's latest mark overriding the clerk's labels and weighing more (the same rule as a
 * station's own training, clasificacionRepo), then published for every station to pull on sync.
 *
 * A station trains only on what its own window radicated, and a coordinator's correction of a
 * radicado returns only to the station that made it; this is how a correction made in the weekly
 * review reaches the suggestions of every window. Run by IT with the administrator's URL (it reads
 * every sede and writes radica.modelos), by hand or on a schedule after the review.
 */
import type { Objetivo } from '../../shared/sugerencias';
import type { Ejemplo } from '../../shared/classifier';
import type { Catalogo } from '../../shared/domain/catalog';
import { formatFechaHora } from '../../shared/domain/bogota';
import { validarEjemplos, type EtiquetasConocidas, type FilaEjemplo } from '../../shared/sugerencias/importacion';
import { RadicaError } from '../../shared/ipc/result';
import { cerrar, conectar, enTransaccion, type Cliente } from './conexion';
import { exigirVersion } from './esquema';
import { publicarModeloCliente } from './publicar';
import type { Entrenador } from '../services/entrenador';
import { ejemplosPorObjetivo, MAX_TEXTO, MAXIMO_EJEMPLOS, PESO_CORRECCION } from '../services/clasificacionService';

export interface EjemplosCentrales {
  ejemplos: Record<Objetivo, Ejemplo[]>;
  radicados: number;
  revisados: number;
  /** A previous system's texts imported centrally (`central modelo importar`). */
  importados: number;
  /** True when the store has only demo radicados, and those were used. */
  demo: boolean;
}

/**
 * The newest `limite` non-annulled radicados and the newest `limite` imported texts; demo
 * radicados only when there is nothing else (a demo must not shape the entity's real model).
 */
export async function ejemplosCentrales(c: Cliente, limite = MAXIMO_EJEMPLOS, pesoRevisado = PESO_CORRECCION): Promise<EjemplosCentrales> {
  const importados = await c.query<{ texto: string; tipo: string | null; dependencia: string | null; peso: number }>(
    'SELECT texto, tipo, dependencia, peso FROM radica.ejemplos_importados ORDER BY id DESC LIMIT $1',
    [limite],
  );
  const reales = await c.query<{ hay: boolean }>('SELECT EXISTS (SELECT 1 FROM radica.radicados WHERE NOT demo) AS hay');
  const demo = !reales.rows[0]!.hay && importados.rows.length === 0;
  const r = await c.query<{ texto: string; tipo: string; dependencia: string; revisado: boolean }>(
    `SELECT r.asunto AS texto, coalesce(v.tipo_correcto, r.tipo) AS tipo, coalesce(v.dependencia_correcta, r.dependencia) AS dependencia,
            v.uid IS NOT NULL AS revisado
       FROM radica.radicados r
       LEFT JOIN LATERAL (
         SELECT x.uid, x.tipo_correcto, x.dependencia_correcta FROM radica.revisiones x
          WHERE x.numero = r.numero ORDER BY x.revisado_en DESC, x.orden DESC LIMIT 1
       ) v ON true
      WHERE r.anulado_en IS NULL AND (NOT r.demo OR $1)
      ORDER BY r.fecha_hora DESC, r.numero DESC
      LIMIT $2`,
    [demo, limite],
  );
  const ejemplos = ejemplosPorObjetivo([...r.rows.map(({ revisado, ...f }) => ({ ...f, peso: revisado ? pesoRevisado : 1 })), ...importados.rows]);
  const revisados = r.rows.filter((f) => f.revisado).length;
  return { ejemplos, radicados: r.rows.length, revisados, importados: importados.rows.length, demo: demo && r.rows.length > 0 };
}

/**
 * What an imported label may be: the entity's newest published catalog (codes or names), or,
 * before one is published, the codes its radicados already use. Null when there is neither.
 */
async function etiquetasCentrales(c: Cliente): Promise<(EtiquetasConocidas & { catalogo: number | null }) | null> {
  const cat = await c.query<{ version: number; contenido: string }>('SELECT version, contenido FROM radica.catalogo_versiones ORDER BY version DESC LIMIT 1');
  if (cat.rows[0]) {
    const k = JSON.parse(cat.rows[0].contenido) as Catalogo;
    return { tipos: k.tipos, dependencias: k.dependencias, catalogo: cat.rows[0].version };
  }
  const usados = await c.query<{ tipos: string[] | null; dependencias: string[] | null }>(
    'SELECT array_agg(DISTINCT tipo) AS tipos, array_agg(DISTINCT dependencia) AS dependencias FROM radica.radicados',
  );
  const { tipos, dependencias } = usados.rows[0]!;
  if (!tipos?.length) return null;
  const comoEntradas = (xs: string[]) => xs.map((codigo) => ({ codigo, nombre: codigo }));
  return { tipos: comoEntradas(tipos), dependencias: comoEntradas(dependencias ?? []), catalogo: null };
}

export interface ResultadoImportacionCentral {
  importados: number;
  /** Rows of the same origen removed first (--reemplazar). */
  reemplazados: number;
  rechazados: { fila: number; motivo: string }[];
  /** The catalog version the labels were checked against; null: the codes of the radicados. */
  catalogo: number | null;
}

const LOTE_IMPORTACION = 5000;

/**
 * `central modelo importar`: a previous system's labelled texts into the central store, checked
 * with the stations' own rule (validarEjemplos), all rows in one transaction. An origen already
 * imported is refused unless `reemplazar`, so running the same import twice does not count the
 * history twice.
 */
export async function importarEjemplosCentrales(
  url: string,
  filas: readonly FilaEjemplo[],
  origen: string,
  opciones: { reemplazar?: boolean } = {},
  reloj: () => number = Date.now,
): Promise<ResultadoImportacionCentral> {
  return comoAdministrador(url, 'radica central modelo importar', [['radica.ejemplos_importados', 'INSERT']], 'importa ejemplos para el modelo de la entidad', async (c) => {
    const conocidas = await etiquetasCentrales(c);
    if (!conocidas) {
      throw new RadicaError('VALIDACION', 'El servidor central no tiene catálogo publicado ni radicados con los que comparar las etiquetas del CSV: publique primero el catálogo de la entidad (radica central catalogo publicar).');
    }
    const { buenas, rechazados } = validarEjemplos(filas, conocidas, MAX_TEXTO);
    if (buenas.length === 0) {
      const motivos = rechazados.slice(0, 3).map((x) => `línea ${x.fila + 1}: ${x.motivo}`).join('; ');
      throw new RadicaError('VALIDACION', `Ninguna fila del CSV se puede importar (${motivos}). No se importó nada.`);
    }
    return enTransaccion(c, async () => {
      // Two imports of the same file at once: the second waits, then finds the first's rows.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('radica.ejemplos_importados'), hashtext($1))", [origen]);
      const previos = await c.query<{ n: number; en: string }>('SELECT count(*)::int AS n, max(importado_en)::text AS en FROM radica.ejemplos_importados WHERE origen = $1', [origen]);
      const { n, en } = previos.rows[0]!;
      if (n > 0 && !opciones.reemplazar) {
        throw new RadicaError(
          'CONFLICTO',
          `«${origen}» ya se importó (${n} ejemplos, el ${formatFechaHora(Number(en))}). Use --reemplazar para cambiarlos por los de este archivo, u --origen con otro nombre si es otro archivo. No se importó nada.`,
        );
      }
      if (n > 0) await c.query('DELETE FROM radica.ejemplos_importados WHERE origen = $1', [origen]);
      const en0 = reloj();
      for (let i = 0; i < buenas.length; i += LOTE_IMPORTACION) {
        const lote = buenas.slice(i, i + LOTE_IMPORTACION);
        await c.query(
          `INSERT INTO radica.ejemplos_importados (texto, tipo, dependencia, peso, origen, importado_en)
           SELECT u.texto, u.tipo, u.dependencia, u.peso, $5, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::real[]) AS u(texto, tipo, dependencia, peso)`,
          [lote.map((f) => f.texto), lote.map((f) => f.tipo), lote.map((f) => f.dependencia), lote.map((f) => f.peso), origen, en0],
        );
      }
      return { importados: buenas.length, reemplazados: n, rechazados, catalogo: conocidas.catalogo };
    });
  });
}

export interface ImportacionCentral {
  origen: string;
  ejemplos: number;
  /** Epoch ms of the (last) import of that origen, and the PostgreSQL user who made it. */
  importadoEn: number;
  importadoPor: string;
}

/**
 * `central modelo importados`: what history the entity's model learns from, by origen; with
 * `quitar`, that origen's rows are deleted first (a wrong file), in one statement. Administrators only.
 */
export async function importacionesCentrales(url: string, quitar?: string): Promise<{ importaciones: ImportacionCentral[]; quitados: number }> {
  return comoAdministrador(url, 'radica central modelo importados', [
      ['radica.ejemplos_importados', 'SELECT'],
      ['radica.ejemplos_importados', 'DELETE'],
    ], 've y quita el histórico importado', async (c) => {
    let quitados = 0;
    if (quitar !== undefined) {
      quitados = (await c.query('DELETE FROM radica.ejemplos_importados WHERE origen = $1', [quitar])).rowCount ?? 0;
      if (quitados === 0) throw new RadicaError('NO_ENCONTRADO', `No hay nada importado con el origen «${quitar}». Vea los orígenes con «radica central modelo importados».`);
    }
    const r = await c.query<{ origen: string; ejemplos: number; en: string; por: string }>(
      `SELECT origen, count(*)::int AS ejemplos, max(importado_en)::text AS en, (array_agg(importado_por ORDER BY id DESC))[1] AS por
         FROM radica.ejemplos_importados GROUP BY origen ORDER BY max(importado_en) DESC, origen`,
    );
    return { importaciones: r.rows.map((f) => ({ origen: f.origen, ejemplos: f.ejemplos, importadoEn: Number(f.en), importadoPor: f.por })), quitados };
  });
}

/**
 * Connects for an administrator's command: the schema checked, and refused (in Spanish, before any
 * work) unless the account holds `privilegios` — a station's or a coordinator's does not.
 */
async function comoAdministrador<T>(
  url: string,
  aplicacion: string,
  privilegios: readonly (readonly [tabla: string, privilegio: string])[],
  que: string,
  fn: (c: Cliente) => Promise<T>,
): Promise<T> {
  const c = await conectar(url, { aplicacion });
  try {
    await exigirVersion(c);
    const condiciones = privilegios.map((_, i) => `has_table_privilege($${2 * i + 1}, $${2 * i + 2})`).join(' AND ');
    const r = await c.query<{ ok: boolean }>(`SELECT ${condiciones} AS ok`, privilegios.flat());
    if (!r.rows[0]!.ok) {
      throw new RadicaError('VALIDACION', `Solo el administrador del servidor central (la dirección con la que se ejecutó «radica central migrar») ${que}.`);
    }
    return await fn(c);
  } finally {
    await cerrar(c);
  }
}

export interface ModeloCentralPublicado {
  objetivo: Objetivo;
  version: number;
  ejemplos: number;
  accuracy: number | null;
  macroF1: number | null;
  entrenamientoMs: number;
  bytes: number;
}

export interface ResultadoEntrenamientoCentral {
  modelos: ModeloCentralPublicado[];
  radicados: number;
  revisados: number;
  importados: number;
  demo: boolean;
}

/**
 * Reads the examples, trains both objetivos (in the entrenador: a worker thread from the CLI) and
 * publishes each as the next central version, numbered under a lock so two runs never clash.
 */
export async function entrenarYPublicar(url: string, entrenador: Entrenador, reloj: () => number = Date.now): Promise<ResultadoEntrenamientoCentral> {
  // Checked before a training of several seconds. Coordinators may read (their sedes only) but
  // not publish: a model of part of the entity must not reach every window.
  const privilegios = [
    ['radica.radicados', 'SELECT'],
    ['radica.modelos', 'INSERT'],
  ] as const;
  return comoAdministrador(url, 'radica central modelo entrenar', privilegios, 'entrena y publica el modelo de la entidad', async (c) => {
    const datos = await ejemplosCentrales(c);
    if (datos.radicados === 0 && datos.importados === 0) {
      throw new RadicaError(
        'VALIDACION',
        'El servidor central todavía no tiene radicados ni ejemplos importados para entrenar: las estaciones deben sincronizar primero (radica sync), o importe el histórico de otro sistema (radica central modelo importar).',
      );
    }
    const en = reloj();
    const entrenados = await entrenador({ ejemplos: datos.ejemplos, creado: new Date(en).toISOString() });
    const fuentes = { radicados: datos.radicados, revisados: datos.revisados, importados: datos.importados, demo: datos.demo };
    const modelos = await enTransaccion(c, async () => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext('radica.modelos'))");
      const publicados: ModeloCentralPublicado[] = [];
      for (const m of entrenados) {
        const v = await c.query<{ v: number }>('SELECT coalesce(max(version), 0) + 1 AS v FROM radica.modelos WHERE objetivo = $1', [m.objetivo]);
        const version = v.rows[0]!.v;
        // No `hastaRadicado` in these metrics: that key marks a station's own training (migration 007).
        await publicarModeloCliente(c, { objetivo: m.objetivo, version, creadoEn: en, ejemplos: m.ejemplos, metricas: { ...m.metricas, fuentes }, contenido: m.contenido });
        publicados.push({ objetivo: m.objetivo, version, ejemplos: m.ejemplos, accuracy: m.metricas.accuracy, macroF1: m.metricas.macroF1, entrenamientoMs: m.metricas.entrenamientoMs, bytes: m.metricas.bytes });
      }
      return publicados;
    });
    return { modelos, ...fuentes };
  });
}
