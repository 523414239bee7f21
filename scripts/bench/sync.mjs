// Replication suite (issue 7): JSON lines on stdout, progress on stderr. Never fails on a time.
//
//   npm run bench -- sync [--n 100000] [--lote 2000] [--estaciones 20] [--segundos 60]
//                         [--cadencia 2000] [--intervalo 1000] [--url postgres://admin…]
//
// A private PostgreSQL (initdb on 127.0.0.1, a free port, fsync on) is started and stopped by PID,
// unless --url names an administrator's URL of an existing server (a database per measurement is
// created there).
//
// - sync_100k_ms: one station holding N demo radicados (`radica demo`'s generator) and nothing sent;
//   one `radica sync` pass (Replicador.pasada) into an empty, migrated central store: every outbox
//   row, its radicado and the station's audit entries, in batches of --lote.
// - retraso_estable_ms: 20 stations (one process, each with its own SQLite store and replicator
//   running continuously every --intervalo ms) radicate one letter every --cadencia ms on average
//   (exponential gaps) for --segundos; a watcher polls the central store every 50 ms. Latency is
//   from the radicado's commit on its station to the watcher seeing it centrally; p95 reported
//   (the first 5 s are warm-up).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cargarModulo, crearBase, linea, percentiles, progresoDe } from './comun.mjs';

const progreso = progresoDe('sync');
const ADMIN = { usuario: 'bench', nombre: 'Benchmark', rol: 'administrador' };

function payload(i, sede, ventanilla) {
  return {
    remitente: {
      tipoDocumento: 'CC',
      numeroDocumento: String(80_000_000 + ((i * 7919) % 5_000_000)),
      nombres: 'Jorge Iván Castaño Mejía',
      telefono: '3001234567',
      correo: null,
      direccion: 'Calle 10 # 5-20',
      autorizaDatos: true,
    },
    canal: 'presencial',
    asunto: `Solicitud ${i} de la ventanilla ${sede}-${ventanilla}: copia del expediente y certificación de pagos del predio`,
    tipo: 'PET-GEN',
    dependencia: '300',
    folios: 1 + (i % 5),
    anexos: null,
  };
}

async function llamar(station, canal, carga, cliente = 'bench') {
  const r = await station.router.handle(canal, carga, { clientId: cliente });
  if (!r.ok) throw new Error(`${canal}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function abrirEstacion(m, dir, sede, ventanilla) {
  const station = m.openStation({ dataDir: dir, ocr: m.motorOcrFalso() });
  station.router.fijarSesion('bench', ADMIN);
  await llamar(station, 'estacion:inicializar', { entidad: 'Entidad de prueba (benchmark)', sede, ventanilla, usuariosDemo: true });
  return station;
}

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '100000' },
      lote: { type: 'string', default: '2000' },
      estaciones: { type: 'string', default: '20' },
      segundos: { type: 'string', default: '60' },
      cadencia: { type: 'string', default: '2000' },
      intervalo: { type: 'string', default: '1000' },
      url: { type: 'string' },
    },
    strict: true,
  });
  const n = Number(values.n);
  const lote = Number(values.lote);
  const m = await cargarModulo(
    'sync',
    `export { openStation } from './electron/station';
     export { motorOcrFalso } from './electron/anexos/ocr';
     export { Replicador } from './electron/central/replicador';
     export { migrar } from './electron/central/esquema';
     export { registrarEstacion } from './electron/central/registro';
     export { iniciarPostgres } from './test/electron/central/postgres';
     export { default as pg } from 'pg';`,
  );
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'radica-bench-sync-'));
  let servidor = null;
  let base = 0;
  /** A fresh database, migrated: its administrator URL. */
  const nuevaBase = async () => {
    const nombre = `bench_sync_${process.pid}_${++base}`;
    const url = await crearBase(m.pg, values.url ?? servidor.adminUrl, nombre);
    await m.migrar(url);
    return url;
  };
  try {
    if (!values.url) {
      progreso('inicio un PostgreSQL privado (fsync on)');
      servidor = await m.iniciarPostgres({ fsync: true });
    }

    // --- sync_100k_ms ---
    {
      const dir = path.join(tmp, 'grande');
      const station = await abrirEstacion(m, dir, '01', '03');
      try {
        progreso(`genero ${n} radicados de demostración`);
        let t0 = performance.now();
        station.services.demo.generar(n, ADMIN);
        progreso(`  ${Math.round(performance.now() - t0)} ms`);
        const admin = await nuevaBase();
        const { url } = await m.registrarEstacion(admin, '01', '03');
        const pendientes = station.db.prepare('SELECT count(*) FROM outbox WHERE enviado_en IS NULL').pluck().get();
        const auditoria = station.db.prepare('SELECT count(*) FROM auditoria').pluck().get();
        progreso(`sincronizo ${pendientes} filas de la bandeja y ${auditoria} de auditoría en lotes de ${lote}`);
        const r = new m.Replicador(station.services.context, { url, lote });
        t0 = performance.now();
        const res = await r.pasada();
        const ms = performance.now() - t0;
        await r.cerrar();
        const c = new m.pg.Client({ connectionString: admin });
        await c.connect();
        const centrales = Number((await c.query('SELECT count(*) AS n FROM radica.radicados')).rows[0].n);
        await c.end();
        linea({
          metric: 'sync_100k_ms',
          value: Math.round(ms),
          radicados: n,
          enviados: res.enviados,
          auditoria: res.auditoria,
          centrales,
          lote,
          filas_por_segundo: Math.round(((res.enviados + res.auditoria) / ms) * 1000),
          objetivo_ms: 30_000,
        });
        progreso(`sync_100k_ms: ${Math.round(ms)} ms (${centrales} radicados en el central)`);
      } finally {
        station.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }

    // --- retraso_estable_ms ---
    {
      const cuantas = Number(values.estaciones);
      const segundos = Number(values.segundos);
      const cadencia = Number(values.cadencia);
      const intervalo = Number(values.intervalo);
      const admin = await nuevaBase();
      progreso(`${cuantas} estaciones radicando (una cada ~${cadencia} ms cada una) durante ${segundos} s; réplica cada ${intervalo} ms`);
      const estaciones = [];
      for (let i = 1; i <= cuantas; i++) {
        const ventanilla = String(i).padStart(2, '0');
        const station = await abrirEstacion(m, path.join(tmp, `e${ventanilla}`), '01', ventanilla);
        const { url } = await m.registrarEstacion(admin, '01', ventanilla);
        const replicador = new m.Replicador(station.services.context, { url, lote });
        await replicador.pasada(); // first contact: claims the series
        estaciones.push({ station, replicador, ventanilla });
      }
      const controles = estaciones.map(() => new AbortController());
      const errores = [];
      const bucles = estaciones.map((e, k) =>
        e.replicador.continuo({ senal: controles[k].signal, intervaloMs: intervalo, alTerminarPasada: (x) => x instanceof Error && errores.push(x.message) }),
      );
      const radicadoEn = new Map();
      const latencias = [];
      const inicio = performance.now();
      const calentamiento = 5_000;
      const fin = inicio + segundos * 1000;
      const vigia = new m.pg.Client({ connectionString: admin });
      await vigia.connect();
      let vigilando = true;
      const vigilar = (async () => {
        while (vigilando || radicadoEn.size > 0) {
          if (radicadoEn.size > 0) {
            const r = await vigia.query('SELECT numero FROM radica.radicados WHERE numero = ANY ($1)', [[...radicadoEn.keys()]]);
            const ahora = performance.now();
            for (const { numero } of r.rows) {
              const t = radicadoEn.get(numero);
              radicadoEn.delete(numero);
              if (t.t - inicio >= calentamiento) latencias.push(ahora - t.t);
            }
          }
          if (!vigilando && performance.now() > fin + 30_000) break;
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      let total = 0;
      await Promise.all(
        estaciones.map(async (e, k) => {
          let i = 0;
          // Each station starts at a random moment and radicates with exponential gaps.
          await new Promise((res) => setTimeout(res, Math.random() * cadencia));
          while (performance.now() < fin) {
            const r = await llamar(e.station, 'radicacion:radicar', payload(k * 100_000 + i++, '01', e.ventanilla));
            radicadoEn.set(r.numero, { t: performance.now() });
            total++;
            await new Promise((res) => setTimeout(res, -Math.log(1 - Math.random()) * cadencia));
          }
        }),
      );
      vigilando = false;
      await vigilar;
      for (const c of controles) c.abort();
      await Promise.all(bucles);
      await vigia.end();
      for (const e of estaciones) e.station.close();
      const p = percentiles(latencias);
      linea({
        metric: 'retraso_estable_ms',
        value: p.p95,
        ...p,
        estaciones: cuantas,
        radicados: total,
        sin_llegar: radicadoEn.size,
        segundos,
        cadencia_ms: cadencia,
        intervalo_ms: intervalo,
        errores: errores.length,
        objetivo_ms: 5_000,
      });
      progreso(`retraso_estable_ms: p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms (${total} radicados, ${errores.length} errores)`);
    }
  } finally {
    if (servidor) await servidor.cerrar();
    rmSync(tmp, { recursive: true, force: true });
  }
}
