/**
 * Features: word unigrams and bigrams and character n-grams inside word boundaries, hashed into a
 * fixed space so memory is bounded whatever the vocabulary (a station's history grows for years),
 * sublinear term frequency, optional IDF learned from training, L2-normalised.
 */
import { normalizar, raiz, tokens } from './normalizar';

export interface OpcionesRasgos {
  /** log2 of the hashed space: 2^bits buckets. */
  bits: number;
  /** Word n-grams up to this length (0: no word features). */
  palabrasN: number;
  /** Character n-grams inside each word (padded with a space each side), inclusive range; [0, 0]: none. */
  caracteres: [number, number];
  /** Character n-grams over the whole normalised text, across word boundaries; [0, 0]: none. */
  caracteresTexto: [number, number];
  /** Add the text's length (log2 of its word count, binned) as a word-block feature. */
  longitud: boolean;
  /** Stem words before word n-grams (character n-grams always see the full word). */
  raices: boolean;
  /** Relative weight of the word block against the character block (each is L2-normalised first). */
  pesoPalabras: number;
  /** Longest text considered, in characters: bounds the time of one suggestion. */
  maxCaracteres: number;
}

export const RASGOS_POR_DEFECTO: OpcionesRasgos = {
  bits: 18,
  palabrasN: 2,
  caracteres: [2, 5],
  caracteresTexto: [0, 0],
  longitud: false,
  raices: false,
  pesoPalabras: 1,
  maxCaracteres: 4000,
};

/** A sparse vector: bucket indices (ascending, unique) and their values. */
export interface Vector {
  indices: Int32Array;
  valores: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Namespaces keep a word and a character n-gram with the same letters in different buckets.
const SEMILLA_PALABRA = 0x9e3779b1;
const SEMILLA_BIGRAMA = 0x85ebca77;
const SEMILLA_CARACTER = 0xc2b2ae3d;
const SEMILLA_TRIGRAMA = 0x27d4eb2f;
const SEMILLA_TEXTO = 0x165667b1;
const SEMILLA_LONGITUD = 0xd3a2646c;

/** murmur3's finaliser: FNV alone leaves the low bits (the ones the mask keeps) poorly mixed. */
function mezclar(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashTexto(s: string, semilla = 0): number {
  let h = (FNV_OFFSET ^ semilla) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * Each hashed feature occurrence of a text (before weighting), with its block (0 words, 1
 * characters) and the tokens it comes from, [desde, hasta] (−1, −1: the whole text, as the length
 * and cross-word n-grams): explicar.ts tells which words weighed in. Character n-grams of each
 * word padded with spaces (as scikit-learn's char_wb): prefixes and suffixes are features of their
 * own. Returns the tokens the spans refer to.
 */
export type Emision = (bucket: number, bloque: 0 | 1, desde: number, hasta: number) => void;

export function contar(texto: string, o: OpcionesRasgos, emitir: Emision): string[] {
  const mascara = (1 << o.bits) - 1;
  const toks = tokens(normalizar(texto.length > o.maxCaracteres ? texto.slice(0, o.maxCaracteres) : texto));
  if (o.palabrasN > 0) {
    let previo = -1;
    let antes = -1;
    for (let i = 0; i < toks.length; i++) {
      const h = hashTexto(o.raices ? raiz(toks[i]!) : toks[i]!, SEMILLA_PALABRA);
      emitir(mezclar(h) & mascara, 0, i, i);
      if (o.palabrasN > 1 && previo !== -1) emitir(mezclar(Math.imul(previo, 31) ^ h ^ SEMILLA_BIGRAMA) & mascara, 0, i - 1, i);
      if (o.palabrasN > 2 && antes !== -1) emitir(mezclar(Math.imul(Math.imul(antes, 31) ^ previo, 31) ^ h ^ SEMILLA_TRIGRAMA) & mascara, 0, i - 2, i);
      antes = previo;
      previo = h;
    }
  }
  if (o.longitud) {
    // Bins of about half an octave: 0, 1, 2, 3, 4–5, 6–7, 8–11, …
    const bin = Math.floor(2 * Math.log2(toks.length + 1));
    emitir(mezclar(hashTexto(`_l${bin}_`, SEMILLA_LONGITUD)) & mascara, 0, -1, -1);
  }
  const [min, max] = o.caracteres;
  if (max > 0) {
    for (let i = 0; i < toks.length; i++) {
      const w = ` ${toks[i]} `;
      // Every n-gram starting at s is a prefix of the one after it: one FNV pass per start.
      for (let s = 0; s + min <= w.length; s++) {
        let h = (FNV_OFFSET ^ SEMILLA_CARACTER) >>> 0;
        for (let e = s; e < w.length && e - s < max; e++) {
          h = Math.imul(h ^ w.charCodeAt(e), FNV_PRIME);
          if (e - s + 1 >= min) emitir(mezclar(h ^ (e - s + 1)) & mascara, 1, i, i);
        }
      }
    }
  }
  const [minT, maxT] = o.caracteresTexto ?? [0, 0];
  if (maxT > 0 && toks.length > 0) {
    const w = ` ${toks.join(' ')} `;
    for (let s = 0; s + minT <= w.length; s++) {
      let h = (FNV_OFFSET ^ SEMILLA_TEXTO) >>> 0;
      for (let e = s; e < w.length && e - s < maxT; e++) {
        h = Math.imul(h ^ w.charCodeAt(e), FNV_PRIME);
        if (e - s + 1 >= minT) emitir(mezclar(h ^ (e - s + 1)) & mascara, 1, -1, -1);
      }
    }
  }
  return toks;
}

/** A text's distinct buckets with sublinear term frequency and block (0 words, 1 characters). */
export interface Crudo {
  indices: Int32Array;
  tf: Float32Array;
  bloque: Uint8Array;
}

/**
 * Reusable scratch space: a dense accumulator plus the list of touched buckets, so a text costs
 * time in its own length, not in the size of the hashed space.
 */
export class Vectorizador {
  private readonly acumulado: Float64Array;
  private readonly bloque: Uint8Array;
  private tocados: Int32Array;
  private n = 0;
  /** The tokens of the last text vectorised (the spans `observar` received refer to them). */
  ultimosTokens: string[] = [];

  constructor(
    readonly opciones: OpcionesRasgos,
    /** IDF per bucket; 0 drops the bucket (never seen in training). Null: no IDF. */
    readonly idf: Float32Array | null,
  ) {
    this.acumulado = new Float64Array(1 << opciones.bits);
    this.bloque = new Uint8Array(1 << opciones.bits);
    this.tocados = new Int32Array(1024);
  }

  /** `observar` also sees every occurrence with its token span (explicar.ts). */
  crudo(texto: string, observar?: Emision): Crudo {
    this.n = 0;
    this.ultimosTokens = contar(texto, this.opciones, (b, bloque, desde, hasta) => {
      observar?.(b, bloque, desde, hasta);
      if (this.acumulado[b] === 0) {
        if (this.n === this.tocados.length) {
          const mas = new Int32Array(this.tocados.length * 2);
          mas.set(this.tocados);
          this.tocados = mas;
        }
        this.tocados[this.n++] = b;
        // A bucket both blocks hash into counts as the block that reached it first: collisions
        // across blocks are rare and only change which norm it joins.
        this.bloque[b] = bloque;
      }
      this.acumulado[b]! += 1;
    });
    const indices = this.tocados.slice(0, this.n).sort();
    const tf = new Float32Array(this.n);
    const bloque = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const b = indices[i]!;
      tf[i] = 1 + Math.log(this.acumulado[b]!);
      bloque[i] = this.bloque[b]!;
      this.acumulado[b] = 0;
    }
    return { indices, tf, bloque };
  }

  vector(texto: string, observar?: Emision): Vector {
    return ponderar(this.crudo(texto, observar), this.idf, this.opciones.pesoPalabras);
  }
}

/**
 * TF·IDF, each block L2-normalised on its own and then weighted, so a long text's many character
 * n-grams do not drown its few words. Buckets whose IDF is 0 (unseen in training) are dropped.
 */
export function ponderar(c: Crudo, idf: Float32Array | null, pesoPalabras: number): Vector {
  const n = c.indices.length;
  const pesos = new Float64Array(n);
  let n0 = 0;
  let n1 = 0;
  for (let i = 0; i < n; i++) {
    const v = idf ? c.tf[i]! * idf[c.indices[i]!]! : c.tf[i]!;
    pesos[i] = v;
    if (c.bloque[i] === 0) n0 += v * v;
    else n1 += v * v;
  }
  const total = Math.sqrt(pesoPalabras * pesoPalabras + 1);
  const e0 = n0 > 0 ? pesoPalabras / Math.sqrt(n0) / total : 0;
  const e1 = n1 > 0 ? 1 / Math.sqrt(n1) / total : 0;
  const indices = new Int32Array(n);
  const valores = new Float32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = pesos[i]! * (c.bloque[i] === 0 ? e0 : e1);
    if (v !== 0) {
      indices[m] = c.indices[i]!;
      valores[m++] = v;
    }
  }
  return { indices: indices.slice(0, m), valores: valores.slice(0, m) };
}

/** Smoothed IDF (as scikit-learn): ln((1 + n) / (1 + df)) + 1; buckets with df < minDf get 0. */
export function calcularIdf(crudos: readonly Crudo[], bits: number, minDf = 1): Float32Array {
  const df = new Int32Array(1 << bits);
  for (const c of crudos) for (const b of c.indices) df[b]!++;
  const idf = new Float32Array(df.length);
  const n = crudos.length;
  for (let b = 0; b < df.length; b++) if (df[b]! >= Math.max(1, minDf)) idf[b] = Math.log((1 + n) / (1 + df[b]!)) + 1;
  return idf;
}
