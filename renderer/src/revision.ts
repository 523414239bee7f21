/**
 * Pure helpers of the weekly review screens (Revisión, Informes, Tablero, Mi retroalimentación):
 * es-CO formatting, ISO-week navigation, the review keys, the payload of a mark and chart scales.
 * No DOM, no React: tested in test/renderer/revision.test.ts.
 */
import { addDays, formatFecha, formatFechaHora } from '../../shared/domain/bogota';
import { SEMANA_ISO, semanaDeFecha, semanaDeInstante, semanaIso } from '../../shared/domain/revision';
import type { ItemRevision, MarcaRevision } from '../../shared/domain/revision';
import type { MarcarRevisionInput } from '../../shared/ipc/contract';

const NBSP = '\u00a0';

// ---------- Numbers ----------

/** 1234 → "1234", 12345 → "12.345", 2.5 → "2,5" (es-CO). */
export function formatNumero(n: number): string {
  return n.toLocaleString('es-CO', { maximumFractionDigits: 1 });
}

/** 0.125 → "12,5 %" (es-CO, non-breaking space before the sign). */
export function formatPorcentaje(p: number, decimales = 1): string {
  if (!Number.isFinite(p)) return '—';
  return `${(p * 100).toLocaleString('es-CO', { maximumFractionDigits: decimales })}${NBSP}%`;
}

// ---------- ISO weeks ----------

/** '2026-w47 ' → '2026-W47' when that week exists; null otherwise. */
export function normalizarSemana(texto: string): string | null {
  const t = texto.trim().toUpperCase();
  if (!SEMANA_ISO.test(t)) return null;
  try {
    return semanaIso(t, 0).semana;
  } catch {
    return null;
  }
}

/** The week `delta` weeks after (or before, when negative) an ISO week: '2026-W01', -1 → '2025-W52'. */
export function semanaVecina(semana: string, delta: number): string {
  const s = semanaIso(semana, 0);
  return semanaDeFecha(addDays(s.desde, 7 * delta));
}

/** The week before the one holding `ahoraMs` (Bogotá): what the coordinator reviews on Monday. */
export function semanaAnterior(ahoraMs: number): string {
  return semanaDeInstante(ahoraMs - 7 * 86_400_000);
}

/** '2026-W47' → "16/11/2026 al 22/11/2026". */
export function rangoSemana(semana: string): string {
  const s = semanaIso(semana, 0);
  return `${formatFecha(s.desde)} al ${formatFecha(s.hasta)}`;
}

/** '2026-W47' → "semana 47 de 2026". */
export function nombreSemana(semana: string): string {
  const m = SEMANA_ISO.exec(semana);
  return m ? `semana ${Number(m[2])} de ${m[1]}` : semana;
}

// ---------- The review keys ----------

export type AccionTecla = 'siguiente' | 'anterior' | 'primero' | 'ultimo' | 'correcto' | 'tipo' | 'dependencia' | 'observacion';

export interface Tecla {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

const TECLAS: Record<string, AccionTecla> = {
  ArrowDown: 'siguiente',
  j: 'siguiente',
  ArrowUp: 'anterior',
  k: 'anterior',
  Home: 'primero',
  End: 'ultimo',
  c: 'correcto',
  t: 'tipo',
  d: 'dependencia',
  o: 'observacion',
};

/** ↓/J next, ↑/K previous, Inicio/Fin, C correcto, T tipo, D dependencia, O observación. Modifiers never. */
export function accionDeTecla(t: Tecla): AccionTecla | null {
  if (t.altKey || t.ctrlKey || t.metaKey) return null;
  const key = t.key.length === 1 ? t.key.toLowerCase() : t.key;
  return TECLAS[key] ?? null;
}

/** Single-letter keys are left alone while the coordinator types in a field. */
export function esEditable(el: { tagName: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((el.type ?? 'text').toLowerCase());
}

/** Where a movement key leads in a list of `n` items (stays inside the list). */
export function moverIndice(actual: number, n: number, accion: 'siguiente' | 'anterior' | 'primero' | 'ultimo'): number {
  if (n <= 0) return -1;
  switch (accion) {
    case 'siguiente':
      return Math.min(actual + 1, n - 1);
    case 'anterior':
      return Math.max(actual - 1, 0);
    case 'primero':
      return 0;
    case 'ultimo':
      return n - 1;
  }
}

/** The first unmarked item after `desde`, wrapping around; -1 when every item is marked. */
export function siguienteSinMarca(items: readonly { marca: unknown }[], desde: number): number {
  const n = items.length;
  for (let paso = 1; paso <= n; paso++) {
    const i = (desde + paso) % n;
    if (!items[i]!.marca) return i;
  }
  return -1;
}

export interface Progreso {
  revisados: number;
  total: number;
  texto: string;
}

/** "12 de 40 revisados". */
export function progreso(items: readonly { marca: unknown }[]): Progreso {
  const revisados = items.filter((i) => i.marca).length;
  return { revisados, total: items.length, texto: `${revisados} de ${items.length} revisados` };
}

// ---------- Marks ----------

export type CambioMarca =
  | { accion: 'correcto' }
  | { accion: 'tipo'; codigo: string }
  | { accion: 'dependencia'; codigo: string }
  | { accion: 'observacion'; texto: string };

/**
 * The payload of `revision:marcar`. The latest mark is the one that counts, so a correction keeps
 * what the previous mark said about the other field and its observation; `pendiente` is an
 * observation written before the item had a mark. An observation alone on an unmarked item gives
 * null: it waits for C, T or D.
 */
export function entradaMarca(item: Pick<ItemRevision, 'numero' | 'marca'>, cambio: CambioMarca, pendiente: string | null = null): MarcarRevisionInput | null {
  const previa = item.marca;
  const obs = (t: string | null | undefined) => (t && t.trim() ? t.trim() : null);
  const observacion = obs(pendiente) ?? obs(previa?.observacion);
  const incorrecta = previa?.veredicto === 'incorrecto' ? previa : null;
  switch (cambio.accion) {
    case 'correcto':
      return { numero: item.numero, veredicto: 'correcto', tipoCorrecto: null, dependenciaCorrecta: null, observacion };
    case 'tipo':
      return { numero: item.numero, veredicto: 'incorrecto', tipoCorrecto: cambio.codigo, dependenciaCorrecta: incorrecta?.dependenciaCorrecta ?? null, observacion };
    case 'dependencia':
      return { numero: item.numero, veredicto: 'incorrecto', tipoCorrecto: incorrecta?.tipoCorrecto ?? null, dependenciaCorrecta: cambio.codigo, observacion };
    case 'observacion':
      if (!previa) return null;
      return {
        numero: item.numero,
        veredicto: previa.veredicto,
        tipoCorrecto: previa.tipoCorrecto,
        dependenciaCorrecta: previa.dependenciaCorrecta,
        observacion: obs(cambio.texto),
      };
  }
}

/** "Sin revisar", "Correcto", "Tipo incorrecto → TUT; dependencia incorrecta → 110". */
export function describirMarca(m: Pick<MarcaRevision, 'veredicto' | 'tipoCorrecto' | 'dependenciaCorrecta'> | null): string {
  if (!m) return 'Sin revisar';
  if (m.veredicto === 'correcto') return 'Correcto';
  const partes: string[] = [];
  if (m.tipoCorrecto) partes.push(`tipo incorrecto → ${m.tipoCorrecto}`);
  if (m.dependenciaCorrecta) partes.push(`dependencia incorrecta → ${m.dependenciaCorrecta}`);
  const texto = partes.join('; ') || 'incorrecto';
  return texto.charAt(0).toUpperCase() + texto.slice(1);
}

export type CampoCorreccion = 'tipo' | 'dependencia';

/** What the combobox opens with: the earlier correction, else the classifier's choice when it differs from the clerk's. */
export function preseleccion(campo: CampoCorreccion, item: Pick<ItemRevision, 'tipo' | 'dependencia' | 'clasificador' | 'marca'>): string | null {
  const previa = campo === 'tipo' ? item.marca?.tipoCorrecto : item.marca?.dependenciaCorrecta;
  if (previa) return previa;
  const sugerido = item.clasificador[campo]?.codigo ?? null;
  const delFuncionario = campo === 'tipo' ? item.tipo : item.dependencia;
  return sugerido && sugerido !== delFuncionario ? sugerido : null;
}

/** A correction must name a code, and a different one from the clerk's. */
export function errorCorreccion(campo: CampoCorreccion, item: Pick<ItemRevision, 'tipo' | 'dependencia'>, valor: string | null): string | null {
  if (!valor) return campo === 'tipo' ? 'Elija el tipo documental correcto.' : 'Elija la dependencia correcta.';
  const actual = campo === 'tipo' ? item.tipo : item.dependencia;
  if (valor === actual) {
    return campo === 'tipo'
      ? `El radicado ya tiene el tipo ${actual}: si está bien clasificado, pulse C (correcto).`
      : `El radicado ya va a la dependencia ${actual}: si está bien direccionado, pulse C (correcto).`;
  }
  return null;
}

/** The accessible name of an item in the list: what a screen reader says on ↓/↑. */
export function resumenItem(item: Pick<ItemRevision, 'numero' | 'fechaHora' | 'radicadorNombre' | 'tipo' | 'dependencia' | 'riesgo' | 'marca'>): string {
  return [
    item.numero,
    formatFechaHora(item.fechaHora),
    item.radicadorNombre,
    `tipo ${item.tipo}`,
    `dependencia ${item.dependencia}`,
    `riesgo ${formatPorcentaje(item.riesgo, 0)}`,
    describirMarca(item.marca),
  ].join(', ');
}

/** 'alto' from 0.66, 'medio' from 0.33: the bar's colour, never the only cue (the percentage is written). */
export function nivelRiesgo(riesgo: number): 'alto' | 'medio' | 'bajo' {
  return riesgo >= 0.66 ? 'alto' : riesgo >= 0.33 ? 'medio' : 'bajo';
}

// ---------- Which ventanillas ----------

export interface VentanillaRef {
  sede: string;
  ventanilla: string;
}

export const claveVentanilla = (v: VentanillaRef): string => `${v.sede}-${v.ventanilla}`;

export const nombreVentanilla = (v: VentanillaRef): string => `Sede ${v.sede} · Ventanilla ${v.ventanilla}`;

/**
 * The router's scope for the checked ventanillas: nothing when all are checked, a sede and its
 * ventanillas when they share one, the ventanilla codes otherwise; null when none is checked.
 */
export function alcanceDe(todas: readonly VentanillaRef[], elegidas: ReadonlySet<string>): { sede?: string; ventanillas?: string[] } | null {
  const sel = todas.filter((v) => elegidas.has(claveVentanilla(v)));
  if (todas.length === 0 || sel.length === todas.length) return {};
  if (sel.length === 0) return null;
  const codigos = [...new Set(sel.map((v) => v.ventanilla))].sort();
  const sedes = [...new Set(sel.map((v) => v.sede))];
  return sedes.length === 1 ? { sede: sedes[0]!, ventanillas: codigos } : { ventanillas: codigos };
}

// ---------- Charts ----------

/** A round upper bound for an axis: 1, 2, 2.5 or 5 × 10^k, at least the largest value (1 when all are 0). */
export function maximoEscala(valores: readonly number[]): number {
  const max = Math.max(0, ...valores.filter(Number.isFinite));
  if (max <= 0) return 1;
  const base = 10 ** Math.floor(Math.log10(max));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * base >= max - 1e-9) return f * base;
  return 10 * base;
}

/**
 * Evenly spaced axis marks from 0 to `max` (a maximoEscala value), with round steps: 50 → every
 * 10, 25 → every 5, 20 → every 5, 100 → every 20.
 */
export function marcasEje(max: number, n?: number): number[] {
  let pasos = n;
  if (pasos === undefined) {
    const f = max / 10 ** Math.floor(Math.log10(max || 1));
    pasos = Math.abs(f - 2) < 1e-9 ? 4 : 5;
  }
  return Array.from({ length: pasos + 1 }, (_, i) => (max * i) / pasos);
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The line of a weekly series with holes: one polyline per run of weeks that have a value (a week
 * with nothing reviewed has no error rate, and drawing it as 0 % would lie). `paso` is the distance
 * between weeks; x starts at 0.
 */
export function tramosLinea(valores: readonly (number | null)[], paso: number, alto: number, max: number): { x: number; y: number }[][] {
  const tramos: { x: number; y: number }[][] = [];
  let actual: { x: number; y: number }[] = [];
  valores.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (actual.length) tramos.push(actual);
      actual = [];
      return;
    }
    actual.push({ x: round(i * paso), y: round(alto - (Math.max(0, v) / (max || 1)) * alto) });
  });
  if (actual.length) tramos.push(actual);
  return tramos;
}

// ---------- Files ----------

/** The report's bytes from the router's base64. */
export function bytesDeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
