import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { entrenarObjetivos, type DatosEntrenamiento, type ModeloEntrenado } from './motorClasificador';

/** Runs a training: in a worker thread in the app, inline where a blocked thread harms nobody (CLI). */
export type Entrenador = (d: DatosEntrenamiento) => Promise<ModeloEntrenado[]>;

export const entrenadorEnLinea: Entrenador = async (d) => entrenarObjetivos(d);

/** One worker per training run (a few per day): nothing stays alive between runs. */
export function entrenadorEnHilo(archivoWorker: string): Entrenador {
  return (d) =>
    new Promise<ModeloEntrenado[]>((resolve, reject) => {
      const w = new Worker(archivoWorker);
      let terminado = false;
      const fin = (f: () => void) => {
        if (terminado) return;
        terminado = true;
        void w.terminate();
        f();
      };
      w.once('message', (r: { ok: true; modelos: ModeloEntrenado[] } | { ok: false; mensaje: string }) =>
        fin(() => (r.ok ? resolve(r.modelos) : reject(new Error(r.mensaje)))),
      );
      w.once('error', (err) => fin(() => reject(err)));
      w.once('exit', (code) => fin(() => reject(new Error(`El proceso de entrenamiento terminó sin respuesta (código ${code}).`))));
      w.postMessage(d);
    });
}

/**
 * The bundled worker beside the running bundle (dist/electron/entrenamiento.cjs), if there is one.
 * In the installed app it is unpacked from the asar (electron-builder.yml): a worker thread loads
 * its entry from the real file system.
 */
export function archivoWorkerEntrenamiento(dir: string = __dirname): string | null {
  for (const f of [path.join(dir, 'entrenamiento.cjs'), path.join(dir, 'electron', 'entrenamiento.cjs')]) {
    const fuera = f.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    if (fuera !== f && existsSync(fuera)) return fuera;
    if (existsSync(f)) return f;
  }
  return null;
}

/** The worker when the bundle is there (the app, the CLI), inline otherwise (tests on the sources). */
export function entrenadorPorDefecto(): Entrenador {
  const archivo = archivoWorkerEntrenamiento();
  return archivo ? entrenadorEnHilo(archivo) : entrenadorEnLinea;
}
