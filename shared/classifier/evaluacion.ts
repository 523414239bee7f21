/** Quality figures: accuracy, macro-F1 (every class counts alike, rare ones included) and per class. */
import { pliegues } from './azar';
import { entrenar, predecir, type Ejemplo, type Modelo, type OpcionesEntrenamiento } from './modelo';

export interface MetricasClase {
  precision: number;
  recall: number;
  f1: number;
  soporte: number;
}

export interface Metricas {
  accuracy: number;
  macroF1: number;
  porClase: Record<string, MetricasClase>;
}

/** Metrics from gold and predicted labels. Classes are the gold ones plus any predicted. */
export function metricas(reales: readonly string[], predichas: readonly string[]): Metricas {
  if (reales.length !== predichas.length) throw new Error('Las listas de etiquetas reales y predichas tienen distinto tamaño.');
  const clases = [...new Set([...reales, ...predichas])].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const sop = new Map<string, number>();
  const suma = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let aciertos = 0;
  reales.forEach((r, i) => {
    const p = predichas[i]!;
    suma(sop, r);
    if (r === p) {
      aciertos++;
      suma(tp, r);
    } else {
      suma(fp, p);
      suma(fn, r);
    }
  });
  const porClase: Record<string, MetricasClase> = {};
  let f1s = 0;
  for (const c of clases) {
    const t = tp.get(c) ?? 0;
    const precision = t + (fp.get(c) ?? 0) > 0 ? t / (t + (fp.get(c) ?? 0)) : 0;
    const recall = t + (fn.get(c) ?? 0) > 0 ? t / (t + (fn.get(c) ?? 0)) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    porClase[c] = { precision, recall, f1, soporte: sop.get(c) ?? 0 };
    f1s += f1;
  }
  return { accuracy: reales.length ? aciertos / reales.length : 0, macroF1: clases.length ? f1s / clases.length : 0, porClase };
}

export function evaluar(modelo: Modelo, ejemplos: readonly Ejemplo[]): Metricas {
  return metricas(
    ejemplos.map((e) => e.etiqueta),
    ejemplos.map((e) => predecir(modelo, e.texto)[0]?.etiqueta ?? ''),
  );
}

export interface ResultadoValidacion extends Metricas {
  pliegues: number;
  /** Each fold's own accuracy and macro-F1 (the pooled figures above are over all examples). */
  porPliegue: { accuracy: number; macroF1: number }[];
}

/**
 * Stratified k-fold cross-validation: each example is predicted by a model that never saw it,
 * and the figures pool all out-of-fold predictions.
 */
export function validacionCruzada(ejemplos: readonly Ejemplo[], k = 5, opciones: Partial<OpcionesEntrenamiento> = {}, alAvanzar?: (pliegue: number) => void): ResultadoValidacion {
  if (!Number.isInteger(k) || k < 2) throw new Error('La validación cruzada necesita al menos 2 pliegues.');
  if (ejemplos.length < k) throw new Error(`Hay ${ejemplos.length} ejemplos: no alcanzan para ${k} pliegues.`);
  const pl = pliegues(
    ejemplos.map((e) => e.etiqueta),
    k,
    opciones.semilla ?? 1,
  );
  const predichas: string[] = new Array<string>(ejemplos.length);
  const porPliegue: { accuracy: number; macroF1: number }[] = [];
  for (let p = 0; p < k; p++) {
    const modelo = entrenar(
      ejemplos.filter((_, i) => pl[i] !== p),
      opciones,
    );
    const prueba = ejemplos.map((e, i) => [e, i] as const).filter(([, i]) => pl[i] === p);
    for (const [e, i] of prueba) predichas[i] = predecir(modelo, e.texto)[0]!.etiqueta;
    const m = metricas(
      prueba.map(([e]) => e.etiqueta),
      prueba.map(([, i]) => predichas[i]!),
    );
    porPliegue.push({ accuracy: m.accuracy, macroF1: m.macroF1 });
    alAvanzar?.(p + 1);
  }
  return { ...metricas(ejemplos.map((e) => e.etiqueta), predichas), pliegues: k, porPliegue };
}
