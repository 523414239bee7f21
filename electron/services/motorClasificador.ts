/**
 * The station's side of the classifier engine (shared/classifier): training both objetivos from
 * prepared examples, a held-out measurement, and the model's bytes for the `modelos` table. Pure
 * functions of their inputs (no store, no clock): they run inline (CLI, tests) or in a worker
 * thread (electron/services/entrenamientoWorker.ts) without change.
 */
import { entrenar, evaluar, pliegues, predecir, type Ejemplo, type Modelo } from '../../shared/classifier';
import { cargarModelo as cargarArchivo, serializarModelo as serializarArchivo } from '../../shared/classifier/formato';
import type { Objetivo, Puntaje } from '../../shared/sugerencias';

export type { Modelo };

export interface DatosEntrenamiento {
  ejemplos: Record<Objetivo, Ejemplo[]>;
  /** ISO instant written in the models (the caller's clock). */
  creado: string;
  semilla?: number;
}

export interface ModeloEntrenado {
  objetivo: Objetivo;
  contenido: Uint8Array;
  ejemplos: number;
  metricas: MetricasModelo;
}

export interface MetricasModelo {
  /** Accuracy and macro-F1 of a model trained on 80 % and tested on the other 20 % (null: too few examples). */
  accuracy: number | null;
  macroF1: number | null;
  prueba: number;
  etiquetas: number;
  entrenamientoMs: number;
  bytes: number;
}

/** Below this many examples (or with one label) a held-out measurement says nothing. */
const MINIMO_MEDICION = 40;

/** Trains the tipo and dependencia models; an objetivo without examples is skipped. */
export function entrenarObjetivos(d: DatosEntrenamiento): ModeloEntrenado[] {
  const out: ModeloEntrenado[] = [];
  for (const objetivo of ['tipo', 'dependencia'] as const) {
    const ejemplos = d.ejemplos[objetivo].filter((e) => e.texto.trim() !== '' && e.etiqueta.trim() !== '');
    if (ejemplos.length === 0) continue;
    const opciones = { creado: d.creado, semilla: d.semilla ?? 1 };
    const etiquetas = new Set(ejemplos.map((e) => e.etiqueta)).size;
    let accuracy: number | null = null;
    let macroF1: number | null = null;
    let prueba = 0;
    if (ejemplos.length >= MINIMO_MEDICION && etiquetas >= 2) {
      // Stratified 5 folds; fold 0 is the test set.
      const pl = pliegues(
        ejemplos.map((e) => e.etiqueta),
        5,
        opciones.semilla,
      );
      const test = ejemplos.filter((_, i) => pl[i] === 0);
      const m = evaluar(
        entrenar(
          ejemplos.filter((_, i) => pl[i] !== 0),
          opciones,
        ),
        test,
      );
      accuracy = m.accuracy;
      macroF1 = m.macroF1;
      prueba = test.length;
    }
    const t0 = performance.now();
    const modelo = entrenar(ejemplos, opciones);
    const entrenamientoMs = Math.round(performance.now() - t0);
    const contenido = serializarModelo(modelo);
    out.push({ objetivo, contenido, ejemplos: ejemplos.length, metricas: { accuracy, macroF1, prueba, etiquetas, entrenamientoMs, bytes: contenido.length } });
  }
  return out;
}

/** Every label with its calibrated probability, best first. */
export function predecirCodigos(modelo: Modelo, texto: string): Puntaje[] {
  return predecir(modelo, texto).map((p) => ({ codigo: p.etiqueta, probabilidad: p.probabilidad }));
}

// ---------------------------------------------------------------------------------------------
// Model bytes: shared/classifier's versioned model file (JSON, quantised weights) as UTF-8, the
// same file `radica clasificador entrenar --modelo` writes.

export function serializarModelo(m: Modelo): Uint8Array {
  return new TextEncoder().encode(serializarArchivo(m));
}

export function cargarModelo(bytes: Uint8Array): Modelo {
  return cargarArchivo(new TextDecoder().decode(bytes));
}
