// Classifier suite: stratified 5-fold cross-validation on a labelled CSV, training time on the
// whole file, suggestion latency and model size.
//
//   npm run bench -- clasificador [--csv PATH] [--texto Reporte] [--etiqueta Categoria] [--pliegues 5] [--semilla 1]
//
// The seed draws the folds and the training's own shuffles: the spread over seeds 1–3 is the noise
// any change has to beat (see shared/classifier/EXPERIMENTOS.md).
//
// Default CSV: ../shared/data/pqr-ong-train.csv (evaluation data kept outside the repository; see
// its README: never copy it here). Targets in issue 4: accuracy ≥ 0.88, macro-F1 ≥ 0.77, training
// ≤ 15 s, suggestion p99 ≤ 2 ms, model ≤ 8 MB.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cargarModulo, csvEtiquetado, linea, OPCIONES_CSV_ETIQUETADO, percentiles, progresoDe } from './comun.mjs';

const progreso = progresoDe('clasificador');

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { ...OPCIONES_CSV_ETIQUETADO, pliegues: { type: 'string', default: '5' }, semilla: { type: 'string', default: '1' } },
    strict: true,
  });
  const csv = csvEtiquetado(values.csv, 'clasificador');
  if (!csv) return;
  const mod = await cargarModulo(
    'clasificador',
    `export * from './shared/classifier';\nexport { serializarModelo } from './shared/classifier/formato';\nexport { leerCsvEtiquetado } from './electron/cli/clasificador';`,
  );
  const ejemplos = mod.leerCsvEtiquetado(csv, values.texto, values.etiqueta);
  const k = Number(values.pliegues);
  const semilla = Number(values.semilla);
  if (!Number.isInteger(semilla) || semilla < 0) throw new Error(`--semilla debe ser un entero ≥ 0, como en radica clasificador validar (recibí «${values.semilla}»).`);
  progreso(`${ejemplos.length} ejemplos; validación cruzada en ${k} pliegues…`);

  const cv = mod.validacionCruzada(ejemplos, k, { semilla }, (p) => progreso(`pliegue ${p}/${k}`));
  const r4 = (x) => Math.round(x * 10000) / 10000;
  linea({
    metric: 'clasificador_cv',
    pliegues: k,
    semilla,
    ejemplos: ejemplos.length,
    accuracy: r4(cv.accuracy),
    macroF1: r4(cv.macroF1),
    porClase: Object.fromEntries(Object.entries(cv.porClase).map(([e, c]) => [e, { precision: r4(c.precision), recall: r4(c.recall), f1: r4(c.f1), soporte: c.soporte }])),
    // A change is only real if it holds fold by fold, not just in the pooled figure.
    porPliegue: cv.porPliegue.map((f) => ({ accuracy: r4(f.accuracy), macroF1: r4(f.macroF1) })),
  });

  const t0 = performance.now();
  const modelo = mod.entrenar(ejemplos, { semilla });
  const entrenarMs = Math.round(performance.now() - t0);
  linea({ metric: 'clasificador_entrenar_ms', ejemplos: ejemplos.length, ms: entrenarMs });
  progreso(`entrenamiento: ${entrenarMs} ms`);

  // Every training text once as a query (the latency of a real asunto, not of a toy string),
  // after a warm-up pass for the JIT.
  for (const e of ejemplos.slice(0, 200)) mod.sugerir(modelo, e.texto);
  const ms = [];
  for (const e of ejemplos) {
    const t = performance.now();
    mod.sugerir(modelo, e.texto);
    ms.push(performance.now() - t);
  }
  linea({ metric: 'clasificador_sugerir_ms', ...percentiles(ms) });
  // What the station adds when the model speaks alone: the words that led it to each suggestion.
  const conPor = [];
  for (const e of ejemplos) {
    const t = performance.now();
    const s = mod.sugerir(modelo, e.texto);
    const x = mod.explicar(modelo, e.texto);
    for (const p of s) x.palabras(p.etiqueta, 2);
    conPor.push(performance.now() - t);
  }
  linea({ metric: 'clasificador_sugerir_con_explicacion_ms', ...percentiles(conPor) });
  linea({ metric: 'clasificador_modelo_bytes', bytes: Buffer.byteLength(mod.serializarModelo(modelo)) });
}
