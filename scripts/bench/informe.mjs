// Review suite (issue 6): the risk-ranked queue of a week with 20,000 radicados, and the weekly
// report as PDF + XLSX with 2,000 reviews. JSON lines on stdout, progress on stderr.
//
//   npm run bench -- informe [--semana-radicados 20000] [--revisiones 2000] [--repeticiones 3]
//
// The store holds 8 weeks of demo radicados (the trend reads them), with the clerks' usual
// mistakes, and a classifier trained on them, as a station has after two months of work.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { cargarModulo, linea, percentiles, progresoDe } from './comun.mjs';

const progreso = progresoDe('informe');
const COORDINADOR = { usuario: 'coordinador', nombre: 'Carlos Ruiz', rol: 'coordinador' };

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'semana-radicados': { type: 'string', default: '20000' },
      revisiones: { type: 'string', default: '2000' },
      repeticiones: { type: 'string', default: '3' },
    },
  });
  const porSemana = Number(values['semana-radicados']);
  const revisiones = Number(values.revisiones);
  const repeticiones = Number(values.repeticiones);
  const { openStation, RevisionService, semanaIso } = await cargarModulo(
    'informe',
    `export { openStation } from './electron/station';
     export { RevisionService } from './electron/services/revisionService';
     export { semanaIso } from './shared/domain/revision';`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-bench-informe-'));
  // Sunday night of 2026-W47: the demo's eight weeks end with it.
  let ahora = Date.parse('2026-11-23T04:00:00Z');
  const station = openStation({ dataDir: dir, clock: () => ahora });
  try {
    const call = async (canal, payload) => {
      const r = await station.router.handle(canal, payload, { clientId: 'bench' });
      if (!r.ok) throw new Error(`${canal}: ${r.error.message}`);
      return r.value;
    };
    await call('estacion:inicializar', { entidad: 'Alcaldía de Benchmark', sede: '01', ventanilla: '03', usuariosDemo: true });
    station.router.fijarSesion('bench', { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' });
    const total = porSemana * 8;
    progreso(`${total} radicados de demostración en 8 semanas…`);
    station.services.demo.generar(total, { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' });
    progreso('entrenando el clasificador con ellos…');
    await call('clasificador:entrenar', {});
    station.router.fijarSesion('bench', COORDINADOR);
    const semana = semanaIso('2026-W47', ahora);
    const enSemana = station.db.prepare('SELECT count(*) AS n FROM radicados WHERE fecha_hora >= ? AND fecha_hora < ?').get(semana.inicioMs, semana.finMs).n;
    progreso(`semana 2026-W47: ${enSemana} radicados`);

    // The classifier's scores are computed in the background as radicados arrive (the app's timer);
    // here all at once, to say what that costs.
    const t0 = performance.now();
    const puntuados = station.services.revision.precalcular(1_000_000);
    const msPuntajes = performance.now() - t0;
    linea({ figura: 'revision_puntajes_fondo_ms', radicados: puntuados, total: Math.round(msPuntajes), porRadicado: Math.round((msPuntajes / Math.max(1, puntuados)) * 1000) / 1000 });

    // The queue as the coordinator opens it on Monday: a new service (the app just started), the
    // scores already stored.
    const frio = [];
    let largo = 0;
    for (let i = 0; i < repeticiones; i++) {
      const servicio = new RevisionService(station.services.context, station.services.clasificacion);
      const t = performance.now();
      const cola = await servicio.cola({ semana: '2026-W47', modo: 'riesgo' });
      frio.push(performance.now() - t);
      largo = cola.items.length;
    }
    linea({ figura: 'revision_cola_riesgo_ms', radicados: largo, ...percentiles(frio), objetivo: 1000, caso: 'servicio nuevo, puntajes guardados' });
    const tibio = [];
    for (let i = 0; i < repeticiones; i++) {
      const t0 = performance.now();
      await call('revision:cola', { semana: '2026-W47', modo: 'riesgo' });
      tibio.push(performance.now() - t0);
    }
    linea({ figura: 'revision_cola_riesgo_ms', radicados: largo, ...percentiles(tibio), objetivo: 1000, caso: 'recargar la misma semana', via: 'router' });

    progreso(`${revisiones} marcas…`);
    const cola = await call('revision:cola', { semana: '2026-W47', modo: 'riesgo' });
    const catalogo = await call('catalogo:obtener', {});
    const tipos = catalogo.tipos.map((t) => t.codigo);
    const marcar = [];
    for (let i = 0; i < Math.min(revisiones, cola.items.length); i++) {
      const it = cola.items[i];
      ahora += 1000;
      const t0 = performance.now();
      if (i % 4 === 0) {
        const otro = tipos.find((t) => t !== it.tipo);
        await call('revision:marcar', { numero: it.numero, veredicto: 'incorrecto', tipoCorrecto: it.clasificador.tipo && it.clasificador.tipo.codigo !== it.tipo ? it.clasificador.tipo.codigo : otro, observacion: `Observación ${i}: el asunto indica otro tipo documental; revisar el término aplicado.` });
      } else {
        await call('revision:marcar', { numero: it.numero, veredicto: 'correcto' });
      }
      marcar.push(performance.now() - t0);
    }
    linea({ figura: 'revision_marcar_ms', ...percentiles(marcar) });

    const informe = [];
    const partes = { pdf: [], xlsx: [] };
    let bytes = {};
    for (let i = 0; i < repeticiones; i++) {
      const t0 = performance.now();
      const pdf = await call('informe:archivo', { semana: '2026-W47', formato: 'pdf' });
      const t1 = performance.now();
      const xlsx = await call('informe:archivo', { semana: '2026-W47', formato: 'xlsx' });
      const t2 = performance.now();
      informe.push(t2 - t0);
      partes.pdf.push(t1 - t0);
      partes.xlsx.push(t2 - t1);
      bytes = { pdf: Buffer.from(pdf.base64, 'base64').length, xlsx: Buffer.from(xlsx.base64, 'base64').length };
    }
    linea({ figura: 'informe_semanal_ms', formatos: 'pdf+xlsx', radicados: enSemana, revisiones, ...percentiles(informe), objetivo: 3000, bytes });
    linea({ figura: 'informe_semanal_pdf_ms', ...percentiles(partes.pdf) });
    linea({ figura: 'informe_semanal_xlsx_ms', ...percentiles(partes.xlsx) });

    // The report's figures without a file (the Informes screen), and of them the suggestions' part
    // (the same query and counting as «En la ventanilla» over one week).
    const datos = [];
    const sugerencias = [];
    for (let i = 0; i < repeticiones; i++) {
      const t0 = performance.now();
      await call('informe:semanal', { semana: '2026-W47' });
      const t1 = performance.now();
      await call('clasificador:desempeno', { hasta: '2026-W47', semanas: 1 });
      sugerencias.push(performance.now() - t1);
      datos.push(t1 - t0);
    }
    linea({ figura: 'informe_semanal_datos_ms', radicados: enSemana, ...percentiles(datos) });
    linea({ figura: 'informe_sugerencias_ms', radicados: enSemana, ...percentiles(sugerencias) });
  } finally {
    station.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
