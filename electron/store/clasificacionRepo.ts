import type { Db } from './db';
import type { ModeloVigente, Objetivo } from '../../shared/sugerencias';
import type { UsoSugerencia } from '../../shared/sugerencias/desempeno';

/** A stored model's row is exactly what `clasificador:estado` reports of it. */
export type FilaModelo = ModeloVigente;

export interface NuevaSugerencia {
  modelo: string;
  fuente: 'frases' | 'modelo' | 'mixto' | null;
  tipoSugerido: string | null;
  tipoProbabilidad: number | null;
  tipoAceptado: boolean | null;
  dependenciaSugerida: string | null;
  dependenciaProbabilidad: number | null;
  dependenciaAceptada: boolean | null;
  /** The full lists shown (top 3 of each), as JSON. */
  detalle: unknown;
}

export interface FilaSugerencia extends NuevaSugerencia {
  radicadoId: number;
}

export interface EjemploEtiquetado {
  texto: string;
  tipo: string | null;
  dependencia: string | null;
  peso: number;
}

type CrudoModelo = Omit<FilaModelo, 'metricas'> & { metricas: string };
const leerModelo = (c: CrudoModelo): FilaModelo => ({ ...c, metricas: JSON.parse(c.metricas) as Record<string, unknown> });
const COLUMNAS_MODELO = 'id, objetivo, origen, version, creado_en AS creadoEn, ejemplos, metricas';
// The model in use per objetivo: the newest central one (the entity's, trained on every station's
// radicados and the coordinators' marks) if the station has any, else the newest local one.
const EN_USO = "SELECT x.id FROM modelos x WHERE x.objetivo = ? ORDER BY x.origen = 'central' DESC, x.id DESC LIMIT 1";
const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const num = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

/** Models, suggestions recorded with each radicado, and imported training examples. */
export class ClasificacionRepo {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      ultimoId: db.prepare(EN_USO).pluck(),
      modelo: db.prepare(`SELECT ${COLUMNAS_MODELO}, contenido FROM modelos WHERE id = ?`),
      siguienteVersion: db.prepare("SELECT coalesce(max(version), 0) + 1 FROM modelos WHERE objetivo = ? AND origen = 'local'").pluck(),
      insertarModelo: db.prepare(
        "INSERT INTO modelos (objetivo, origen, version, creado_en, ejemplos, metricas, contenido) VALUES (?, 'local', ?, ?, ?, ?, ?)",
      ),
      vigentes: db.prepare(
        `SELECT ${COLUMNAS_MODELO} FROM modelos m WHERE m.id = (${EN_USO.replace('?', 'm.objetivo')}) ORDER BY objetivo`,
      ),
      contarModelos: db.prepare('SELECT count(*) FROM modelos').pluck(),
      insertarSugerencia: db.prepare(
        `INSERT INTO sugerencias (radicado_id, modelo, fuente, tipo_sugerido, tipo_probabilidad, tipo_aceptado,
           dependencia_sugerida, dependencia_probabilidad, dependencia_aceptada, detalle)
         VALUES (@radicadoId, @modelo, @fuente, @tipoSugerido, @tipoProbabilidad, @tipoAceptado,
           @dependenciaSugerida, @dependenciaProbabilidad, @dependenciaAceptada, @detalle)`,
      ),
      sugerencia: db.prepare(
        `SELECT s.radicado_id AS radicadoId, s.modelo, s.fuente, s.tipo_sugerido AS tipoSugerido, s.tipo_probabilidad AS tipoProbabilidad,
           s.tipo_aceptado AS tipoAceptado, s.dependencia_sugerida AS dependenciaSugerida,
           s.dependencia_probabilidad AS dependenciaProbabilidad, s.dependencia_aceptada AS dependenciaAceptada, s.detalle
         FROM sugerencias s JOIN radicados r ON r.id = s.radicado_id WHERE r.numero = ?`,
      ),
      radicados: db.prepare(
        // A coordinator's latest mark overrides the clerk's labels and weighs more (weekly review).
        `SELECT r.asunto AS texto, coalesce(v.tipo_correcto, r.tipo) AS tipo, coalesce(v.dependencia_correcta, r.dependencia) AS dependencia,
           v.id IS NOT NULL AS revisado
         FROM radicados r
         LEFT JOIN revisiones v ON v.id = (SELECT x.id FROM revisiones x WHERE x.radicado_id = r.id ORDER BY x.revisado_en DESC, x.id DESC LIMIT 1)
         WHERE NOT EXISTS (SELECT 1 FROM anulaciones an WHERE an.radicado_id = r.id) AND (r.demo = 0 OR ?)
         ORDER BY r.id DESC LIMIT ?`,
      ),
      usos: db.prepare(
        // Every radicado of the period (with or without a suggestion), and the latest review mark's
        // corrections: what the suggestions are judged against.
        `SELECT r.numero, s.modelo, s.tipo_sugerido AS tipoSugerido, s.tipo_aceptado AS tipoAceptado, r.tipo, v.tipo_correcto AS tipoCorregido,
           s.dependencia_sugerida AS dependenciaSugerida, s.dependencia_aceptada AS dependenciaAceptada, r.dependencia,
           v.dependencia_correcta AS dependenciaCorregida, v.id IS NOT NULL AS revisado
         FROM radicados r
         JOIN series se ON se.id = r.serie_id
         LEFT JOIN sugerencias s ON s.radicado_id = r.id
         LEFT JOIN revisiones v ON v.id = (SELECT x.id FROM revisiones x WHERE x.radicado_id = r.id ORDER BY x.revisado_en DESC, x.id DESC LIMIT 1)
         WHERE r.fecha_hora >= :inicio AND r.fecha_hora < :fin AND (r.demo = 0 OR :demo)
           AND NOT EXISTS (SELECT 1 FROM anulaciones an WHERE an.radicado_id = r.id)
           AND (:sede IS NULL OR se.sede = :sede)
           AND (:ventanillas IS NULL OR se.ventanilla IN (SELECT value FROM json_each(:ventanillas)))
         ORDER BY r.id`,
      ),
      modelosSinContenido: db.prepare('SELECT id, origen, version FROM modelos ORDER BY id DESC'),
      hayReales: db.prepare('SELECT EXISTS (SELECT 1 FROM radicados WHERE demo = 0)').pluck(),
      maxRadicado: db.prepare('SELECT coalesce(max(id), 0) FROM radicados').pluck(),
      radicadosDesde: db.prepare('SELECT count(*) FROM radicados WHERE id > ?').pluck(),
      revisionesDesde: db.prepare('SELECT count(*) FROM revisiones WHERE id > ?').pluck(),
      maxRevision: db.prepare('SELECT coalesce(max(id), 0) FROM revisiones').pluck(),
      insertarEjemplo: db.prepare('INSERT INTO ejemplos_importados (texto, tipo, dependencia, peso, origen, importado_en) VALUES (?, ?, ?, ?, ?, ?)'),
      importados: db.prepare('SELECT texto, tipo, dependencia, peso FROM ejemplos_importados ORDER BY id DESC LIMIT ?'),
      contarImportados: db.prepare('SELECT count(*) FROM ejemplos_importados').pluck(),
    };
  }

  /** The id of the objetivo's model in use: a cheap query, run on every suggestion to notice a new model from another process or the central store. */
  ultimoModeloId(objetivo: Objetivo): number | null {
    return (this.stmts.ultimoId.get(objetivo) as number | undefined) ?? null;
  }

  modelo(id: number): (FilaModelo & { contenido: Buffer }) | null {
    const c = this.stmts.modelo.get(id) as (CrudoModelo & { contenido: Buffer }) | undefined;
    return c ? { ...leerModelo(c), contenido: c.contenido } : null;
  }

  /** A new version of the objetivo's local model (numbered under the write lock: concurrent trainers never clash). */
  guardarModelo(m: { objetivo: Objetivo; creadoEn: number; ejemplos: number; metricas: Record<string, unknown>; contenido: Uint8Array }): FilaModelo {
    return this.db
      .transaction(() => {
        const version = this.stmts.siguienteVersion.get(m.objetivo) as number;
        const r = this.stmts.insertarModelo.run(m.objetivo, version, m.creadoEn, m.ejemplos, JSON.stringify(m.metricas), Buffer.from(m.contenido));
        return { id: Number(r.lastInsertRowid), objetivo: m.objetivo, origen: 'local' as const, version, creadoEn: m.creadoEn, ejemplos: m.ejemplos, metricas: m.metricas };
      })
      .immediate();
  }

  vigentes(): FilaModelo[] {
    return (this.stmts.vigentes.all() as CrudoModelo[]).map(leerModelo);
  }

  /** Inside the radicación transaction. */
  guardarSugerencia(radicadoId: number, s: NuevaSugerencia): void {
    this.stmts.insertarSugerencia.run({
      radicadoId,
      modelo: s.modelo,
      fuente: s.fuente,
      tipoSugerido: s.tipoSugerido,
      tipoProbabilidad: s.tipoProbabilidad,
      tipoAceptado: num(s.tipoAceptado),
      dependenciaSugerida: s.dependenciaSugerida,
      dependenciaProbabilidad: s.dependenciaProbabilidad,
      dependenciaAceptada: num(s.dependenciaAceptada),
      detalle: JSON.stringify(s.detalle),
    });
  }

  sugerenciaDe(numero: string): FilaSugerencia | null {
    const c = this.stmts.sugerencia.get(numero) as
      | (Omit<FilaSugerencia, 'tipoAceptado' | 'dependenciaAceptada' | 'detalle'> & { tipoAceptado: number | null; dependenciaAceptada: number | null; detalle: string })
      | undefined;
    if (!c) return null;
    return { ...c, tipoAceptado: bool(c.tipoAceptado), dependenciaAceptada: bool(c.dependenciaAceptada), detalle: JSON.parse(c.detalle) as unknown };
  }

  /**
   * The newest radicados as training examples, annulled ones excluded, with the reviewers'
   * corrections applied: a reviewed radicado (right or corrected) weighs `pesoRevisado`. Demo rows
   * only when there is nothing else, neither a real radicado nor an imported example (a demo
   * station still learns something; an entity's imported history must not learn from invented
   * citizens), as in the central store.
   */
  ejemplosRadicados(limite: number, pesoRevisado: number): { ejemplos: EjemploEtiquetado[]; demo: boolean; revisados: number } {
    const demo = this.stmts.hayReales.get() === 0 && this.contarImportados() === 0;
    const filas = this.stmts.radicados.all(demo ? 1 : 0, limite) as { texto: string; tipo: string; dependencia: string; revisado: number }[];
    let revisados = 0;
    const ejemplos = filas.map(({ revisado, ...f }) => {
      if (revisado) revisados++;
      return { ...f, peso: revisado ? pesoRevisado : 1 };
    });
    return { ejemplos, demo: demo && ejemplos.length > 0, revisados };
  }

  /**
   * The radicados of [inicioMs, finMs) with their suggestions and final labels, annulled ones
   * excluded; demo rows only at a station that has nothing else (as for training).
   */
  usosSugerencias(a: { inicioMs: number; finMs: number; sede?: string; ventanillas?: readonly string[] }): UsoSugerencia[] {
    const demo = this.stmts.hayReales.get() === 0;
    type Crudo = Omit<UsoSugerencia, 'tipoAceptado' | 'dependenciaAceptada' | 'revisado'> & {
      tipoAceptado: number | null;
      dependenciaAceptada: number | null;
      revisado: number;
    };
    const filtro = {
      inicio: a.inicioMs,
      fin: a.finMs,
      demo: demo ? 1 : 0,
      sede: a.sede ?? null,
      ventanillas: a.ventanillas && a.ventanillas.length > 0 ? JSON.stringify(a.ventanillas) : null,
    };
    return (this.stmts.usos.all(filtro) as Crudo[]).map((c) => ({
      ...c,
      tipoAceptado: bool(c.tipoAceptado),
      dependenciaAceptada: bool(c.dependenciaAceptada),
      revisado: c.revisado === 1,
    }));
  }

  /** Every stored model's id, origin and version, newest first: names for the models recorded with old suggestions. */
  modelosGuardados(): Pick<FilaModelo, 'id' | 'origen' | 'version'>[] {
    return this.stmts.modelosSinContenido.all() as Pick<FilaModelo, 'id' | 'origen' | 'version'>[];
  }

  /** Marks since the last model: enough of them retrain it, so corrections reach the suggestions. */
  revisionesDesde(id: number): number {
    return this.stmts.revisionesDesde.get(id) as number;
  }

  maxRevisionId(): number {
    return this.stmts.maxRevision.get() as number;
  }

  maxRadicadoId(): number {
    return this.stmts.maxRadicado.get() as number;
  }

  radicadosDesde(id: number): number {
    return this.stmts.radicadosDesde.get(id) as number;
  }

  importar(filas: EjemploEtiquetado[], origen: string, en: number): number {
    return this.db
      .transaction(() => {
        for (const f of filas) this.stmts.insertarEjemplo.run(f.texto, f.tipo, f.dependencia, f.peso, origen, en);
        return filas.length;
      })
      .immediate();
  }

  ejemplosImportados(limite: number): EjemploEtiquetado[] {
    return this.stmts.importados.all(limite) as EjemploEtiquetado[];
  }

  contarImportados(): number {
    return this.stmts.contarImportados.get() as number;
  }
}
