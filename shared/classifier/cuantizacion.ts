/**
 * Weights and IDF are stored as 16-bit integers with one scale per class (or one for the IDF):
 * a quarter of the JSON of doubles, and no measurable change in a prediction. Training returns
 * the model already on this grid, so a model and its file predict exactly the same.
 */

export interface Cuantizado16 {
  escalas: number[];
  datos: Int16Array;
}

/**
 * Scales are powers of two: q · scale is exact in float32 and quantising a quantised vector gives
 * it back unchanged, so serialising a loaded model reproduces the file byte for byte.
 */
function escalaPara(max: number, tope: number): number {
  return max > 0 ? Math.pow(2, Math.ceil(Math.log2(max / tope))) : 1;
}

/** Column-wise (K columns, feature-major) symmetric quantisation to int16. */
export function cuantizarPesos(w: ArrayLike<number>, K: number): Cuantizado16 {
  const escalas = new Array<number>(K).fill(0);
  for (let i = 0; i < w.length; i++) escalas[i % K] = Math.max(escalas[i % K]!, Math.abs(w[i]!));
  for (let k = 0; k < K; k++) escalas[k] = escalaPara(escalas[k]!, 32767);
  const datos = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) datos[i] = Math.round(w[i]! / escalas[i % K]!);
  return { escalas, datos };
}

export function descuantizarPesos(q: Cuantizado16, K: number): Float32Array {
  const out = new Float32Array(q.datos.length);
  for (let i = 0; i < out.length; i++) out[i] = q.datos[i]! * q.escalas[i % K]!;
  return out;
}

/** Non-negative values (the IDF) to uint16 with one scale. */
export function cuantizarPositivos(v: ArrayLike<number>): { escala: number; datos: Uint16Array } {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, v[i]!);
  const escala = escalaPara(max, 65535);
  const datos = new Uint16Array(v.length);
  for (let i = 0; i < v.length; i++) datos[i] = Math.round(v[i]! / escala);
  return { escala, datos };
}

export function descuantizarPositivos(q: { escala: number; datos: Uint16Array }): Float32Array {
  const out = new Float32Array(q.datos.length);
  for (let i = 0; i < out.length; i++) out[i] = q.datos[i]! * q.escala;
  return out;
}

/** A vector put on the int16 grid and back: what the model file will hold. */
export function aRejillaPesos(w: ArrayLike<number>, K: number): Float32Array {
  return descuantizarPesos(cuantizarPesos(w, K), K);
}

export function aRejillaPositivos(v: ArrayLike<number>): Float32Array {
  return descuantizarPositivos(cuantizarPositivos(v));
}
