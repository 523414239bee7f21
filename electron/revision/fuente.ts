/**
 * Where the review reads radicados and writes marks. The station's SQLite store implements it now
 * (fuenteEstacion.ts); the central PostgreSQL store implements the same interface so that a
 * coordinator's review, reports and dashboard span every ventanilla of the sedes she may see.
 * Asynchronous because the central store is.
 */
import type { FilaResumen, MarcaRevision, PuntoTendencia, RadicadoRevisable, SemanaIso } from '../../shared/domain/revision';
import type { ModeloDeFuente, UsoSugerencia } from '../../shared/sugerencias/desempeno';

export interface AlcanceConsulta {
  /** Instants [inicioMs, finMs). */
  inicioMs: number;
  finMs: number;
  sede?: string;
  ventanillas?: readonly string[];
  /** Only this clerk's radicados (her own feedback). */
  radicador?: string;
}

export interface FuenteRevision {
  /** 'estacion': this station's radicados; 'central': every ventanilla of the coordinator's sedes. */
  readonly alcance: 'estacion' | 'central';
  /** Radicados in range, not annulled, oldest first, each with its latest mark. */
  radicados(a: AlcanceConsulta): Promise<RadicadoRevisable[]>;
  /** The same rows, compact (trends and dashboards read weeks of them). */
  resumen(a: AlcanceConsulta): Promise<FilaResumen[]>;
  /**
   * The figures of consecutive weeks (oldest first), counted by the store itself: a trend reads
   * eight weeks of radicados, too many rows to ship. Same rules as shared/revision/estadisticas.
   */
  tendencia(a: Omit<AlcanceConsulta, 'inicioMs' | 'finMs'>, semanas: readonly SemanaIso[]): Promise<PuntoTendencia[]>;
  /** One radicado by number (annulled ones included, with `anulado`), or null. */
  radicado(numero: string): Promise<(RadicadoRevisable & { anulado: boolean; fechaHora: number }) | null>;
  /**
   * The radicados of the range with what was suggested for each and their latest mark, and the
   * models those suggestions name, newest first (shared/sugerencias/desempeno.ts counts them).
   * Centrally, only radicados whose station reported its suggestions (a station of this version).
   * The sede and ventanillas narrow it as they narrow the report.
   */
  usosSugerencias(a: Omit<AlcanceConsulta, 'radicador'>): Promise<{ usos: UsoSugerencia[]; modelos: ModeloDeFuente[] }>;
  /** Records a mark (with its audit entry and its outbox row, where the store has them). */
  marcar(m: MarcaRevision): Promise<void>;
}
