// The entity's model suite (issues 4 and 7): a previous system's labelled history imported into the
// central store, and the entity's model trained on it and published. JSON lines on stdout.
//
//   npm run bench -- modelo-central [--csv PATH] [--texto Reporte] [--etiqueta Categoria] [--url postgres://admin…]
//
// Default CSV: ../shared/data/pqr-ong-train.csv (evaluation data, never copied into the repository).
// Its labels become catalog tipos by the demo mapping of that data's README (Retroalimentación
// positiva → FEL, …); any other label is passed as it is, and rejected unless the demo catalog has
// it. A private PostgreSQL (fsync on) is started and stopped unless --url names an administrator's
// URL of an existing server (a new database is created there).
//
// - modelo_central_importar_ms: `radica central modelo importar` of the whole file (validation
//   against the published catalog and the inserts, in one transaction).
// - modelo_central_entrenar_ms: `radica central modelo entrenar` on it: reading the examples, the
//   held-out measurement and the final training of each objetivo (in this process, as the CLI's
//   worker thread does), and the publication. Also the final training alone and the model's size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cargarModulo, crearBase, csvEtiquetado, linea, OPCIONES_CSV_ETIQUETADO, progresoDe, root } from './comun.mjs';

const progreso = progresoDe('modelo-central');

const TIPO_DEMO = {
  'Retroalimentación positiva': 'FEL',
  'Solicitud de información': 'PET-DOC',
  'Insatisfacción mínima': 'QUE',
  'Solicitud de asistencia': 'PET-GEN',
};

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { ...OPCIONES_CSV_ETIQUETADO, url: { type: 'string' } },
    strict: true,
  });
  const csv = csvEtiquetado(values.csv, 'modelo-central');
  if (!csv) return;
  const m = await cargarModulo(
    'modelo-central',
    `export { migrar } from './electron/central/esquema';
     export { publicarCatalogo } from './electron/central/publicar';
     export { importarEjemplosCentrales, entrenarYPublicar } from './electron/central/modelos';
     export { entrenadorEnLinea } from './electron/services/entrenador';
     export { leerCsvEjemplos } from './electron/cli/csvEjemplos';
     export { iniciarPostgres } from './test/electron/central/postgres';
     export { default as pg } from 'pg';`,
  );
  const filas = m
    .leerCsvEjemplos(csv, { texto: values.texto, tipo: values.etiqueta })
    .map((f) => ({ ...f, tipo: TIPO_DEMO[f.tipo] ?? f.tipo }));
  const catalogo = JSON.parse(readFileSync(path.join(root, 'resources/catalogo.json'), 'utf8'));
  let servidor = null;
  try {
    if (!values.url) {
      progreso('inicio un PostgreSQL privado (fsync on)');
      servidor = await m.iniciarPostgres({ fsync: true });
    }
    const url = await crearBase(m.pg, values.url ?? servidor.adminUrl, `bench_modelo_${process.pid}`);
    await m.migrar(url);
    await m.publicarCatalogo(url, catalogo, 'bench');

    progreso(`importo ${filas.length} filas de ${path.basename(csv)}`);
    let t0 = performance.now();
    const imp = await m.importarEjemplosCentrales(url, filas, path.basename(csv));
    const importarMs = Math.round(performance.now() - t0);
    linea({ metric: 'modelo_central_importar_ms', value: importarMs, filas: filas.length, importados: imp.importados, rechazados: imp.rechazados.length });
    progreso(`  ${importarMs} ms (${imp.importados} importados, ${imp.rechazados.length} rechazados)`);

    progreso('entreno y publico el modelo de la entidad');
    t0 = performance.now();
    const ent = await m.entrenarYPublicar(url, m.entrenadorEnLinea);
    const entrenarMs = Math.round(performance.now() - t0);
    for (const mod of ent.modelos) {
      linea({
        metric: 'modelo_central_entrenar_ms',
        value: entrenarMs,
        objetivo: mod.objetivo,
        version: mod.version,
        ejemplos: mod.ejemplos,
        entrenamiento_final_ms: mod.entrenamientoMs,
        modelo_bytes: mod.bytes,
        accuracy_retenida: mod.accuracy,
        macroF1_retenida: mod.macroF1,
      });
    }
    progreso(`  ${entrenarMs} ms en total`);
  } finally {
    if (servidor) await servidor.cerrar();
  }
}
