/**
 * Which words of a text made the model suggest a label. The model is linear and every feature
 * comes from one word (its unigram and the character n-grams inside it) or from two or three (a
 * word n-gram), so each word's share of the score is exact: the sum over its features of value ×
 * weight, a feature shared by several occurrences split evenly among them. A word "points to" a
 * label by how much more it adds to that label's calibrated log-odds than, on average, to the
 * others. The clerk reads the asunto's own words ("por «tutela», «juzgado»"), as she reads the
 * catalog phrases that weighed in.
 */
import { normalizar } from './normalizar';
import { vectorizadorDe, type Modelo } from './modelo';

/**
 * Words that tell the clerk nothing even when their weight tips a score: Spanish function words,
 * and any word in more than half of the training texts (the model's own IDF says which).
 */
const FUNCIONALES = new Set(
  ('del las los una unos unas por para con sin sobre entre hasta desde ante tras que les nos mis tus sus este esta estos estas ese esa eso esto ' +
    'esos esas aquel son fue ser han hay muy mas pero como cuando donde porque tambien ella ellos ellas usted ustedes nosotros cual cuales quien ' +
    'mismo misma otro otra todo toda todos todas tan tanto algo nada cada ser estar esta estan era eran sea sido tiene tienen tengo')
    .split(' '),
);
const IDF_MINIMO = 1 + Math.log(2);

/** Smallest share worth naming, in calibrated log-odds: below it a word barely moved the suggestion. */
export const APORTE_MINIMO = 0.4;

/** A word the clerk can recognise: letters only, three or more (no numbers, markers, "?"). */
const PALABRA = /^[a-z]{3,}$/;

export interface Explicacion {
  /**
   * How much the normalised word (every occurrence) adds to the label's calibrated log-odds over
   * the mean of the other labels; 0 for a word not in the text. Over all words it sums to the
   * text's own margin, intercepts aside.
   */
  aporte(palabra: string, etiqueta: string): number;
  /** The words of the text that point to `etiqueta` most, strongest first, as the text wrote them (at most n). */
  palabras(etiqueta: string, n: number): string[];
}

/** Per-word shares of each label's score, computed once for every label the caller asks about. */
export function explicar(modelo: Modelo, texto: string): Explicacion {
  const K = modelo.etiquetas.length;
  const o = modelo.rasgos;
  const recortado = texto.length > o.maxCaracteres ? texto.slice(0, o.maxCaracteres) : texto;

  // The prediction's own vector, observing each occurrence with its tokens on the way.
  const { cuenta, valor } = espacioDe(modelo);
  const vectorizador = vectorizadorDe(modelo);
  let emisiones = new Int32Array(3 * 256);
  let m = 0;
  // Each position's word unigram: the first word-block feature of its own one-token span.
  const unigramas: number[] = [];
  const x = vectorizador.vector(recortado, (b, bloque, desde, hasta) => {
    if (m + 3 > emisiones.length) {
      const mas = new Int32Array(emisiones.length * 2);
      mas.set(emisiones);
      emisiones = mas;
    }
    emisiones[m++] = b;
    emisiones[m++] = desde;
    emisiones[m++] = hasta;
    cuenta[b]!++;
    if (bloque === 0 && desde >= 0 && desde === hasta && unigramas[desde] === undefined) unigramas[desde] = b;
  });
  const toks = vectorizador.ultimosTokens;
  for (let j = 0; j < x.indices.length; j++) valor[x.indices[j]!] = x.valores[j]!;

  // aporte[t · K + k]: what token t adds to label k's calibrated score.
  const aporte = new Float64Array(toks.length * K);
  for (let e = 0; e < m; e += 3) {
    const b = emisiones[e]!;
    const desde = emisiones[e + 1]!;
    const hasta = emisiones[e + 2]!;
    const v = valor[b]!;
    if (desde >= 0 && v !== 0) {
      const parte = (modelo.temperatura * v) / cuenta[b]! / (hasta - desde + 1);
      for (let t = desde; t <= hasta; t++) for (let k = 0; k < K; k++) aporte[t * K + k]! += parte * modelo.pesos[b * K + k]!;
    }
  }
  for (let j = 0; j < x.indices.length; j++) valor[x.indices[j]!] = 0;
  for (let e = 0; e < m; e += 3) cuenta[emisiones[e]!] = 0;

  // A word repeated adds up; only words a clerk would recognise as telling are named.
  const porPalabra = new Map<string, Float64Array>();
  const nombrables = new Set<string>();
  for (let t = 0; t < toks.length; t++) {
    const w = toks[t]!;
    let a = porPalabra.get(w);
    if (!a) porPalabra.set(w, (a = new Float64Array(K)));
    for (let k = 0; k < K; k++) a[k]! += aporte[t * K + k]!;
    if (PALABRA.test(w) && !FUNCIONALES.has(w) && !(modelo.idf && modelo.idf[unigramas[t]!]! < IDF_MINIMO)) nombrables.add(w);
  }
  const ventaja = (a: Float64Array, k: number) => {
    let otras = 0;
    for (let j = 0; j < K; j++) if (j !== k) otras += a[j]!;
    return a[k]! - otras / (K - 1);
  };
  return {
    aporte(palabra, etiqueta) {
      const k = modelo.etiquetas.indexOf(etiqueta);
      const a = porPalabra.get(palabra);
      return k < 0 || K < 2 || !a ? 0 : ventaja(a, k);
    },
    palabras(etiqueta, n) {
      const k = modelo.etiquetas.indexOf(etiqueta);
      if (k < 0 || K < 2 || n <= 0) return [];
      const candidatas: { w: string; d: number }[] = [];
      for (const w of nombrables) {
        const d = ventaja(porPalabra.get(w)!, k);
        if (d >= APORTE_MINIMO) candidatas.push({ w, d });
      }
      return candidatas
        .sort((x, y) => y.d - x.d || (x.w < y.w ? -1 : 1))
        .slice(0, n)
        .map((c) => formaEscrita(recortado, c.w));
    },
  };
}

/** The word's first form in the text ("peticion" → "petición", "TUTELA"), as the clerk typed it. */
function formaEscrita(texto: string, normalizada: string): string {
  for (const m of texto.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (m[0].length >= normalizada.length && normalizar(m[0]) === normalizada) return m[0];
  }
  return normalizada;
}

const espacios = new WeakMap<Modelo, { cuenta: Uint16Array; valor: Float32Array }>();

function espacioDe(modelo: Modelo) {
  let e = espacios.get(modelo);
  if (!e) {
    const n = 1 << modelo.rasgos.bits;
    e = { cuenta: new Uint16Array(n), valor: new Float32Array(n) };
    espacios.set(modelo, e);
  }
  return e;
}
