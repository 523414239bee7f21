// Radicación suite: one radicación through the router (commit with synchronous=FULL) and the four
// searches, on a store that already holds N radicados (default 1,000,000), plus bytes per
// radicado and demo generation throughput. JSON lines on stdout, progress on stderr.
//
//   npm run bench -- radicacion [--n 1000000] [--data-dir DIR] [--consultas 1000]
//
// The store is filled with services.demo.generar (2,000 per transaction) and cached in
// $TMPDIR/radica-bench-<n> (e.g. /tmp/radica-bench-1m); it is reused while the schema is the
// same and it holds at least N radicados. Queries are drawn from the data itself.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { cargarModulo, linea, percentiles, progresoDe } from './comun.mjs';

const MARCA = 'bench-completo.json';
const ADMIN = { usuario: 'bench', nombre: 'Benchmark', rol: 'administrador' };
const CLIENTE = 'bench';
// Words a clerk would not type alone in the search box.
const VACIAS = new Set(['del', 'los', 'las', 'por', 'para', 'con', 'que', 'una', 'sin', 'sus', 'entre', 'sobre', 'contra']);

const progreso = progresoDe('radicacion');

/** The station's code, bundled from the TypeScript sources so the bench runs from a fresh clone. */
function cargarEstacion() {
  return cargarModulo(
    'estacion',
    `export { openStation } from './electron/station';
     export { migraciones } from './electron/store/migrations';
     export { ARCHIVO_BASE } from './electron/store/db';
     export { rng } from './electron/services/demoService';
     export { semanaDeInstante } from './shared/domain/revision';`,
  );
}

function nombreCache(n) {
  if (n % 1_000_000 === 0) return `radica-bench-${n / 1_000_000}m`;
  if (n % 1_000 === 0) return `radica-bench-${n / 1_000}k`;
  return `radica-bench-${n}`;
}

function huellaEsquema(migraciones) {
  return createHash('sha256')
    .update(JSON.stringify(migraciones.map((m) => m.sql)))
    .digest('hex')
    .slice(0, 16);
}



async function llamar(station, canal, payload) {
  const r = await station.router.handle(canal, payload, { clientId: CLIENTE });
  if (!r.ok) throw new Error(`${canal}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

function contarRadicados(station) {
  return station.db.prepare('SELECT count(*) AS c FROM radicados').get().c;
}

/** Fills a new station with n demo radicados; returns radicados per second. */
async function generar(mod, dataDir, n) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const station = mod.openStation({ dataDir });
  try {
    station.router.fijarSesion(CLIENTE, ADMIN);
    await llamar(station, 'estacion:inicializar', {
      entidad: 'Entidad de prueba (benchmark)',
      sede: '01',
      ventanilla: '03',
      usuariosDemo: true,
    });
    // One call: generar spreads the instants over the last eight weeks, in order.
    const t0 = performance.now();
    // Without suggestions: the fill rate stays comparable with earlier figures (radicación alone).
    station.services.demo.generar(n, ADMIN, undefined, { sinSugerencias: true });
    const segundos = (performance.now() - t0) / 1000;
    station.db.pragma('wal_checkpoint(TRUNCATE)');
    return n / segundos;
  } finally {
    station.close();
  }
}

async function prepararAlmacen(mod, dataDir, n, cacheable) {
  const huella = huellaEsquema(mod.migraciones);
  const marca = path.join(dataDir, MARCA);
  if (existsSync(marca) && existsSync(path.join(dataDir, mod.ARCHIVO_BASE))) {
    try {
      const m = JSON.parse(readFileSync(marca, 'utf8'));
      if (m.n === n && m.esquema === huella) {
        const station = mod.openStation({ dataDir });
        const total = contarRadicados(station);
        station.close();
        if (total >= n) {
          progreso(`reutilizo ${dataDir} (${total} radicados, generado ${m.creado})`);
          return { demoPorSegundo: null };
        }
      }
      progreso(`${dataDir} no sirve (otro N, otro esquema o incompleto): lo genero de nuevo`);
    } catch (err) {
      progreso(`marca ilegible en ${dataDir} (${err.message}): lo genero de nuevo`);
    }
  } else if (!cacheable && existsSync(path.join(dataDir, mod.ARCHIVO_BASE))) {
    throw new Error(`${dataDir} tiene una base de datos que no preparó el benchmark; use otro --data-dir.`);
  }
  progreso(`genero ${n} radicados de demostración en ${dataDir}`);
  const porSegundo = await generar(mod, dataDir, n);
  writeFileSync(marca, JSON.stringify({ n, esquema: huella, creado: new Date().toISOString(), demoPorSegundo: porSegundo }));
  return { demoPorSegundo: porSegundo };
}

function palabrasDe(texto) {
  return texto.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !VACIAS.has(w.toLowerCase()) && !/^\d+$/.test(w));
}

/** Realistic queries drawn from random radicados of the store. */
function consultas(station, cuantas, r) {
  const maxId = station.db.prepare('SELECT max(id) AS m FROM radicados').get().m;
  const fila = station.db.prepare(
    `SELECT r.numero, r.asunto, p.tipo_documento AS tipo, p.numero_documento AS documento, p.nombres
     FROM radicados r JOIN remitentes p ON p.id = r.remitente_id WHERE r.id = ?`,
  );
  const azar = () => {
    for (;;) {
      const f = fila.get(1 + Math.floor(r() * maxId));
      if (f) return f;
    }
  };
  const numeros = [];
  const documentos = [];
  const textos = [];
  const nombres = [];
  while (numeros.length < cuantas) numeros.push(azar().numero);
  while (documentos.length < cuantas) {
    const f = azar();
    if (f.tipo !== 'AN') documentos.push(`${f.tipo}:${f.documento}`);
  }
  while (textos.length < cuantas) {
    const ws = palabrasDe(azar().asunto);
    if (ws.length === 0) continue;
    const i = Math.floor(r() * ws.length);
    // One query in five has two words, as a clerk narrows a search.
    if (textos.length % 5 === 4 && i + 1 < ws.length) textos.push(`${ws[i]} ${ws[i + 1]}`);
    else textos.push(ws[i]);
  }
  while (nombres.length < cuantas) {
    const ws = azar().nombres.split(/\s+/).filter((w) => w.length >= 3);
    if (ws.length === 0) continue;
    nombres.push(nombres.length % 2 === 0 && ws.length >= 2 ? `${ws[0]} ${ws[1]}` : ws[Math.floor(r() * ws.length)]);
  }
  return { numeros, documentos, textos, nombres };
}

async function medirBusqueda(station, metrica, campo, valores) {
  // A few unmeasured calls first: statements prepared, pages of the indexes in the cache.
  for (const v of valores.slice(0, 20)) await llamar(station, 'radicacion:buscar', { [campo]: v });
  const tiempos = [];
  let resultados = 0;
  let vacias = 0;
  for (const v of valores) {
    const t0 = performance.now();
    const rs = await llamar(station, 'radicacion:buscar', { [campo]: v });
    tiempos.push(performance.now() - t0);
    resultados += rs.length;
    if (rs.length === 0) vacias++;
  }
  const p = percentiles(tiempos);
  linea({ metric: metrica, ...p, resultados_media: Math.round((resultados / valores.length) * 10) / 10, sin_resultados: vacias });
  progreso(`${metrica}: p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms`);
}

function payloadRadicar(r, i) {
  const conocido = i % 3 === 0;
  return {
    remitente: {
      tipoDocumento: 'CC',
      numeroDocumento: String(conocido ? 70_000_000 + (i % 50) : 80_000_000 + Math.floor(r() * 10_000_000)),
      nombres: conocido ? 'Ana María Pérez Rojas' : 'Jorge Iván Castaño Mejía',
      telefono: '3001234567',
      correo: null,
      direccion: 'Calle 10 # 5-20',
      autorizaDatos: true,
    },
    canal: 'presencial',
    asunto: `Solicitud de copia del expediente ${10_000 + i} y certificación de pagos del predio`,
    tipo: 'PET-GEN',
    dependencia: '300',
    folios: 1 + (i % 5),
    anexos: null,
  };
}

async function medirRadicar(station, cuantas, r) {
  for (let i = 0; i < 20; i++) await llamar(station, 'radicacion:radicar', payloadRadicar(r, i));
  const tiempos = [];
  for (let i = 0; i < cuantas; i++) {
    const payload = payloadRadicar(r, i);
    const t0 = performance.now();
    await llamar(station, 'radicacion:radicar', payload);
    tiempos.push(performance.now() - t0);
  }
  const p = percentiles(tiempos);
  linea({ metric: 'radicar_ms', ...p, radicados_en_almacen: contarRadicados(station) });
  progreso(`radicar_ms: p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms`);
}

/**
 * The Clasificador screen's "En la ventanilla" figures over the store (every radicado read with
 * its suggestion and latest review mark), for the newest week and the 52 weeks ending with it.
 * Demo rows count only at a station with no real ones, so on a store that radicar_ms has already
 * written to, this measures the period's scan; `radicados` says how many were counted.
 */
async function medirDesempeno(station, mod) {
  const ultimo = station.db.prepare('SELECT max(fecha_hora) AS t FROM radicados').get().t;
  const hasta = mod.semanaDeInstante(ultimo);
  for (const semanas of [1, 52]) {
    await llamar(station, 'clasificador:desempeno', { hasta, semanas });
    const tiempos = [];
    let radicados = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      radicados = (await llamar(station, 'clasificador:desempeno', { hasta, semanas })).radicados;
      tiempos.push(performance.now() - t0);
    }
    const p = percentiles(tiempos);
    linea({ metric: 'desempeno_sugerencias_ms', semanas, ...p, radicados });
    progreso(`desempeno_sugerencias_ms (semanas: ${semanas}; radicados contados: ${radicados}): p50 ${p.p50} ms`);
  }
}

function bytesPorRadicado(station, dataDir, archivo) {
  station.db.pragma('wal_checkpoint(TRUNCATE)');
  const base = path.join(dataDir, archivo);
  const tam = (f) => (existsSync(f) ? statSync(f).size : 0);
  const bytes = tam(base) + tam(`${base}-wal`);
  const radicados = contarRadicados(station);
  const value = Math.round((bytes / radicados) * 10) / 10;
  linea({ metric: 'bytes_por_radicado', value, bytes, radicados });
  progreso(`bytes_por_radicado: ${value} (${bytes} bytes, ${radicados} radicados)`);
}

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '1000000' },
      'data-dir': { type: 'string' },
      consultas: { type: 'string', default: '1000' },
      'muestra-demo': { type: 'string', default: '20000' },
    },
    strict: true,
  });
  const n = Number(values.n.replace(/[_.]/g, ''));
  const cuantas = Number(values.consultas);
  if (!Number.isInteger(n) || n < 1000) throw new Error('--n debe ser un entero de al menos 1000.');
  if (!Number.isInteger(cuantas) || cuantas < 10) throw new Error('--consultas debe ser un entero de al menos 10.');

  const mod = await cargarEstacion();
  const dataDir = path.resolve(values['data-dir'] ?? path.join(os.tmpdir(), nombreCache(n)));
  const { demoPorSegundo } = await prepararAlmacen(mod, dataDir, n, !values['data-dir']);

  const station = mod.openStation({ dataDir });
  try {
    station.router.fijarSesion(CLIENTE, ADMIN);
    // Seeded, so two runs draw the same queries from the same store.
    const r = mod.rng(20260101);
    const q = consultas(station, cuantas, r);
    progreso(`${cuantas} consultas de cada clase sobre ${contarRadicados(station)} radicados`);
    await medirBusqueda(station, 'buscar_numero_ms', 'numero', q.numeros);
    await medirBusqueda(station, 'buscar_documento_ms', 'documento', q.documentos);
    await medirBusqueda(station, 'buscar_texto_ms', 'texto', q.textos);
    await medirBusqueda(station, 'buscar_nombre_ms', 'nombre', q.nombres);
    await medirRadicar(station, cuantas, r);
    await medirDesempeno(station, mod);
    bytesPorRadicado(station, dataDir, mod.ARCHIVO_BASE);
  } finally {
    station.close();
  }

  if (demoPorSegundo !== null) {
    linea({ metric: 'demo_por_segundo', value: Math.round(demoPorSegundo), n });
  } else {
    // The store was reused: measure generation on a fresh sample instead.
    const muestra = Number(values['muestra-demo']);
    const dir = path.join(os.tmpdir(), `radica-bench-demo-${process.pid}`);
    try {
      progreso(`demo_por_segundo: muestra nueva de ${muestra} radicados`);
      const porSegundo = await generar(mod, dir, muestra);
      linea({ metric: 'demo_por_segundo', value: Math.round(porSegundo), n: muestra });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
