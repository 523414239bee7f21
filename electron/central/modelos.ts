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
import { RadicaError } from '../../shared/ipc/result';
import { cerrar, conectar, type Cliente } from './conexion';
import { exigirVersion } from './esquema';
import { publicarModeloCliente } from './publicar';
import type { Entrenador } from '../services/entrenador';
import { ejemplosPorObjetivo, MAXIMO_EJEMPLOS, PESO_CORRECCION } from '../services/clasificacionService';

export interface EjemplosCentrales {
  ejemplos: Record<Objetivo, Ejemplo[]>;
  radicados: number;
  revisados: number;
  /** True when the store has only demo radicados, and those were used. */
  demo: boolean;
}

/** The newest `limite` non-annulled radicados, real ones only unless there are none. */
export async function ejemplosCentrales(c: Cliente, limite = MAXIMO_EJEMPLOS, pesoRevisado = PESO_CORRECCION): Promise<EjemplosCentrales> {
  const reales = await c.query<{ hay: boolean }>('SELECT EXISTS (SELECT 1 FROM radica.radicados WHERE NOT demo) AS hay');
  const demo = !reales.rows[0]!.hay;
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
  const ejemplos = ejemplosPorObjetivo(r.rows.map(({ revisado, ...f }) => ({ ...f, peso: revisado ? pesoRevisado : 1 })));
  const revisados = r.rows.filter((f) => f.revisado).length;
  return { ejemplos, radicados: r.rows.length, revisados, demo: demo && r.rows.length > 0 };
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
  demo: boolean;
}

/**
 * Reads the examples, trains both objetivos (in the entrenador: a worker thread from the CLI) and
 * publishes each as the next central version, numbered under a lock so two runs never clash.
 */
export async function entrenarYPublicar(url: string, entrenador: Entrenador, reloj: () => number = Date.now): Promise<ResultadoEntrenamientoCentral> {
  const c = await conectar(url, { aplicacion: 'radica central modelo entrenar' });
  try {
    await exigirVersion(c);
    const permisos = await c.query<{ leer: boolean; publicar: boolean }>(
      "SELECT has_table_privilege('radica.radicados', 'SELECT') AS leer, has_table_privilege('radica.modelos', 'INSERT') AS publicar",
    );
    // Checked before a training of several seconds. Coordinators may read (their sedes only) but
    // not publish: a model of part of the entity must not reach every window.
    if (!permisos.rows[0]!.leer || !permisos.rows[0]!.publicar) {
      throw new RadicaError('VALIDACION', 'Solo el administrador del servidor central (la dirección con la que se ejecutó «radica central migrar») entrena y publica el modelo de la entidad.');
    }
    const datos = await ejemplosCentrales(c);
    if (datos.radicados === 0) {
      throw new RadicaError('VALIDACION', 'El servidor central todavía no tiene radicados para entrenar: las estaciones deben sincronizar primero (radica sync).');
    }
    const en = reloj();
    const entrenados = await entrenador({ ejemplos: datos.ejemplos, creado: new Date(en).toISOString() });
    const fuentes = { radicados: datos.radicados, revisados: datos.revisados, demo: datos.demo };
    const modelos: ModeloCentralPublicado[] = [];
    await c.query('BEGIN');
    try {
      await c.query("SELECT pg_advisory_xact_lock(hashtext('radica.modelos'))");
      for (const m of entrenados) {
        const v = await c.query<{ v: number }>('SELECT coalesce(max(version), 0) + 1 AS v FROM radica.modelos WHERE objetivo = $1', [m.objetivo]);
        const version = v.rows[0]!.v;
        // No `hastaRadicado` in these metrics: that key marks a station's own training (migration 007).
        await publicarModeloCliente(c, { objetivo: m.objetivo, version, creadoEn: en, ejemplos: m.ejemplos, metricas: { ...m.metricas, fuentes }, contenido: m.contenido });
        modelos.push({ objetivo: m.objetivo, version, ejemplos: m.ejemplos, accuracy: m.metricas.accuracy, macroF1: m.metricas.macroF1, entrenamientoMs: m.metricas.entrenamientoMs, bytes: m.metricas.bytes });
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    return { modelos, ...fuentes };
  } finally {
    await cerrar(c);
  }
}
