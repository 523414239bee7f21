/**
 * Coordinator mode: the review reads the consolidated radicados of every ventanilla and sede from
 * the central PostgreSQL store, through the same FuenteRevision interface as the station's own
 * store (RevisionService does not know the difference). Marks are written centrally with origen
 * 'central' (radica.marcar_central) and travel back to the radicado's station on its next sync.
 *
 * The connection is a coordinator's role (member of the database's `coordinadores` group) or an
 * administrator's. `sedes` limits what this coordinator may see.
 */
import pg from 'pg';
import type { AlcanceConsulta, FuenteRevision } from '../revision/fuente';
import type { FilaResumen, MarcaRevision, PuntoTendencia, RadicadoRevisable, SemanaIso, Veredicto } from '../../shared/domain/revision';
import { tendenciaDeConteos, type ConteosRevision } from '../../shared/revision/estadisticas';
import type { UnidadTermino } from '../../shared/domain/catalog';
import { RadicaError } from '../../shared/ipc/result';
import { esErrorDeConexion, SinConexion, validarUrl } from './conexion';
import { estadoDeFila } from './estado';
import type { EstadoEstacionCentral } from '../../shared/domain/central';
import type { ModeloDeFuente, UsoSugerencia } from '../../shared/sugerencias/desempeno';

const ULTIMA = `LEFT JOIN LATERAL (
    SELECT x.uid, x.veredicto, x.tipo_correcto, x.dependencia_correcta, x.observacion, x.revisor, x.revisor_nombre, x.revisado_en
      FROM radica.revisiones x WHERE x.numero = r.numero ORDER BY x.revisado_en DESC, x.orden DESC LIMIT 1) v ON true`;

const RESUMEN = `r.fecha_hora, r.sede, r.ventanilla, r.radicador, r.radicador_nombre, r.canal, r.tipo, r.dependencia,
  v.veredicto, v.tipo_correcto, v.dependencia_correcta`;

const COMPLETO = `${RESUMEN}, r.numero, r.asunto, r.termino, r.unidad_termino, r.vence_el, r.vence_en,
  v.uid, v.observacion, v.revisor, v.revisor_nombre, v.revisado_en, r.anulado_en IS NOT NULL AS anulado`;

const FILTROS = `r.fecha_hora >= $1 AND r.fecha_hora < $2 AND r.anulado_en IS NULL
  AND ($3::text IS NULL OR r.sede = $3)
  AND ($4::text[] IS NULL OR r.ventanilla = ANY ($4))
  AND ($5::text IS NULL OR r.radicador = $5)
  AND ($6::text[] IS NULL OR r.sede = ANY ($6))`;

/** Per-week counts in SQL, with the rules of shared/revision/estadisticas.ts (a "correction" to the code filed is no error). */
const ERROR_TIPO = `(v.tipo_correcto IS NOT NULL AND v.tipo_correcto <> r.tipo)`;
const ERROR_DEP = `(v.dependencia_correcta IS NOT NULL AND v.dependencia_correcta <> r.dependencia)`;
const POR_SEMANA = `((r.fecha_hora - $1) / ${7 * 86_400_000})::integer AS semana, count(*)::integer AS radicados, count(v.uid)::integer AS revisados,
  (count(*) FILTER (WHERE ${ERROR_TIPO}))::integer AS "erroresClasificacion",
  (count(*) FILTER (WHERE ${ERROR_DEP}))::integer AS "erroresDireccionamiento",
  (count(*) FILTER (WHERE ${ERROR_TIPO} OR ${ERROR_DEP}))::integer AS "conError"`;

interface Crudo {
  fecha_hora: string;
  sede: string;
  ventanilla: string;
  radicador: string;
  radicador_nombre: string;
  canal: string;
  tipo: string;
  dependencia: string;
  veredicto: Veredicto | null;
  tipo_correcto: string | null;
  dependencia_correcta: string | null;
  numero: string;
  asunto: string;
  termino: number | null;
  unidad_termino: UnidadTermino;
  vence_el: string | null;
  vence_en: string | null;
  uid: string | null;
  observacion: string | null;
  revisor: string | null;
  revisor_nombre: string | null;
  revisado_en: string | null;
  anulado: boolean;
}

function resumenDe(c: Crudo): FilaResumen {
  return {
    fechaHora: Number(c.fecha_hora),
    sede: c.sede,
    ventanilla: c.ventanilla,
    radicador: c.radicador,
    radicadorNombre: c.radicador_nombre,
    canal: c.canal,
    tipo: c.tipo,
    dependencia: c.dependencia,
    marca: c.veredicto ? { veredicto: c.veredicto, tipoCorrecto: c.tipo_correcto, dependenciaCorrecta: c.dependencia_correcta } : null,
  };
}

function completoDe(c: Crudo): RadicadoRevisable {
  return {
    ...resumenDe(c),
    numero: c.numero,
    asunto: c.asunto,
    termino: c.termino,
    unidadTermino: c.unidad_termino,
    venceEl: c.vence_el,
    venceEn: c.vence_en === null ? null : Number(c.vence_en),
    marca: c.veredicto
      ? {
          uid: c.uid!,
          numero: c.numero,
          veredicto: c.veredicto,
          tipoCorrecto: c.tipo_correcto,
          dependenciaCorrecta: c.dependencia_correcta,
          observacion: c.observacion,
          revisor: c.revisor!,
          revisorNombre: c.revisor_nombre!,
          revisadoEn: Number(c.revisado_en),
        }
      : null,
  };
}

interface CrudoUso {
  numero: string;
  sede: string;
  ventanilla: string;
  tipo: string;
  dependencia: string;
  tipo_modelo: string | null;
  tipo_sugerido: string | null;
  tipo_aceptado: boolean | null;
  dependencia_modelo: string | null;
  dependencia_sugerida: string | null;
  dependencia_aceptada: boolean | null;
  tipo_correcto: string | null;
  dependencia_correcta: string | null;
  revisado: boolean;
}

export interface OpcionesFuenteCentral {
  /** Sedes this coordinator may see (all when absent). */
  sedes?: readonly string[];
  /** Connections kept open. */
  conexiones?: number;
}

export class FuenteRevisionCentral implements FuenteRevision {
  readonly alcance = 'central';
  private readonly pool: pg.Pool;

  constructor(
    private readonly url: string,
    private readonly o: OpcionesFuenteCentral = {},
  ) {
    validarUrl(url);
    this.pool = new pg.Pool({ connectionString: url, max: o.conexiones ?? 4, connectionTimeoutMillis: 5_000, application_name: 'radica coordinador' });
    this.pool.on('error', () => {});
  }

  private async consulta<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>(sql, params)).rows;
    } catch (err) {
      if (esErrorDeConexion(err)) throw new SinConexion((err as Error).message, this.url);
      if ((err as { code?: string }).code === '42501') {
        throw new RadicaError('NO_AUTORIZADO', 'Su usuario del servidor central no puede leer la revisión consolidada: pida a TI acceso de coordinador.');
      }
      throw err;
    }
  }

  private parametros(a: AlcanceConsulta): unknown[] {
    // A sede outside the coordinator's is filtered out, not widened.
    return [
      a.inicioMs,
      a.finMs,
      a.sede ?? null,
      a.ventanillas && a.ventanillas.length > 0 ? [...a.ventanillas] : null,
      a.radicador ?? null,
      this.o.sedes ? [...this.o.sedes] : null,
    ];
  }

  async radicados(a: AlcanceConsulta): Promise<RadicadoRevisable[]> {
    const filas = await this.consulta<Crudo>(`SELECT ${COMPLETO} FROM radica.radicados r ${ULTIMA} WHERE ${FILTROS} ORDER BY r.fecha_hora, r.numero`, this.parametros(a));
    return filas.map(completoDe);
  }

  async resumen(a: AlcanceConsulta): Promise<FilaResumen[]> {
    const filas = await this.consulta<Crudo>(`SELECT ${RESUMEN} FROM radica.radicados r ${ULTIMA} WHERE ${FILTROS} ORDER BY r.fecha_hora, r.numero`, this.parametros(a));
    return filas.map(resumenDe);
  }

  async tendencia(a: Omit<AlcanceConsulta, 'inicioMs' | 'finMs'>, semanas: readonly SemanaIso[]): Promise<PuntoTendencia[]> {
    if (semanas.length === 0) return [];
    const filas = await this.consulta<ConteosRevision & { semana: number }>(
      `SELECT ${POR_SEMANA} FROM radica.radicados r ${ULTIMA} WHERE ${FILTROS} GROUP BY 1`,
      this.parametros({ ...a, inicioMs: semanas[0]!.inicioMs, finMs: semanas.at(-1)!.finMs }),
    );
    return tendenciaDeConteos(new Map(filas.map(({ semana, ...c }) => [semana, c])), semanas);
  }

  async radicado(numero: string): Promise<(RadicadoRevisable & { anulado: boolean; fechaHora: number }) | null> {
    const filas = await this.consulta<Crudo>(
      `SELECT ${COMPLETO} FROM radica.radicados r ${ULTIMA} WHERE r.numero = $1 AND ($2::text[] IS NULL OR r.sede = ANY ($2))`,
      [numero, this.o.sedes ? [...this.o.sedes] : null],
    );
    const c = filas[0];
    return c ? { ...completoDe(c), anulado: c.anulado } : null;
  }

  /**
   * The period's radicados that came with their station's suggestions (stations of schema v5 on),
   * with the latest mark; each model named by origin and version, a station's own by its window.
   */
  async usosSugerencias(a: Omit<AlcanceConsulta, 'radicador'>): Promise<{ usos: UsoSugerencia[]; modelos: ModeloDeFuente[] }> {
    const filas = await this.consulta<CrudoUso>(
      `SELECT r.numero, r.sede, r.ventanilla, r.tipo, r.dependencia, s.tipo_modelo, s.tipo_sugerido, s.tipo_aceptado,
              s.dependencia_modelo, s.dependencia_sugerida, s.dependencia_aceptada,
              v.tipo_correcto, v.dependencia_correcta, v.uid IS NOT NULL AS revisado
         FROM radica.radicados r JOIN radica.sugerencias s ON s.numero = r.numero ${ULTIMA}
        WHERE ${FILTROS} ORDER BY r.fecha_hora, r.numero`,
      this.parametros({ inicioMs: a.inicioMs, finMs: a.finMs, sede: a.sede, ventanillas: a.ventanillas }),
    );
    const modelos = new Map<string, ModeloDeFuente>();
    const clave = (modelo: string | null, f: CrudoUso): string | null => {
      if (modelo === null) return null;
      const [origen, version] = modelo.split('/') as ['central' | 'local', string];
      const estacion = `Sede ${f.sede} · ventanilla ${f.ventanilla}`;
      // The entity's model is one for all windows; a station's own is only that window's.
      const k = origen === 'central' ? modelo : `${modelo}/${f.sede}-${f.ventanilla}`;
      // Version 0: a model the station no longer had when it sent the suggestion.
      if (!modelos.has(k) && version !== '0') modelos.set(k, { clave: k, origen, version: Number(version), ...(origen === 'local' ? { estacion } : {}) });
      return k;
    };
    const usos = filas.map((f): UsoSugerencia => {
      const tipo = clave(f.tipo_modelo, f);
      const dependencia = clave(f.dependencia_modelo, f);
      return {
        numero: f.numero,
        modelo: [tipo === null ? null : `tipo:${tipo}`, dependencia === null ? null : `dependencia:${dependencia}`].filter(Boolean).join(',') || 'frases',
        tipoSugerido: f.tipo_sugerido,
        tipoAceptado: f.tipo_aceptado,
        tipo: f.tipo,
        tipoCorregido: f.tipo_correcto,
        dependenciaSugerida: f.dependencia_sugerida,
        dependenciaAceptada: f.dependencia_aceptada,
        dependencia: f.dependencia,
        dependenciaCorregida: f.dependencia_correcta,
        revisado: f.revisado,
      };
    });
    // The entity's models first, then each window's, newest version first.
    const orden = [...modelos.values()].sort(
      (x, y) => (x.origen === y.origen ? 0 : x.origen === 'central' ? -1 : 1) || (x.estacion ?? '').localeCompare(y.estacion ?? '') || y.version - x.version,
    );
    return { usos, modelos: orden };
  }

  async marcar(m: MarcaRevision): Promise<void> {
    try {
      await this.consulta('SELECT radica.marcar_central($1::jsonb)', [JSON.stringify(m)]);
    } catch (err) {
      if ((err as { code?: string }).code === 'RDC05') throw new RadicaError('NO_ENCONTRADO', `No existe el radicado ${m.numero} en el servidor central.`);
      throw err;
    }
  }

  /** The stations of the coordinator's sedes as the central store last heard from them (IT's view). */
  async estaciones(): Promise<EstadoEstacionCentral[]> {
    return (await this.consulta<Parameters<typeof estadoDeFila>[0]>('SELECT * FROM radica.estado_estaciones()', [])).map(estadoDeFila);
  }

  async cerrar(): Promise<void> {
    await this.pool.end();
  }
}
