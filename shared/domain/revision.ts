/**
 * The weekly misclassification review (DOMAIN.md): ISO weeks in Bogota, the coordinator's marks,
 * the risk-ranked queue, the weekly report and the dashboard. Types and pure week arithmetic only;
 * the figures are computed in shared/revision, the rows come through electron/revision.
 */
import { addDays, bogotaDate, bogotaInstant, ISO_DATE, weekday } from './bogota';
import type { UnidadTermino } from './catalog';
import type { DesempenoSugerencias } from '../sugerencias/desempeno';

export const VEREDICTOS = ['correcto', 'incorrecto'] as const;
export type Veredicto = (typeof VEREDICTOS)[number];

/** An ISO week (Monday to Sunday) in America/Bogota. */
export interface SemanaIso {
  /** '2026-W47' */
  semana: string;
  /** Monday and Sunday, 'YYYY-MM-DD'. */
  desde: string;
  hasta: string;
  /** Instants [inicioMs, finMs): Monday 00:00 to the next Monday 00:00, Bogota. */
  inicioMs: number;
  finMs: number;
}

export const SEMANA_ISO = /^(\d{4})-W(\d{2})$/;

/** Monday of the ISO week holding the civil date. */
function lunesDe(isoDate: string): string {
  const d = weekday(isoDate); // 0 = Sunday
  return addDays(isoDate, -((d + 6) % 7));
}

/** The ISO week-numbering year and week of a civil date (the week's Thursday decides the year). */
export function semanaDeFecha(isoDate: string): string {
  const jueves = addDays(lunesDe(isoDate), 3);
  const anio = Number(jueves.slice(0, 4));
  const primerJueves = addDays(lunesDe(`${anio}-01-04`), 3);
  const dias = Math.round((Date.parse(`${jueves}T00:00:00Z`) - Date.parse(`${primerJueves}T00:00:00Z`)) / 86_400_000);
  return `${anio}-W${String(dias / 7 + 1).padStart(2, '0')}`;
}

export function semanaDeInstante(instantMs: number): string {
  return semanaDeFecha(bogotaDate(instantMs));
}

/** Weeks in an ISO year: 53 when 28 December falls in week 53. */
function semanasDelAnio(anio: number): number {
  return Number(semanaDeFecha(`${anio}-12-28`).slice(6));
}

export class ErrorSemana extends Error {}

/**
 * '2026-W47', 'actual' or 'anterior' (relative to `ahoraMs`). A week that does not exist
 * (2026-W54, 2026-W00) is refused with a message the coordinator can act on.
 */
export function semanaIso(texto: string, ahoraMs: number): SemanaIso {
  const t = texto.trim().toUpperCase();
  let codigo: string;
  if (t === 'ACTUAL') codigo = semanaDeInstante(ahoraMs);
  else if (t === 'ANTERIOR') codigo = semanaDeInstante(ahoraMs - 7 * 86_400_000);
  else codigo = t;
  const m = SEMANA_ISO.exec(codigo);
  if (!m) throw new ErrorSemana(`Semana: escriba la semana ISO como 2026-W47, o «actual» (recibido «${texto}»).`);
  const anio = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > semanasDelAnio(anio)) throw new ErrorSemana(`Semana: el año ${anio} tiene semanas de la 01 a la ${semanasDelAnio(anio)}.`);
  const primerLunes = lunesDe(`${anio}-01-04`);
  const desde = addDays(primerLunes, (n - 1) * 7);
  const hasta = addDays(desde, 6);
  return { semana: codigo, desde, hasta, inicioMs: bogotaInstant(desde), finMs: bogotaInstant(addDays(desde, 7)) };
}

/** The `n` weeks ending with `semana`, oldest first. */
export function semanasHasta(semana: SemanaIso, n: number): SemanaIso[] {
  const out: SemanaIso[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const desde = addDays(semana.desde, -7 * i);
    out.push(semanaIso(semanaDeFecha(desde), 0));
  }
  return out;
}

export function esFechaIso(s: string): boolean {
  return ISO_DATE.test(s);
}

/** A coordinator's mark on a radicado. The latest mark of a radicado is the one that counts. */
export interface MarcaRevision {
  uid: string;
  numero: string;
  veredicto: Veredicto;
  /** The right tipo when the clerk's was wrong; null when it was right. */
  tipoCorrecto: string | null;
  dependenciaCorrecta: string | null;
  observacion: string | null;
  revisor: string;
  revisorNombre: string;
  revisadoEn: number;
}

export type ModoCola = 'todo' | 'muestra' | 'riesgo';

/** One radicado in the review queue. */
export interface ItemRevision {
  numero: string;
  fechaHora: number;
  sede: string;
  ventanilla: string;
  radicador: string;
  radicadorNombre: string;
  canal: string;
  asunto: string;
  tipo: string;
  tipoNombre: string;
  dependencia: string;
  dependenciaNombre: string;
  /** "15 días hábiles", as the clerk's tipo set it. */
  termino: string;
  venceEl: string | null;
  /** 0 (nothing suspicious) to 1. */
  riesgo: number;
  /** Why it is risky, in Spanish, most telling first. */
  motivos: string[];
  /** What the classifier thinks now (top tipo and dependencia with probability). */
  clasificador: { tipo: { codigo: string; probabilidad: number } | null; dependencia: { codigo: string; probabilidad: number } | null };
  marca: MarcaRevision | null;
}

export interface ColaRevision {
  semana: SemanaIso;
  modo: ModoCola;
  /** Radicados of the week in the chosen sede and ventanillas (the queue may hold fewer: a sample). */
  total: number;
  revisados: number;
  /** Every sede and ventanilla with radicados that week, for the filter. */
  ventanillas: { sede: string; ventanilla: string }[];
  items: ItemRevision[];
}

/** The result of marking: the mark, and what the corrected tipo would have meant for the term. */
export interface ResultadoMarca {
  marca: MarcaRevision;
  /** "Con TUT · Acción de tutela: 10 días hábiles, vencía el 03/12/2026 (se radicó con 15 días hábiles, 11/12/2026)". */
  terminoCorrecto: string | null;
}

/** The figures of a row of the weekly report. */
export interface FigurasRevision {
  radicados: number;
  revisados: number;
  erroresClasificacion: number;
  erroresDireccionamiento: number;
  /** Reviewed radicados with at least one error ÷ reviewed (0 when nothing was reviewed). */
  tasaError: number;
}

export interface FilaVentanilla extends FigurasRevision {
  sede: string;
  ventanilla: string;
}

export interface FilaFuncionario extends FigurasRevision {
  funcionario: string;
  nombre: string;
  sede: string;
  ventanilla: string;
}

export interface Confusion {
  de: string;
  a: string;
  cantidad: number;
}

export interface ObservacionInforme {
  numero: string;
  fechaHora: number;
  sede: string;
  ventanilla: string;
  funcionario: string;
  nombre: string;
  veredicto: Veredicto;
  tipo: string;
  tipoCorrecto: string | null;
  dependencia: string;
  dependenciaCorrecta: string | null;
  observacion: string;
  revisorNombre: string;
  revisadoEn: number;
}

export interface PuntoTendencia extends FigurasRevision {
  semana: string;
  desde: string;
}

export interface InformeSemanal {
  semana: string;
  desde: string;
  hasta: string;
  entidad: string;
  /** Sedes covered ('01', …). */
  sedes: string[];
  generadoEn: number;
  /** Who signs the report (the reviewer who generated it). */
  firmadoPor: string;
  totales: FigurasRevision;
  ventanillas: FilaVentanilla[];
  funcionarios: FilaFuncionario[];
  /** Tipo filed (de) → tipo the reviewer said was right (a). */
  confusion: Confusion[];
  /** Dependencia filed → dependencia that was right. */
  direccionamiento: Confusion[];
  observaciones: ObservacionInforme[];
  /** The last 8 weeks, oldest first, ending with this one. */
  tendencia: PuntoTendencia[];
  /**
   * How the station's suggestions did on the week's radicados, judged against the review
   * (shared/sugerencias/desempeno.ts): the classifier's share of the week's errors.
   */
  sugerencias: SugerenciasInforme;
  /** Names of the codes used above, for readers of the report. */
  nombres: { tipos: Record<string, string>; dependencias: Record<string, string> };
}

export type SugerenciasInforme = Pick<DesempenoSugerencias, 'alcance' | 'radicados' | 'objetivos'>;

export const FORMATOS_INFORME = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type FormatoInforme = (typeof FORMATOS_INFORME)[number];

/** A radicador's own results: nothing about other clerks. */
export interface Retroalimentacion {
  funcionario: string;
  nombre: string;
  semanas: PuntoTendencia[];
  observaciones: ObservacionInforme[];
}

export interface Conteo {
  codigo: string;
  nombre: string;
  cantidad: number;
}

/** The coordinator's dashboard over a range of weeks. */
export interface Tablero {
  desde: string;
  hasta: string;
  semanas: string[];
  porTipo: Conteo[];
  porCanal: Conteo[];
  porDependencia: Conteo[];
  porVentanilla: Conteo[];
  /** Per week, oldest first: volume and error rate. */
  serie: PuntoTendencia[];
}

/** What the figures need of a radicado (compact: weeks of them are read for trends). */
export interface FilaResumen {
  fechaHora: number;
  sede: string;
  ventanilla: string;
  radicador: string;
  radicadorNombre: string;
  canal: string;
  tipo: string;
  dependencia: string;
  marca: Pick<MarcaRevision, 'veredicto' | 'tipoCorrecto' | 'dependenciaCorrecta'> | null;
}

/** A radicado as the review reads it: the compact row plus what the reviewer looks at. */
export interface RadicadoRevisable extends FilaResumen {
  numero: string;
  asunto: string;
  termino: number | null;
  unidadTermino: UnidadTermino;
  venceEl: string | null;
  venceEn: number | null;
  marca: MarcaRevision | null;
}
