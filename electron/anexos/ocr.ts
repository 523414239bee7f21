/**
 * OCR behind one interface: tesseract.js with the Spanish data shipped in @tesseract.js-data/spa
 * (works offline, on Windows too), in its own worker thread so the main process never waits on it.
 * The worker is started on the first page and stopped after a minute idle: it holds ~100 MB that
 * a station scanning twice an hour should not keep.
 */
import type { ImagenPagina } from './documento';
import type { Rotacion } from '../../shared/domain/anexos';

export interface TextoReconocido {
  texto: string;
  /** Tesseract's mean word confidence, 0–100. */
  confianza: number;
}

export interface MotorOcr {
  readonly nombre: string;
  reconocer(imagen: ImagenPagina, rotacion?: Rotacion): Promise<TextoReconocido>;
  cerrar(): Promise<void>;
}

interface TrabajadorTesseract {
  recognize(imagen: Buffer, opciones?: { rotateRadians?: number }): Promise<{ data: { text: string; confidence: number } }>;
  terminate(): Promise<unknown>;
}

export interface OpcionesTesseract {
  /** Stop the worker after this long without pages. */
  inactividadMs?: number;
}

export function motorTesseract(o: OpcionesTesseract = {}): MotorOcr {
  const inactividadMs = o.inactividadMs ?? 60_000;
  let trabajador: Promise<TrabajadorTesseract> | null = null;
  let temporizador: NodeJS.Timeout | null = null;
  let enCurso = 0;
  /** Closed for good (the station closed): no new worker may start and keep the process alive. */
  let cerrado = false;

  async function iniciar(): Promise<TrabajadorTesseract> {
    // Loaded on demand: the CLI's other commands and the tests that do not OCR never pay for it.
    const { createWorker, OEM } = await import('tesseract.js');
    const spa = (await import('@tesseract.js-data/spa')) as unknown as { langPath: string; gzip: boolean };
    const w = await createWorker('spa', OEM.LSTM_ONLY, {
      langPath: (spa as { default?: { langPath: string } }).default?.langPath ?? spa.langPath,
      gzip: true,
      // No cache folder: the data is read from the package every start (it is local anyway).
      cacheMethod: 'none',
      logger: () => {},
      errorHandler: () => {},
    });
    return w as unknown as TrabajadorTesseract;
  }

  function programarCierre(): void {
    if (temporizador) clearTimeout(temporizador);
    temporizador = setTimeout(() => {
      if (enCurso === 0) void detenerTrabajador();
    }, inactividadMs);
    temporizador.unref();
  }

  async function detenerTrabajador(): Promise<void> {
    if (temporizador) clearTimeout(temporizador);
    temporizador = null;
    const t = trabajador;
    trabajador = null;
    if (t) await (await t.catch(() => null))?.terminate();
  }

  return {
    nombre: 'tesseract.js 7 (spa)',
    async reconocer(imagen, rotacion = 0) {
      if (cerrado) throw new Error('OCR cerrado');
      enCurso++;
      try {
        trabajador ??= iniciar();
        const w = await trabajador.catch((err: unknown) => {
          trabajador = null;
          throw err;
        });
        const r = await w.recognize(imagen.bytes, rotacion ? { rotateRadians: (rotacion * Math.PI) / 180 } : {});
        return { texto: r.data.text.trim(), confianza: r.data.confidence };
      } finally {
        enCurso--;
        if (cerrado && enCurso === 0) void detenerTrabajador();
        else programarCierre();
      }
    },
    async cerrar() {
      cerrado = true;
      await detenerTrabajador();
    },
  };
}

/** For tests of the code around OCR: answers from a function of the page, instantly. */
export function motorOcrFalso(texto: (imagen: ImagenPagina, indice: number) => string = () => ''): MotorOcr & { paginas: number } {
  const m = {
    nombre: 'falso',
    paginas: 0,
    async reconocer(imagen: ImagenPagina) {
      return { texto: texto(imagen, m.paginas++), confianza: 90 };
    },
    async cerrar() {},
  };
  return m;
}
