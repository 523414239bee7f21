// Scanning suite (issue 5): JSON lines on stdout, progress on stderr. Never fails on a time.
//
//   npm run bench -- escaneo [--anexos 100000] [--paginas 10] [--resolucion 200] [--ocr 10] [--lote 20]
//
// - escanear_10_paginas_ms: SANE's test device (private SANE_CONFIG_DIR, feeder, gray) → pages →
//   one sealed PDF in the store, through the router (`escaneo:escanear`), OCR excluded (it runs
//   after sealing, in the background).
// - ocr_pagina_ms: tesseract.js (spa) on a Spanish letter "scanned" at 300 dpi by pdftoppm, after
//   the worker started (its start is reported apart).
// - pdf_g4_pagina_ms: a black-and-white A4 page at 200 dpi in a PDF (CCITT G4, as multifunction
//   printers write it) decoded by pdf.js to the PNG OCR and the barcode reader take, after pdf.js's
//   first load (reported apart); pdf_texto_propio_pagina_ms: a born-digital page's own text.
// - lote_separacion_pagina_ms: barcode reading and splitting per page of a batch PDF at 200 dpi,
//   stickers included (whole `lote` call divided by its pages, and the barcode read alone).
// - buscar_texto_ocr_ms: full-text search over N attachments' OCR text (default 100,000 pages of
//   synthetic Spanish), by the repository and through the router's search.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cargarModulo, linea, percentiles, progresoDe } from './comun.mjs';

const progreso = progresoDe('escaneo');
const ADMIN = { usuario: 'bench', nombre: 'Benchmark', rol: 'administrador' };

const PALABRAS = (
  'solicito certificado paz salvo impuesto predial inmueble barrio calle carrera número derecho petición información ' +
  'constitución política artículo respetados señores alcaldía secretaría hacienda planeación obras públicas vía ' +
  'reparación cronograma ejecución presupuestal contrato licencia construcción permiso espacio público queja reclamo ' +
  'sugerencia felicitación denuncia tutela juzgado fallo término días hábiles respuesta copia documento anexo folio ' +
  'cédula ciudadanía representante legal empresa proveedor factura pago cuenta cobro devolución subsidio vivienda ' +
  'salud educación matrícula colegio docente transporte tránsito comparendo multa semáforo movilidad ambiente árbol ' +
  'tala ruido vecino basura recolección acueducto alcantarillado energía alumbrado parque escenario deportivo ' +
  'personería procuraduría contraloría veeduría ciudadana concejo municipal acuerdo decreto resolución notificación'
).split(' ');

function textoSintetico(azar, palabras) {
  const out = [];
  for (let i = 0; i < palabras; i++) out.push(PALABRAS[Math.floor(azar() * PALABRAS.length)]);
  return out.join(' ');
}

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      anexos: { type: 'string', default: '100000' },
      paginas: { type: 'string', default: '10' },
      resolucion: { type: 'string', default: '200' },
      ocr: { type: 'string', default: '10' },
      lote: { type: 'string', default: '20' },
      consultas: { type: 'string', default: '500' },
    },
    strict: true,
  });
  const m = await cargarModulo(
    'escaneo',
    `export { openStation } from './electron/station';
     export { motorTesseract, motorOcrFalso } from './electron/anexos/ocr';
     export { leerCodigos } from './electron/anexos/codigos';
     export { imagenDe, leerDocumento, completarImagenes, textoDePaginas } from './electron/anexos/documento';
     export { escanerSane } from './electron/scanning/sane';
     export { layoutAPdf } from './electron/printing/pdf';
     export { generador } from './shared/classifier/azar';
     export { saneDePrueba } from './test/electron/scanning/saneReal';
     export { cartaPdf, cartaDigital, pdfG4, rasterizar, pdfDeImagenes, CARTA, tasaErrorCaracteres } from './test/electron/anexos/muestras';`,
  );
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'radica-bench-escaneo-'));
  const radicar = async (call, asunto) =>
    (
      await call('radicacion:radicar', {
        remitente: { tipoDocumento: 'CC', numeroDocumento: '1234567', nombres: 'María Pérez', telefono: null, correo: null, direccion: null, autorizaDatos: true },
        canal: 'presencial',
        asunto,
        tipo: 'PET-GEN',
        dependencia: '300',
        folios: 1,
        anexos: null,
        termino: null,
      })
    ).numero;
  const abrir = (dataDir, extra = {}) => {
    const station = m.openStation({ dataDir, ...extra });
    station.router.fijarSesion('bench', ADMIN);
    const call = async (canal, payload) => {
      const r = await station.router.handle(canal, payload, { clientId: 'bench' });
      if (!r.ok) throw new Error(`${canal}: ${r.error.message}`);
      return r.value;
    };
    return { station, call };
  };
  try {
    // ---- SANE test device → sealed PDF
    const nPag = Number(values.paginas);
    const dpi = Number(values.resolucion);
    let sane = null;
    try {
      sane = m.saneDePrueba();
      const escaner = m.escanerSane({ entorno: sane.entorno, argumentosExtra: ['--test-picture=Grid'] });
      const { station, call } = abrir(path.join(tmp, 'sane'), { escaner, ocr: m.motorOcrFalso() });
      await call('estacion:inicializar', { entidad: 'Bench', sede: '01', ventanilla: '01' });
      station.router.fijarSesion('bench', ADMIN);
      const numero = await radicar(call, 'Escaneo de prueba');
      const tiempos = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const a = await call('escaneo:escanear', { numero, dispositivo: 'test', fuente: 'adf', paginas: nPag, resolucion: dpi, modo: 'gris' });
        tiempos.push(performance.now() - t0);
        if (a.paginas !== nPag) throw new Error(`se esperaban ${nPag} páginas y llegaron ${a.paginas}`);
        progreso(`escaneo ${i + 1}: ${Math.round(tiempos.at(-1))} ms, ${a.bytes} bytes`);
      }
      linea({ metric: 'escanear_10_paginas_ms', paginas: nPag, resolucion: dpi, modo: 'gris', dispositivo: 'SANE test (Grid, alimentador)', ...percentiles(tiempos) });
      station.close();
    } catch (err) {
      progreso(`sin escáner SANE de prueba: ${err.message}`);
    } finally {
      sane?.cerrar();
    }

    // ---- OCR per page
    const carta = await m.cartaPdf();
    const png = m.rasterizar(carta, 300, 'png');
    const motor = m.motorTesseract();
    const imagen = m.imagenDe('png', png, 'carta', 300);
    let t0 = performance.now();
    const primera = await motor.reconocer(imagen);
    linea({ metric: 'ocr_arranque_y_primera_pagina_ms', ms: Math.round(performance.now() - t0) });
    const ocrMs = [];
    for (let i = 0; i < Number(values.ocr); i++) {
      t0 = performance.now();
      await motor.reconocer(imagen);
      ocrMs.push(performance.now() - t0);
    }
    await motor.cerrar();
    const cer = m.tasaErrorCaracteres(m.CARTA, primera.texto);
    linea({ metric: 'ocr_pagina_ms', resolucion: 300, caracteres: primera.texto.length, cer: Math.round(cer * 10000) / 10000, ...percentiles(ocrMs) });

    // ---- PDF pages pdf-lib does not read: CCITT G4 decoded by pdf.js; a born-digital page's text
    {
      const sinLimites = { maxBytes: Infinity, maxPaginas: Infinity };
      const g4 = await m.pdfG4([carta], 200);
      const decodificar = async () => {
        const doc = await m.leerDocumento(g4, 'g4.pdf', sinLimites);
        const t = performance.now();
        await m.completarImagenes(doc);
        if (!doc.paginas[0].imagen) throw new Error('la página G4 no se decodificó');
        return performance.now() - t;
      };
      linea({ metric: 'pdf_g4_primera_carga_ms', ms: Math.round(await decodificar()) });
      const g4Ms = [];
      for (let i = 0; i < 20; i++) g4Ms.push(await decodificar());
      linea({ metric: 'pdf_g4_pagina_ms', resolucion: 200, bytes: g4.length, ...percentiles(g4Ms) });
      const digital = await m.leerDocumento(await m.cartaDigital(), 'digital.pdf', sinLimites);
      const textoMs = [];
      for (let i = 0; i < 20; i++) {
        t0 = performance.now();
        await m.textoDePaginas(digital);
        textoMs.push(performance.now() - t0);
      }
      linea({ metric: 'pdf_texto_propio_pagina_ms', ...percentiles(textoMs) });
    }

    // ---- batch separation
    {
      const { station, call } = abrir(path.join(tmp, 'lote'), { ocr: m.motorOcrFalso() });
      await call('estacion:inicializar', { entidad: 'Bench', sede: '01', ventanilla: '01' });
      station.router.fijarSesion('bench', ADMIN);
      const paginas = [];
      const nLote = Number(values.lote);
      for (let i = 0; i < nLote; i++) {
        if (i % 2 === 0) {
          const numero = await radicar(call, `Carta ${i}`);
          const layout = await call('sticker:vista', { numero, plantilla: 'etiqueta-100x50', documento: 'rotulo' });
          paginas.push(m.rasterizar(await m.cartaPdf({ sticker: await m.layoutAPdf(layout) }), 200, 'jpeg'));
        } else paginas.push(m.rasterizar(await m.cartaPdf({ pie: `página ${i}` }), 200, 'jpeg'));
      }
      await m.leerCodigos(paginas[0]); // WebAssembly start, apart
      const lectura = [];
      for (const p of paginas) {
        t0 = performance.now();
        await m.leerCodigos(p);
        lectura.push(performance.now() - t0);
      }
      linea({ metric: 'lote_lectura_codigo_pagina_ms', resolucion: 200, ...percentiles(lectura) });
      const lote = await m.pdfDeImagenes(paginas, 200);
      const porPagina = [];
      for (let i = 0; i < 3; i++) {
        t0 = performance.now();
        const r = await station.services.anexos.lote([{ nombre: `lote-${i}.pdf`, bytes: lote }], `lote-${i}.pdf`, ADMIN);
        const ms = performance.now() - t0;
        porPagina.push(ms / r.paginas);
        progreso(`lote ${i + 1}: ${r.paginas} páginas, ${r.anexados.length} anexados, ${r.bandeja.length} a bandeja, ${Math.round(ms)} ms`);
      }
      linea({ metric: 'lote_separacion_pagina_ms', paginas: paginas.length, resolucion: 200, nota: 'lote entero (lectura, PDF por parte, sellado) / páginas', ...percentiles(porPagina) });
      station.close();
    }

    // ---- full-text search over N attachments' text
    {
      const n = Number(values.anexos);
      const { station, call } = abrir(path.join(tmp, 'fts'), { ocr: m.motorOcrFalso() });
      await call('estacion:inicializar', { entidad: 'Bench', sede: '01', ventanilla: '01', usuariosDemo: false });
      station.router.fijarSesion('bench', ADMIN);
      progreso(`${n} anexos con texto…`);
      const radicados = Math.max(1, Math.round(n / 5));
      await call('estacion:demo', { cantidad: Math.min(radicados, 100000) });
      const ids = station.db.prepare('SELECT id FROM radicados').pluck().all();
      const azar = m.generador(7);
      const repo = station.services.context.anexos;
      const lote = 5000;
      for (let i = 0; i < n; i += lote) {
        station.db.transaction(() => {
          for (let j = i; j < Math.min(n, i + lote); j++) {
            const sha = j.toString(16).padStart(64, '0');
            repo.insertar(
              { radicadoId: ids[j % ids.length], sha256: sha, paginas: 1, bytes: 1000, nombre: `a${j}.pdf`, origen: 'archivo', creadoEn: Date.now(), creadoPor: 'bench' },
              { estado: 'hecho', texto: textoSintetico(azar, 180), motor: 'bench', ms: 0 },
            );
          }
        })();
        if ((i / lote) % 4 === 0) progreso(`${i + lote}/${n}`);
      }
      const consultas = [];
      for (let i = 0; i < Number(values.consultas); i++) {
        const a = PALABRAS[Math.floor(azar() * PALABRAS.length)];
        const b = PALABRAS[Math.floor(azar() * PALABRAS.length)];
        consultas.push(`${a} ${b.slice(0, Math.max(3, b.length - 2))}`);
      }
      const repoMs = [];
      for (const q of consultas) {
        t0 = performance.now();
        repo.buscarTexto(q, null, 50);
        repoMs.push(performance.now() - t0);
      }
      linea({ metric: 'buscar_texto_ocr_ms', anexos: n, palabrasPorAnexo: 180, limite: 50, ...percentiles(repoMs) });
      const routerMs = [];
      for (const q of consultas.slice(0, 200)) {
        t0 = performance.now();
        await call('radicacion:buscar', { texto: q, limite: 50 });
        routerMs.push(performance.now() - t0);
      }
      linea({ metric: 'buscar_texto_router_ms', anexos: n, nota: 'asunto y anexos, por el enrutador', ...percentiles(routerMs) });
      station.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
