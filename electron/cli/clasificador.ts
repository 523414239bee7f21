/**
 * `radica clasificador …`: train, evaluate, cross-validate and query a classifier from labelled
 * CSV files (a previous system's export, or an evaluation set). The station's own model, trained
 * from its radicados and corrections, is the station's business; this works on files only.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { entrenar, evaluar, explicar, predecir, sugerir, validacionCruzada, type Ejemplo, type Metricas, type Modelo } from '../../shared/classifier';
import { cargarModelo, serializarModelo } from '../../shared/classifier/formato';
import { separadorDeCsv, textoDeCsv } from '../../shared/sugerencias/importacion';
import { MAXIMO_POR } from '../../shared/sugerencias';

/** A usage mistake (exit 2) as opposed to a failure (exit 1). */
export class UsoClasificador extends Error {}

export interface OpcionesClasificadorCli {
  csv?: string;
  texto?: string;
  etiqueta?: string;
  modelo?: string;
  entrenamiento?: string;
  prueba?: string;
  pliegues?: string;
  semilla?: string;
  umbral?: string;
  k?: string;
}

export interface SalidaCli {
  json: unknown;
  texto: string;
}

const falta = (nombre: string): never => {
  throw new UsoClasificador(`Falta --${nombre}.`);
};

/**
 * Rows of a labelled CSV: header row, UTF-8 with or without BOM (or Windows-1252), quoted fields
 * (commas, line breaks and doubled quotes inside), separated by commas (or «;», as Excel in es-CO
 * saves them). Rows with an empty label are skipped: they cannot teach.
 */
export function leerCsvEtiquetado(archivo: string, columnaTexto: string, columnaEtiqueta: string): Ejemplo[] {
  let contenido: Buffer;
  try {
    contenido = readFileSync(archivo);
  } catch (e) {
    throw new Error(`No se pudo leer ${archivo}: ${(e as { code?: string }).code ?? (e as Error).message}.`);
  }
  const texto = textoDeCsv(contenido);
  const delimiter = separadorDeCsv(texto);
  let filas: Record<string, string>[];
  try {
    filas = parse(texto, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, delimiter }) as Record<string, string>[];
  } catch (e) {
    throw new Error(`${archivo} no es un CSV válido: ${(e as Error).message}`);
  }
  const columnas = filas.length > 0 ? Object.keys(filas[0]!) : encabezado(texto, delimiter);
  for (const c of [columnaTexto, columnaEtiqueta]) {
    if (!columnas.includes(c)) throw new Error(`${archivo} no tiene la columna "${c}". Columnas: ${columnas.map((x) => `"${x}"`).join(', ') || '(ninguna)'}.`);
  }
  const ejemplos = filas
    .map((f) => ({ texto: f[columnaTexto] ?? '', etiqueta: (f[columnaEtiqueta] ?? '').trim() }))
    .filter((e) => e.etiqueta !== '');
  if (ejemplos.length === 0) throw new Error(`${archivo} no tiene filas con etiqueta en la columna "${columnaEtiqueta}".`);
  return ejemplos;
}

function encabezado(texto: string, delimiter: string): string[] {
  const r = parse(texto, { bom: true, to_line: 1, relax_column_count: true, delimiter }) as string[][];
  return r[0] ?? [];
}

function leerModelo(archivo: string): { modelo: Modelo; bytes: number } {
  let texto: string;
  try {
    texto = readFileSync(archivo, 'utf8');
  } catch (e) {
    throw new Error(`No se pudo leer el modelo ${archivo}: ${(e as { code?: string }).code ?? (e as Error).message}.`);
  }
  return { modelo: cargarModelo(texto), bytes: Buffer.byteLength(texto) };
}

/** Written beside the target and renamed: a reader never sees half a model. */
function escribirModelo(archivo: string, modelo: Modelo): number {
  const texto = serializarModelo(modelo);
  const temporal = `${archivo}.${process.pid}.tmp`;
  writeFileSync(temporal, texto);
  renameSync(temporal, archivo);
  return statSync(archivo).size;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function textoMetricas(m: Metricas): string {
  return [
    `Exactitud (accuracy): ${pct(m.accuracy)} · F1 macro: ${m.macroF1.toFixed(3)}`,
    ...Object.entries(m.porClase).map(([e, c]) => `  ${e}: precisión ${c.precision.toFixed(3)}, exhaustividad ${c.recall.toFixed(3)}, F1 ${c.f1.toFixed(3)} (${c.soporte})`),
  ].join('\n');
}

function p99(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)]! : 0;
}

function numero(v: string | undefined, nombre: string, { entero = false, min = -Infinity, max = Infinity } = {}): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || (entero && !Number.isInteger(x)) || x < min || x > max) {
    throw new UsoClasificador(`--${nombre} debe ser ${entero ? 'un entero' : 'un número'}${min > -Infinity ? ` ≥ ${min}` : ''}${max < Infinity ? ` y ≤ ${max}` : ''} (recibí "${v}").`);
  }
  return x;
}

/** `radica clasificador SUB …`. `textos` are the positionals after SUB. */
export function comandoClasificador(sub: string | undefined, textos: string[], v: OpcionesClasificadorCli): SalidaCli {
  switch (sub) {
    case 'entrenar': {
      const ejemplos = leerCsvEtiquetado(v.csv ?? falta('csv'), v.texto ?? falta('texto'), v.etiqueta ?? falta('etiqueta'));
      const destino = path.resolve(v.modelo ?? falta('modelo'));
      const t0 = performance.now();
      const modelo = entrenar(ejemplos);
      const entrenamientoMs = Math.round(performance.now() - t0);
      const modeloBytes = escribirModelo(destino, modelo);
      return {
        json: { modelo: destino, ejemplos: ejemplos.length, etiquetas: modelo.etiquetas, soporte: modelo.soporte, entrenamientoMs, modeloBytes },
        texto: `Modelo entrenado con ${ejemplos.length} ejemplos (${modelo.etiquetas.length} etiquetas) en ${(entrenamientoMs / 1000).toFixed(1)} s: ${destino} (${(modeloBytes / 1e6).toFixed(2)} MB).`,
      };
    }
    case 'evaluar': {
      const texto = v.texto ?? falta('texto');
      const etiqueta = v.etiqueta ?? falta('etiqueta');
      const train = leerCsvEtiquetado(v.entrenamiento ?? falta('entrenamiento'), texto, etiqueta);
      const test = leerCsvEtiquetado(v.prueba ?? falta('prueba'), texto, etiqueta);
      const t0 = performance.now();
      const modelo = entrenar(train);
      const entrenamientoMs = Math.round(performance.now() - t0);
      const ms: number[] = [];
      for (const e of test) {
        const t = performance.now();
        predecir(modelo, e.texto);
        ms.push(performance.now() - t);
      }
      const m = evaluar(modelo, test);
      const modeloBytes = Buffer.byteLength(serializarModelo(modelo));
      const prediccionP99Ms = Math.round(p99(ms) * 1000) / 1000;
      return {
        json: { ...m, entrenamientoMs, prediccionP99Ms, modeloBytes },
        texto: `${textoMetricas(m)}\nEntrenamiento: ${(entrenamientoMs / 1000).toFixed(1)} s · predicción p99: ${prediccionP99Ms} ms · modelo: ${(modeloBytes / 1e6).toFixed(2)} MB`,
      };
    }
    case 'validar': {
      const ejemplos = leerCsvEtiquetado(v.csv ?? falta('csv'), v.texto ?? falta('texto'), v.etiqueta ?? falta('etiqueta'));
      const k = numero(v.pliegues, 'pliegues', { entero: true, min: 2, max: 20 }) ?? 5;
      // Another seed draws other folds: how far the figures move is how much a difference means.
      const semilla = numero(v.semilla, 'semilla', { entero: true, min: 0 }) ?? 1;
      const t0 = performance.now();
      const r = validacionCruzada(ejemplos, k, { semilla });
      const ms = Math.round(performance.now() - t0);
      return { json: { ...r, ejemplos: ejemplos.length, semilla, validacionMs: ms }, texto: `Validación cruzada estratificada, ${k} pliegues (semilla ${semilla}), ${ejemplos.length} ejemplos:\n${textoMetricas(r)}` };
    }
    case 'sugerir': {
      const frase = textos.join(' ').trim();
      if (frase === '') throw new UsoClasificador('Falta el texto a clasificar: radica clasificador sugerir --modelo M "texto".');
      const { modelo } = leerModelo(v.modelo ?? falta('modelo'));
      const s = sugerir(modelo, frase, { k: numero(v.k, 'k', { entero: true, min: 1 }) ?? 3, umbral: numero(v.umbral, 'umbral', { min: 0, max: 1 }) });
      // With a model trained on a CSV the label is both code and name; the station's own model
      // (the --data-dir variant) maps codes to catalog names and adds the dependencias.
      const sugerencias = s.map((p) => ({ codigo: p.etiqueta, nombre: p.etiqueta, probabilidad: Math.round(p.probabilidad * 1e4) / 1e4 }));
      // The text also says which words led the model to each label; the JSON keeps the issue's shape.
      const e = explicar(modelo, frase);
      const por = (etiqueta: string) => {
        const ws = e.palabras(etiqueta, MAXIMO_POR);
        return ws.length ? `  (por «${ws.join('», «')}»)` : '';
      };
      return {
        json: { sugerencias, dependencias: [] },
        texto: sugerencias.length
          ? sugerencias.map((x) => `${pct(x.probabilidad).padStart(7)}  ${x.nombre}${por(x.codigo)}`).join('\n')
          : 'Sin sugerencias: ninguna etiqueta supera el umbral de confianza.',
      };
    }
    default:
      throw new UsoClasificador(sub ? `Subcomando desconocido: clasificador ${sub}. Use entrenar, evaluar, validar o sugerir.` : 'Falta el subcomando: entrenar, evaluar, validar o sugerir.');
  }
}
