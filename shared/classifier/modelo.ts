/**
 * The linear model: one-vs-rest linear SVMs trained by dual coordinate descent (the liblinear
 * method: on small text collections it converges in a few passes with no learning rate to tune),
 * class-balanced costs so the rare classes are not ignored, and a softmax calibration fitted on
 * out-of-fold scores so the confidence shown to the clerk means something.
 */
import { generador, barajar, pliegues } from './azar';
import { aRejillaPesos, aRejillaPositivos } from './cuantizacion';
import { calcularIdf, ponderar, RASGOS_POR_DEFECTO, Vectorizador, type OpcionesRasgos, type Vector } from './rasgos';

export interface Ejemplo {
  texto: string;
  etiqueta: string;
  /** Relative weight (default 1): a coordinator's correction counts more than a plain radicado. */
  peso?: number;
}

export interface OpcionesEntrenamiento extends OpcionesRasgos {
  /**
   * Naive-Bayes feature scaling (NB-SVM, Wang & Manning 2012): each class's SVM sees the features
   * multiplied by their log-count ratio for that class, so telling features are cheap to use.
   */
  nb: boolean;
  /** Weight features by inverse document frequency learned from the training texts. */
  idf: boolean;
  /** Buckets seen in fewer training texts than this are dropped (noise, and a smaller model). */
  minDf: number;
  /** SVM cost: higher fits the training data more closely. */
  C: number;
  /** 'l2': squared hinge (smooth, the usual best for text); 'l1': hinge. */
  perdida: 'l1' | 'l2';
  /** Exponent on the balanced class weights n / (K · n_k): 0 none, 1 fully balanced. */
  pesoClases: number;
  /** Maximum passes over the data, and the projected-gradient tolerance that ends them earlier. */
  epocas: number;
  tolerancia: number;
  semilla: number;
  /** Passes of the internal-fold SVMs, which only fit the temperature (one number). */
  epocasCalibracion: number;
  /** Internal folds whose out-of-fold scores fit the calibration; below 2, no calibration. */
  plieguesCalibracion: number;
  /** After calibration, shift each class's score to maximise macro-F1 on the out-of-fold scores. */
  ajustarSesgos: boolean;
  /** Default probability under which `sugerir` proposes nothing. */
  umbral: number;
  /** Weight of a multinomial logistic regression mixed (in logit space) with the SVM; 0: SVM only. */
  logistica: number;
  /** L2 regularisation of the logistic regression (per example), and its SGD passes. */
  lambdaLogistica: number;
  epocasLogistica: number;
  /** Prior correction: logit_k −= priores · ln(n_k / n) (0: none; positive favours rare classes). */
  priores: number;
  /** Creation instant written in the model (ISO); default now. Fixed in tests for byte equality. */
  creado?: string;
}

export const OPCIONES_POR_DEFECTO: OpcionesEntrenamiento = {
  ...RASGOS_POR_DEFECTO,
  nb: false,
  idf: true,
  minDf: 1,
  // Chosen by stratified 5-fold cross-validation on a 4-class, very imbalanced PQR corpus (11k
  // texts): hinge loss, half-balanced class weights (fully balanced costs accuracy on the frequent
  // classes for little macro-F1), ten passes (more change nothing measurable). The seed, which
  // draws the folds, moves macro-F1 by up to 0.0065 (0.7645, 0.7580, 0.7618 with seeds 1, 2, 3);
  // on the same folds, a difference under 0.003 between two configurations is noise. About 130
  // alternatives that did not beat these settings are in EXPERIMENTOS.md beside this file, with
  // their figures: read it before trying another.
  C: 1,
  perdida: 'l1',
  pesoClases: 0.5,
  epocas: 10,
  tolerancia: 0.05,
  semilla: 1,
  plieguesCalibracion: 3,
  // Three passes give the same temperature to the precision that matters: the same 5-fold CV moved
  // from 0.8819 / 0.7644 to 0.8821 / 0.7645 (two passes: 0.7636), and training lost about 3 s
  // of its 12 (it measured 14.5–15.8 s on a busy machine, against a 15 s limit).
  epocasCalibracion: 3,
  // Offsets tuned on the internal folds did not carry over to the full model in cross-validation.
  ajustarSesgos: false,
  umbral: 0.2,
  // A softmax regression mixed in at 0.35 (its own regularisation 3e-5, ten SGD passes): +0.005
  // macro-F1 and +0.002 accuracy in the same cross-validation; alone it is worse than the SVM.
  logistica: 0.35,
  lambdaLogistica: 3e-5,
  epocasLogistica: 10,
  priores: 0,
};

export const FORMATO_MODELO = 'radica-clasificador';
/** 2: feature options gained `caracteresTexto` and `longitud` (version 1 files still load). */
export const VERSION_MODELO = 2;

export interface Modelo {
  formato: typeof FORMATO_MODELO;
  version: typeof VERSION_MODELO;
  creado: string;
  /** Labels in the order of the weight columns (sorted). */
  etiquetas: string[];
  /** What prediction needs to compute the same features, and the default threshold. */
  rasgos: OpcionesRasgos;
  umbral: number;
  /** Training examples per label (what the model has seen: shown when choosing to retrain). */
  soporte: Record<string, number>;
  /** IDF per bucket (0 = unseen), or null. */
  idf: Float32Array | null;
  /** Feature-major weights: pesos[bucket · K + k]. */
  pesos: Float32Array;
  /** Per-class intercepts of the SVMs. */
  intercepto: Float32Array;
  /** p = softmax(temperatura · score + calibracion). */
  temperatura: number;
  calibracion: Float32Array;
}

export interface Prediccion {
  etiqueta: string;
  probabilidad: number;
}

// ---------------------------------------------------------------------------------------------
// Training

interface Datos {
  vectores: Vector[];
  y: Int32Array;
  /** Per-example cost multiplier: class weight × example weight. */
  costo: Float64Array;
}

/** Dual coordinate descent for K one-vs-rest L2-regularised SVMs at once (one pass over each row). */
function svm(d: Datos, filas: Int32Array, K: number, D: number, o: OpcionesEntrenamiento): { w: Float64Array; b: Float64Array } {
  const R = o.nb ? razonesNb(d, filas, K, D) : null;
  const w = new Float64Array(D * K);
  const b = new Float64Array(K);
  const n = filas.length;
  const alpha = new Float64Array(n * K);
  const qii = new Float64Array(n * K);
  const diag = new Float64Array(n);
  const tope = new Float64Array(n);
  const B = 1; // the intercept as a constant feature, regularised like the rest (as liblinear)
  for (let r = 0; r < n; r++) {
    const x = d.vectores[filas[r]!]!;
    const c = o.C * d.costo[filas[r]!]!;
    diag[r] = o.perdida === 'l2' ? 0.5 / c : 0;
    tope[r] = o.perdida === 'l2' ? Infinity : c;
    for (let k = 0; k < K; k++) {
      let q = B * B;
      for (let j = 0; j < x.valores.length; j++) {
        const v = x.valores[j]! * (R ? R[x.indices[j]! * K + k]! : 1);
        q += v * v;
      }
      qii[r * K + k] = q + diag[r]!;
    }
  }
  const orden = Array.from({ length: n }, (_, i) => i);
  const azar = generador(o.semilla);
  const s = new Float64Array(K);
  const delta = new Float64Array(K);
  for (let epoca = 0; epoca < o.epocas; epoca++) {
    barajar(orden, azar);
    let maxPG = 0;
    for (const r of orden) {
      const x = d.vectores[filas[r]!]!;
      const yi = d.y[filas[r]!]!;
      const idx = x.indices;
      const val = x.valores;
      for (let k = 0; k < K; k++) s[k] = b[k]! * B;
      for (let j = 0; j < idx.length; j++) {
        const f = idx[j]! * K;
        const v = val[j]!;
        if (R) for (let k = 0; k < K; k++) s[k]! += w[f + k]! * v * R[f + k]!;
        else for (let k = 0; k < K; k++) s[k]! += w[f + k]! * v;
      }
      // Class k's step touches only column k, so the K steps are computed first and applied in
      // one pass over the row: the same sums as K passes, a quarter of the memory traffic.
      let cambia = false;
      for (let k = 0; k < K; k++) {
        delta[k] = 0;
        const y = yi === k ? 1 : -1;
        const a = alpha[r * K + k]!;
        const G = y * s[k]! - 1 + a * diag[r]!;
        const PG = a === 0 ? Math.min(G, 0) : a === tope[r] ? Math.max(G, 0) : G;
        if (Math.abs(PG) > maxPG) maxPG = Math.abs(PG);
        if (PG === 0) continue;
        const nuevo = Math.min(Math.max(a - G / qii[r * K + k]!, 0), tope[r]!);
        const d = (nuevo - a) * y;
        if (d === 0) continue;
        alpha[r * K + k] = nuevo;
        delta[k] = d;
        b[k]! += d * B;
        cambia = true;
      }
      if (!cambia) continue;
      for (let j = 0; j < idx.length; j++) {
        const f = idx[j]! * K;
        const v = val[j]!;
        if (R) for (let k = 0; k < K; k++) w[f + k]! += delta[k]! * v * R[f + k]!;
        else for (let k = 0; k < K; k++) w[f + k]! += delta[k]! * v;
      }
    }
    if (maxPG < o.tolerancia) break;
  }
  // The scaled model folded back: prediction computes w·x as if there had been no scaling.
  if (R) for (let i = 0; i < w.length; i++) w[i]! *= R[i]!;
  return { w, b };
}

/**
 * Multinomial logistic regression (softmax, L2) by SGD with the 1/(λ(t0 + t)) schedule and the
 * weight-scale trick, so each step costs the example's own non-zeros whatever the L2 term.
 */
function logistica(d: Datos, filas: Int32Array, K: number, D: number, o: OpcionesEntrenamiento): { w: Float64Array; b: Float64Array } {
  const v = new Float64Array(D * K);
  const b = new Float64Array(K);
  let escala = 1;
  const lambda = o.lambdaLogistica;
  const t0 = 1 / lambda; // first step ≈ 1 on unit-norm rows
  const n = filas.length;
  const orden = Array.from({ length: n }, (_, i) => i);
  const azar = generador(o.semilla + 104729);
  const z = new Float64Array(K);
  const p = new Float64Array(K);
  const gk = new Float64Array(K);
  let t = 0;
  for (let epoca = 0; epoca < o.epocasLogistica; epoca++) {
    barajar(orden, azar);
    for (const r of orden) {
      const i = filas[r]!;
      const x = d.vectores[i]!;
      const yi = d.y[i]!;
      const idx = x.indices;
      const val = x.valores;
      const eta = 1 / (lambda * (t0 + t++));
      for (let k = 0; k < K; k++) z[k] = 0;
      for (let j = 0; j < idx.length; j++) {
        const f = idx[j]! * K;
        const xv = val[j]!;
        for (let k = 0; k < K; k++) z[k]! += v[f + k]! * xv;
      }
      for (let k = 0; k < K; k++) z[k] = z[k]! * escala + b[k]!;
      softmax(z, p);
      escala *= 1 - eta * lambda;
      const c = d.costo[i]!;
      const paso = (eta * c) / escala;
      for (let k = 0; k < K; k++) {
        const g = p[k]! - (yi === k ? 1 : 0);
        gk[k] = paso * g;
        // The intercept is not regularised; a tenth of the step keeps it from swinging early on.
        b[k]! -= eta * c * g * 0.1;
      }
      // One pass over the row for all K columns (each weight gets the same single update).
      for (let j = 0; j < idx.length; j++) {
        const f = idx[j]! * K;
        const xv = val[j]!;
        for (let k = 0; k < K; k++) v[f + k]! -= gk[k]! * xv;
      }
      if (escala < 1e-6) {
        for (let q = 0; q < v.length; q++) v[q]! *= escala;
        escala = 1;
      }
    }
  }
  for (let q = 0; q < v.length; q++) v[q]! *= escala;
  return { w: v, b };
}

/** Per class, |log((p + 1)/‖p + 1‖₁ ÷ (q + 1)/‖q + 1‖₁)| with p, q the feature sums in and out of the class. */
function razonesNb(d: Datos, filas: Int32Array, K: number, D: number): Float32Array {
  const suma = new Float64Array(D * K);
  const total = new Float64Array(D);
  for (const i of filas) {
    const x = d.vectores[i]!;
    const k = d.y[i]!;
    for (let j = 0; j < x.indices.length; j++) {
      suma[x.indices[j]! * K + k]! += x.valores[j]!;
      total[x.indices[j]!]! += x.valores[j]!;
    }
  }
  const alfa = 1;
  const normaP = new Float64Array(K);
  const normaQ = new Float64Array(K);
  for (let f = 0; f < D; f++) {
    for (let k = 0; k < K; k++) {
      normaP[k]! += suma[f * K + k]! + alfa;
      normaQ[k]! += total[f]! - suma[f * K + k]! + alfa;
    }
  }
  const R = new Float32Array(D * K);
  for (let f = 0; f < D; f++) {
    for (let k = 0; k < K; k++) {
      const p = (suma[f * K + k]! + alfa) / normaP[k]!;
      const q = (total[f]! - suma[f * K + k]! + alfa) / normaQ[k]!;
      R[f * K + k] = Math.abs(Math.log(p / q));
    }
  }
  return R;
}

function puntajes(w: ArrayLike<number>, b: ArrayLike<number>, K: number, x: Vector, out: Float64Array): Float64Array {
  for (let k = 0; k < K; k++) out[k] = b[k]!;
  for (let j = 0; j < x.indices.length; j++) {
    const f = x.indices[j]! * K;
    const v = x.valores[j]!;
    for (let k = 0; k < K; k++) out[k]! += w[f + k]! * v;
  }
  return out;
}

function softmax(z: Float64Array, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k]! > max) max = z[k]!;
  let suma = 0;
  for (let k = 0; k < z.length; k++) {
    out[k] = Math.exp(z[k]! - max);
    suma += out[k]!;
  }
  for (let k = 0; k < z.length; k++) out[k]! /= suma;
  return out;
}

/**
 * Temperature and per-class offsets minimising the weighted log-loss of softmax(T·s + c) on
 * out-of-fold scores. Convex in (T, c): plain gradient descent with a backtracking step suffices.
 */
function ajustarCalibracion(S: Float64Array, y: Int32Array, peso: Float64Array, K: number, soloTemperatura: boolean): { T: number; c: Float64Array } {
  const n = y.length;
  let T = 1;
  let c = new Float64Array(K);
  const z = new Float64Array(K);
  const p = new Float64Array(K);
  const perdida = (T: number, c: Float64Array, grad?: { T: number; c: Float64Array }) => {
    let L = 0;
    let W = 0;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) z[k] = T * S[i * K + k]! + c[k]!;
      softmax(z, p);
      const wi = peso[i]!;
      W += wi;
      L -= wi * Math.log(Math.max(p[y[i]!]!, 1e-12));
      if (grad) {
        for (let k = 0; k < K; k++) {
          const g = wi * (p[k]! - (y[i] === k ? 1 : 0));
          grad.T += g * S[i * K + k]!;
          if (!soloTemperatura) grad.c[k]! += g;
        }
      }
    }
    if (grad) {
      grad.T /= W;
      for (let k = 0; k < K; k++) grad.c[k]! /= W;
    }
    return L / W;
  };
  let paso = 1;
  let L = perdida(T, c);
  for (let it = 0; it < 200; it++) {
    const g = { T: 0, c: new Float64Array(K) };
    perdida(T, c, g);
    let norma = g.T * g.T;
    for (let k = 0; k < K; k++) norma += g.c[k]! * g.c[k]!;
    if (norma < 1e-10) break;
    for (;;) {
      const T2 = T - paso * g.T;
      const c2 = c.map((v, k) => v - paso * g.c[k]!);
      const L2 = perdida(T2, c2);
      if (L2 <= L - 0.5 * paso * norma) {
        T = T2;
        c = c2;
        L = L2;
        paso *= 1.5;
        break;
      }
      paso /= 2;
      if (paso < 1e-8) return { T, c };
    }
  }
  return { T, c };
}

/** Macro-F1 of argmax(T·s + c) over out-of-fold scores. */
function macroF1De(S: Float64Array, y: Int32Array, K: number, T: number, c: Float64Array): number {
  const tp = new Float64Array(K);
  const fp = new Float64Array(K);
  const fn = new Float64Array(K);
  for (let i = 0; i < y.length; i++) {
    let mejor = 0;
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const z = T * S[i * K + k]! + c[k]!;
      if (z > max) {
        max = z;
        mejor = k;
      }
    }
    if (mejor === y[i]) tp[mejor]!++;
    else {
      fp[mejor]!++;
      fn[y[i]!]!++;
    }
  }
  let f = 0;
  for (let k = 0; k < K; k++) f += tp[k]! > 0 ? (2 * tp[k]!) / (2 * tp[k]! + fp[k]! + fn[k]!) : 0;
  return f / K;
}

/**
 * Coordinate search on the per-class offsets for macro-F1: the calibrated argmax favours the
 * frequent classes (that minimises log-loss), while the station is judged on every class alike.
 */
function ajustarParaF1(S: Float64Array, y: Int32Array, K: number, T: number, c: Float64Array): Float64Array {
  const mejor = Float64Array.from(c);
  let f = macroF1De(S, y, K, T, mejor);
  for (let ronda = 0; ronda < 3; ronda++) {
    let cambio = false;
    for (let k = 0; k < K; k++) {
      const base = mejor[k]!;
      for (let d = -2; d <= 2.0001; d += 0.1) {
        const prueba = Float64Array.from(mejor);
        prueba[k] = base + d;
        const f2 = macroF1De(S, y, K, T, prueba);
        // Only a clear gain moves an offset: small wiggles would fit the folds' noise.
        if (f2 > f + 1e-4) {
          f = f2;
          mejor[k] = base + d;
          cambio = true;
        }
      }
    }
    if (!cambio) break;
  }
  return mejor;
}

function validarEjemplos(ejemplos: readonly Ejemplo[]): void {
  if (ejemplos.length === 0) throw new Error('No hay ejemplos para entrenar el clasificador.');
  ejemplos.forEach((e, i) => {
    if (typeof e.texto !== 'string' || typeof e.etiqueta !== 'string' || e.etiqueta.trim() === '') {
      throw new Error(`El ejemplo ${i + 1} no tiene texto o etiqueta.`);
    }
    if (e.peso !== undefined && !(Number.isFinite(e.peso) && e.peso > 0)) throw new Error(`El ejemplo ${i + 1} tiene un peso no válido (${e.peso}).`);
  });
}

/**
 * Trains a model. A pure function of its inputs (and `opciones.creado`): it can run in a worker,
 * and the same examples with the same seed give the same weights.
 */
export function entrenar(ejemplos: readonly Ejemplo[], opciones: Partial<OpcionesEntrenamiento> = {}): Modelo {
  const o: OpcionesEntrenamiento = { ...OPCIONES_POR_DEFECTO, ...opciones };
  validarOpciones(o);
  validarEjemplos(ejemplos);
  const etiquetas = [...new Set(ejemplos.map((e) => e.etiqueta))].sort();
  const K = etiquetas.length;
  const D = 1 << o.bits;
  const indice = new Map(etiquetas.map((e, k) => [e, k]));
  const y = Int32Array.from(ejemplos, (e) => indice.get(e.etiqueta)!);
  const cuenta = new Float64Array(K);
  for (const k of y) cuenta[k]!++;
  const n = ejemplos.length;
  const pesoClase = Array.from(cuenta, (c) => Math.pow(n / (K * c), o.pesoClases));
  const pesoMuestra = Float64Array.from(ejemplos, (e) => e.peso ?? 1);
  const costo = Float64Array.from(y, (k, i) => pesoClase[k]! * pesoMuestra[i]!);

  const vz = new Vectorizador(o, null);
  const crudos = ejemplos.map((e) => vz.crudo(e.texto));
  let idf: Float32Array | null = null;
  if (o.idf || o.minDf > 1) {
    idf = calcularIdf(crudos, o.bits, o.minDf);
    // minDf without IDF: a 0/1 mask that only drops the rare buckets.
    if (!o.idf) for (let b = 0; b < idf.length; b++) if (idf[b]! > 0) idf[b] = 1;
    idf = aRejillaPositivos(idf);
  }
  const datos: Datos = { vectores: crudos.map((c) => ponderar(c, idf, o.pesoPalabras)), y, costo };

  const todas = Int32Array.from({ length: n }, (_, i) => i);
  const soporte = Object.fromEntries(etiquetas.map((e, k) => [e, cuenta[k]!]));
  const creado = o.creado ?? new Date().toISOString();
  const rasgos: OpcionesRasgos = { bits: o.bits, palabrasN: o.palabrasN, caracteres: [o.caracteres[0], o.caracteres[1]], caracteresTexto: [o.caracteresTexto[0], o.caracteresTexto[1]], longitud: o.longitud, raices: o.raices, pesoPalabras: o.pesoPalabras, maxCaracteres: o.maxCaracteres };

  if (K === 1) {
    // One label: nothing to discriminate; the model always answers it, with certainty.
    return { formato: FORMATO_MODELO, version: VERSION_MODELO, creado, etiquetas, rasgos, umbral: o.umbral, soporte, idf, pesos: new Float32Array(D), intercepto: new Float32Array(1), temperatura: 1, calibracion: new Float32Array(1) };
  }

  let T = 1;
  let c: Float64Array = new Float64Array(K);
  const minimo = Math.min(...cuenta);
  const f = Math.min(o.plieguesCalibracion, minimo);
  if (f >= 2) {
    const pl = pliegues(ejemplos.map((e) => e.etiqueta), f, o.semilla + 7919);
    const S = new Float64Array(n * K);
    const s = new Float64Array(K);
    for (let p = 0; p < f; p++) {
      const train = todas.filter((i) => pl[i] !== p);
      const m = svm(datos, train, K, D, { ...o, epocas: o.epocasCalibracion });
      for (let i = 0; i < n; i++) if (pl[i] === p) S.set(puntajes(m.w, m.b, K, datos.vectores[i]!, s), i * K);
    }
    // Temperature only: per-class offsets fitted to log-loss would pull the decisions back
    // towards the frequent classes that the class weights were there to counter.
    T = ajustarCalibracion(S, y, pesoMuestra, K, true).T;
    if (o.ajustarSesgos) c = ajustarParaF1(S, y, K, T, c);
  }
  const m = svm(datos, todas, K, D, o);
  let wFinal = m.w;
  let bFinal = m.b;
  if (o.logistica > 0) {
    // Logit-space mixture of two linear models is one linear model: same file, same prediction cost.
    const lr = logistica(datos, todas, K, D, o);
    const a = o.logistica;
    wFinal = new Float64Array(m.w.length);
    for (let q = 0; q < wFinal.length; q++) wFinal[q] = (1 - a) * T * m.w[q]! + a * lr.w[q]!;
    bFinal = Float64Array.from(m.b, (v, k) => (1 - a) * T * v + a * lr.b[k]!);
    T = 1;
  }
  if (o.priores !== 0) for (let k = 0; k < K; k++) c[k] = c[k]! - o.priores * Math.log(cuenta[k]! / n);
  return {
    formato: FORMATO_MODELO,
    version: VERSION_MODELO,
    creado,
    etiquetas,
    rasgos,
    umbral: o.umbral,
    soporte,
    idf,
    pesos: aRejillaPesos(wFinal, K),
    intercepto: Float32Array.from(bFinal),
    temperatura: T,
    calibracion: Float32Array.from(c),
  };
}

function validarOpciones(o: OpcionesEntrenamiento): void {
  const mal = (q: string) => {
    throw new Error(`Opción de entrenamiento no válida: ${q}.`);
  };
  if (!Number.isInteger(o.bits) || o.bits < 10 || o.bits > 22) mal('bits debe ser un entero entre 10 y 22');
  if (!(o.C > 0)) mal('C debe ser positivo');
  if (!Number.isInteger(o.palabrasN) || o.palabrasN < 0 || o.palabrasN > 3) mal('palabrasN va de 0 a 3');
  const [a, b] = o.caracteres;
  if (!(b === 0 || (a >= 1 && b >= a && b <= 8))) mal('caracteres es [min, max] con 1 ≤ min ≤ max ≤ 8, o [0, 0]');
  const [ta, tb] = o.caracteresTexto;
  if (!(tb === 0 || (ta >= 1 && tb >= ta && tb <= 8))) mal('caracteresTexto es [min, max] con 1 ≤ min ≤ max ≤ 8, o [0, 0]');
  if (o.palabrasN === 0 && b === 0 && tb === 0) mal('se necesitan rasgos de palabras o de caracteres');
  if (!(o.logistica >= 0 && o.logistica <= 1)) mal('logistica va de 0 a 1');
  if (!(o.lambdaLogistica > 0)) mal('lambdaLogistica debe ser positivo');
  if (!Number.isInteger(o.epocasLogistica) || o.epocasLogistica < 1) mal('epocasLogistica es un entero positivo');
  if (!Number.isInteger(o.epocas) || o.epocas < 1 || !Number.isInteger(o.epocasCalibracion) || o.epocasCalibracion < 1) mal('epocas y epocasCalibracion son enteros positivos');
  if (!(o.umbral >= 0 && o.umbral <= 1)) mal('umbral va de 0 a 1');
}

// ---------------------------------------------------------------------------------------------
// Prediction

// Each model keeps its scratch space: the dense accumulator is allocated once, not per keystroke.
const vectorizadores = new WeakMap<Modelo, Vectorizador>();

/** The model's vectoriser (and scratch space), shared by prediction and explicar.ts. */
export function vectorizadorDe(m: Modelo): Vectorizador {
  let v = vectorizadores.get(m);
  if (!v) {
    v = new Vectorizador(m.rasgos, m.idf);
    vectorizadores.set(m, v);
  }
  return v;
}

/** Every label with its probability, best first. */
export function predecir(modelo: Modelo, texto: string): Prediccion[] {
  const K = modelo.etiquetas.length;
  const x = vectorizadorDe(modelo).vector(texto);
  const s = puntajes(modelo.pesos, modelo.intercepto, K, x, new Float64Array(K));
  for (let k = 0; k < K; k++) s[k] = modelo.temperatura * s[k]! + modelo.calibracion[k]!;
  const p = softmax(s, new Float64Array(K));
  return modelo.etiquetas.map((etiqueta, k) => ({ etiqueta, probabilidad: p[k]! })).sort((a, b) => b.probabilidad - a.probabilidad || (a.etiqueta < b.etiqueta ? -1 : 1));
}

/**
 * At most k suggestions at or above the threshold, best first. An empty text (the clerk has not
 * typed yet) suggests nothing: its "prediction" would be the class prior, not a reading.
 */
export function sugerir(modelo: Modelo, texto: string, o: { k?: number; umbral?: number } = {}): Prediccion[] {
  if (texto.trim() === '') return [];
  const umbral = o.umbral ?? modelo.umbral;
  return predecir(modelo, texto)
    .filter((p) => p.probabilidad >= umbral)
    .slice(0, o.k ?? 3);
}
