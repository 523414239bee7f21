/**
 * Worker-thread entry (bundled by scripts/build.mjs as dist/electron/entrenamiento.cjs): trains the
 * classifier's models off the main thread, so radicación never waits for a training run.
 * Receives DatosEntrenamiento, answers {ok, modelos} (model bytes transferred, not copied) or {ok: false, mensaje}.
 */
import { parentPort } from 'node:worker_threads';
import { entrenarObjetivos, type DatosEntrenamiento } from './motorClasificador';

parentPort?.on('message', (d: DatosEntrenamiento) => {
  try {
    const modelos = entrenarObjetivos(d);
    parentPort!.postMessage(
      { ok: true, modelos },
      modelos.map((m) => m.contenido.buffer as ArrayBuffer),
    );
  } catch (err) {
    parentPort!.postMessage({ ok: false, mensaje: err instanceof Error ? err.message : String(err) });
  }
});
