// Sticker suite: layout + encoding per medium, and from the radicado's commit to the last byte a
// local ESC/POS printer (a TCP listener on 127.0.0.1) accepts.
//
//   npm run bench -- sticker [--n 200]
//
// Figures (p50/p95/p99 in ms): sticker_pdf_ms and sticker_escpos_ms per template,
// radicar_a_impresora_ms. Targets in issue 3: ≤ 30, ≤ 5, ≤ 40 (p95).
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cargarModulo, linea, percentiles, progresoDe } from './comun.mjs';

const progreso = progresoDe('sticker');
const ADMIN = { usuario: 'bench', nombre: 'Benchmark', rol: 'administrador' };
const CLIENTE = 'bench';
const PLANTILLAS = ['etiqueta-100x50', 'etiqueta-62', 'recibo-80'];

async function llamar(station, canal, payload) {
  const r = await station.router.handle(canal, payload, { clientId: CLIENTE });
  if (!r.ok) throw new Error(`${canal}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/**
 * A receipt printer on loopback: notes when the last byte of each job arrives (the job ends with a
 * cut and a reset, ESC @) and closes, as a printer that has taken the whole job.
 */
async function impresoraTcp() {
  const llegadas = [];
  const server = net.createServer((socket) => {
    let cola = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      cola = Buffer.concat([cola.subarray(-8), chunk]);
      const n = cola.length;
      if (n >= 2 && cola[n - 2] === 0x1b && cola[n - 1] === 0x40 && cola.includes(Buffer.from([0x1d, 0x56]))) {
        llegadas.push(performance.now());
        socket.end();
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { puerto: server.address().port, llegadas, cerrar: () => new Promise((r) => server.close(r)) };
}

export async function run(argv) {
  const { values } = parseArgs({ args: argv, options: { n: { type: 'string', default: '200' } }, strict: true });
  const n = Number(values.n);
  const mod = await cargarModulo('sticker', `export { openStation } from './electron/station';`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'radica-bench-sticker-'));
  const impresora = await impresoraTcp();
  const station = mod.openStation({ dataDir });
  try {
    station.router.fijarSesion(CLIENTE, ADMIN);
    await llamar(station, 'estacion:inicializar', { entidad: 'Alcaldía de Santa Bárbara de Pinto', sede: '01', ventanilla: '03' });
    await llamar(station, 'impresion:configurar', {
      impresoras: [{ id: 'termica', nombre: 'Térmica', uri: `tcp://127.0.0.1:${impresora.puerto}`, formato: 'escpos', plantilla: 'recibo-80', modoCodigos: 'nativo', predeterminada: true, constancias: true }],
      imprimirAlRadicar: true,
      imprimirConstancia: false,
      urlConsulta: 'https://ventanilla.example.gov.co/consulta?numero={numero}&codigo={codigo}',
      urlEncuesta: null,
    });
    const radicar = (i) =>
      llamar(station, 'radicacion:radicar', {
        remitente: { tipoDocumento: 'CC', numeroDocumento: String(10_000_000 + i), nombres: 'Iñaki Peñaloza Muñoz', autorizaDatos: true },
        canal: 'presencial',
        asunto: `¿Por qué no han reparado la vía a Peñoncito? Solicito información sobre el cronograma de obras ${i}`,
        tipo: 'PET-GEN',
        dependencia: '800',
        folios: 2,
      });
    const numeros = [];
    for (let i = 0; i < 50; i++) numeros.push((await radicar(i)).numero);

    const { impresion } = station.services;
    for (const [formato, metrica] of [['pdf', 'sticker_pdf_ms'], ['escpos', 'sticker_escpos_ms']]) {
      for (const plantilla of PLANTILLAS) {
        const ms = [];
        for (let i = 0; i < n + 10; i++) {
          const numero = numeros[i % numeros.length];
          const t0 = performance.now();
          const layout = impresion.vista({ numero, plantilla, documento: 'rotulo', copia: false }, ADMIN);
          await impresion.bytes(layout, formato, 'nativo');
          if (i >= 10) ms.push(performance.now() - t0); // the first ones warm up the JIT and font metrics
        }
        const p = percentiles(ms);
        linea({ metric: metrica, plantilla, ...p });
        progreso(`${metrica} ${plantilla}: p50 ${p.p50} ms, p95 ${p.p95} ms`);
      }
    }

    // From the commit (radicar returned) to the last byte the printer accepted.
    const ms = [];
    for (let i = 0; i < n; i++) {
      const r = await radicar(1000 + i);
      const t0 = performance.now();
      const antes = impresora.llegadas.length;
      const trabajo = await llamar(station, 'sticker:imprimir', { numero: r.numero, documento: 'rotulo', copia: false });
      if (trabajo.estado !== 'impreso' || impresora.llegadas.length !== antes + 1) throw new Error(`el trabajo ${trabajo.id} no llegó a la impresora: ${trabajo.ultimoError}`);
      ms.push(impresora.llegadas[antes] - t0);
    }
    const p = percentiles(ms);
    linea({ metric: 'radicar_a_impresora_ms', ...p });
    progreso(`radicar_a_impresora_ms: p50 ${p.p50} ms, p95 ${p.p95} ms`);
  } finally {
    station.close();
    await impresora.cerrar();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
