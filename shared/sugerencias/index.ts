/**
 * Suggestions of tipo documental and dependencia for what the clerk typed: the catalog's
 * high-precision phrases (cold start: an entity with no history still gets useful suggestions)
 * combined with the learned models, which take over as data accumulates. Pure: the caller passes
 * the models' predictions in.
 */
import type { Catalogo } from '../domain/catalog';

export type Objetivo = 'tipo' | 'dependencia';
export const OBJETIVOS: readonly Objetivo[] = ['tipo', 'dependencia'];
/** How the screens and the CLI name each objetivo. */
export const NOMBRE_OBJETIVO: Record<Objetivo, string> = { tipo: 'Tipo documental', dependencia: 'Dependencia' };

/** Which source produced a suggestion list. */
export type FuenteSugerencia = 'frases' | 'modelo' | 'mixto';

export interface Puntaje {
  codigo: string;
  probabilidad: number;
}

/** Lowercase, no accents, letters and digits only, one space between words. */
export function normalizarFrase(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Words that say nothing about the tipo or the dependencia: "copia de" weighs as much as "copia".
const VACIAS = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y', 'a', 'al', 'en', 'por', 'para', 'con', 'su', 'sus', 'un', 'una', 'que', 'me', 'se', 'o']);

interface FraseCompilada {
  /** ' acción de tutela ' normalised and padded: matched on word boundaries. */
  patron: string;
  codigo: string;
  peso: number;
  /** As the catalog writes it ("acción de tutela"), to tell the clerk why. */
  texto: string;
}

export interface IndiceFrases {
  version: number;
  tipo: FraseCompilada[];
  dependencia: FraseCompilada[];
}

/** A phrase of two or more content words ("acción de tutela") is specific: it may overrule the model. */
export const PESO_ESPECIFICO = 2;

function pesoDe(normalizada: string): number {
  const contenido = normalizada.split(' ').filter((w) => !VACIAS.has(w)).length;
  return Math.max(1, Math.min(3, contenido));
}

function compilar(entradas: { codigo: string; activo: boolean; frases: string[] }[]): FraseCompilada[] {
  const out: FraseCompilada[] = [];
  for (const e of entradas) {
    if (!e.activo) continue;
    const vistas = new Set<string>();
    for (const texto of e.frases) {
      const f = normalizarFrase(texto);
      if (!f || vistas.has(f)) continue;
      vistas.add(f);
      out.push({ patron: ` ${f} `, codigo: e.codigo, peso: pesoDe(f), texto: texto.trim() });
    }
  }
  return out;
}

export function indiceFrases(catalogo: Catalogo): IndiceFrases {
  return { version: catalogo.version, tipo: compilar(catalogo.tipos), dependencia: compilar(catalogo.dependencias) };
}

export interface PuntajeFrases {
  /** Best first; probability = score / (total score + 1): one weak phrase alone is a guess, not a certainty. */
  puntajes: Puntaje[];
  /** A specific phrase matched (see PESO_ESPECIFICO). */
  especifica: boolean;
  /** The phrases found, as the catalog writes them, with the code each points to. */
  encontradas: { codigo: string; frase: string }[];
}

/** Phrases of the catalog found in the text, accent- and case-insensitive, on word boundaries. */
export function puntuarFrases(indice: IndiceFrases, objetivo: Objetivo, textoNormalizado: string): PuntajeFrases {
  const t = ` ${textoNormalizado} `;
  const suma = new Map<string, number>();
  let especifica = false;
  const encontradas: PuntajeFrases['encontradas'] = [];
  for (const f of indice[objetivo]) {
    if (!t.includes(f.patron)) continue;
    suma.set(f.codigo, (suma.get(f.codigo) ?? 0) + f.peso);
    if (f.peso >= PESO_ESPECIFICO) especifica = true;
    encontradas.push({ codigo: f.codigo, frase: f.texto });
  }
  let total = 0;
  for (const v of suma.values()) total += v;
  const puntajes = [...suma].map(([codigo, s]) => ({ codigo, probabilidad: s / (total + 1) })).sort(porProbabilidad);
  return { puntajes, especifica, encontradas };
}

function porProbabilidad(a: Puntaje, b: Puntaje): number {
  return b.probabilidad - a.probabilidad || (a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0);
}

export interface OpcionesCombinacion {
  /** Training examples of the model: its weight is min(1, ejemplos / ejemplosPlenos). */
  ejemplosPlenos: number;
  /** With a specific phrase in the text the model's weight is at most this. */
  pesoMaximoConFraseEspecifica: number;
  /** Suggestions under this probability are not shown. */
  umbral: number;
  k: number;
}

export const COMBINACION_POR_DEFECTO: OpcionesCombinacion = { ejemplosPlenos: 500, pesoMaximoConFraseEspecifica: 0.3, umbral: 0.15, k: 3 };

export interface Combinado {
  puntajes: Puntaje[];
  fuente: FuenteSugerencia | null;
  /** The weight the model had in this suggestion (0 when phrases alone answered). */
  pesoModelo: number;
}

/**
 * Phrases and model: p = w·p_modelo + (1 − w)·p_frases with w = min(1, ejemplos/500), capped when a
 * specific phrase is present (a tutela stays a tutela whatever the model learnt). With no phrase
 * in the text the model answers alone; with no model, the phrases. `validos` filters out codes no
 * longer active in the catalog.
 */
export function combinar(
  frases: PuntajeFrases,
  modelo: { predicciones: Puntaje[]; ejemplos: number } | null,
  validos: ReadonlySet<string>,
  opciones: Partial<OpcionesCombinacion> = {},
): Combinado {
  const o = { ...COMBINACION_POR_DEFECTO, ...opciones };
  const hayFrases = frases.puntajes.length > 0;
  const hayModelo = modelo !== null && modelo.predicciones.length > 0;
  let w = 0;
  let fuente: FuenteSugerencia | null = null;
  if (hayModelo && hayFrases) {
    w = Math.min(1, modelo.ejemplos / o.ejemplosPlenos);
    if (frases.especifica) w = Math.min(w, o.pesoMaximoConFraseEspecifica);
    fuente = w === 0 ? 'frases' : 'mixto';
  } else if (hayModelo) {
    w = 1;
    fuente = 'modelo';
  } else if (hayFrases) {
    fuente = 'frases';
  }
  const p = new Map<string, number>();
  if (hayFrases && w < 1) for (const f of frases.puntajes) p.set(f.codigo, (1 - w) * f.probabilidad);
  if (hayModelo && w > 0) for (const m of modelo.predicciones) p.set(m.codigo, (p.get(m.codigo) ?? 0) + w * m.probabilidad);
  const puntajes = [...p]
    .filter(([codigo, prob]) => validos.has(codigo) && prob >= o.umbral)
    .map(([codigo, probabilidad]) => ({ codigo, probabilidad }))
    .sort(porProbabilidad)
    .slice(0, o.k);
  return { puntajes, fuente: puntajes.length ? fuente : null, pesoModelo: puntajes.length ? w : 0 };
}

/** "86 %": what the clerk sees. */
export function porcentaje(p: number): string {
  return `${Math.round(p * 100)} %`;
}

/** One suggestion as the clerk sees it. */
export interface Sugerido {
  codigo: string;
  nombre: string;
  probabilidad: number;
  /**
   * Why (at most MAXIMO_POR): the catalog's phrases found in the text that point to it, when they
   * weighed in; else, when the model did, the words of the text that pushed the model towards it most.
   */
  por?: string[];
}

export const MAXIMO_POR = 2;

/**
 * Why a code is suggested, when the catalog's phrases weighed in: the phrases of the text that
 * point to it, longest (most specific) first. Empty when only the model spoke.
 */
export function frasesQueApuntan(frases: PuntajeFrases, codigo: string, pesoModelo: number): string[] {
  if (pesoModelo >= 1) return [];
  return frases.encontradas
    .filter((e) => e.codigo === codigo)
    .map((e) => e.frase)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAXIMO_POR);
}

/** The answer of `clasificador:sugerir`. */
export interface ResultadoSugerencias {
  tipos: Sugerido[];
  dependencias: Sugerido[];
  /** The models used ("tipo:3,dependencia:4"), or null when only the catalog's phrases answered. */
  modelo: string | null;
  fuente: FuenteSugerencia | null;
}

/** What a radicado records of the suggestions shown while the clerk typed (the contract's `sugerencia`). */
export interface RegistroSugerencia {
  modelo: string | null;
  fuente: FuenteSugerencia | null;
  tipos: Puntaje[];
  dependencias: Puntaje[];
}

/** The suggestions as shown (the top three of each), without names or reasons: what the radicado keeps. */
export function registroDeSugerencias(s: ResultadoSugerencias): RegistroSugerencia {
  const puntajes = (xs: readonly Sugerido[]) => xs.slice(0, 3).map((x) => ({ codigo: x.codigo, probabilidad: x.probabilidad }));
  return { modelo: s.modelo, fuente: s.fuente, tipos: puntajes(s.tipos), dependencias: puntajes(s.dependencias) };
}

export interface ModeloVigente {
  id: number;
  objetivo: Objetivo;
  /** 'local': trained at this station; 'central': the entity's, trained on every station's data. */
  origen: 'local' | 'central';
  /** Numbered per objetivo and origen. */
  version: number;
  creadoEn: number;
  ejemplos: number;
  metricas: Record<string, unknown>;
}

/** The answer of `clasificador:estado`. */
export interface EstadoClasificador {
  modelos: ModeloVigente[];
  ejemplosImportados: number;
  /** Radicados since the data of the newest model (what a retraining would add). */
  radicadosNuevos: number;
  entrenando: boolean;
  ultimoEntrenamiento: { en: number; ms: number; error: string | null } | null;
}

/**
 * Objetivos whose model in use is the entity's: the station does not train those. The entity's
 * model may cover only one (a previous system's history labelled with tipos only), and the station
 * keeps training the other.
 */
export function objetivosDeLaEntidad(vigentes: readonly Pick<ModeloVigente, 'objetivo' | 'origen'>[]): Objetivo[] {
  return OBJETIVOS.filter((o) => vigentes.some((m) => m.objetivo === o && m.origen === 'central'));
}

/** The models field of a suggestion: which model of each objetivo was used. */
export function describirModelos(usados: Partial<Record<Objetivo, number>>): string | null {
  const partes = OBJETIVOS.filter((o) => usados[o] !== undefined).map((o) => `${o}:${usados[o]}`);
  return partes.length ? partes.join(',') : null;
}

/** One source for the whole answer: the same for both lists, else mixto. */
export function fuenteGeneral(fuentes: (FuenteSugerencia | null)[]): FuenteSugerencia | null {
  const f = [...new Set(fuentes.filter((x): x is FuenteSugerencia => x !== null))];
  return f.length === 0 ? null : f.length === 1 ? f[0]! : 'mixto';
}
