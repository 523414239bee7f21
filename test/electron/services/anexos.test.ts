import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { radicacion, tempStation } from '../helpers';
import { motorOcrFalso } from '../../../electron/anexos/ocr';
import { sha256 } from '../../../electron/anexos/almacen';
import { vigilarCarpetaConfigurada } from '../../../electron/services/carpetaEscaneo';
import type { Usuario } from '../../../shared/domain/radicado';
import { cartaDigital, cartaPdf, imagenesPdf, infoPdf, pdfG4, rasterizar } from '../anexos/muestras';

type T = ReturnType<typeof tempStation>;
let t: T;
afterEach(() => t?.close());

let jpeg: Buffer;
let png: Buffer;
let carta: Buffer;
beforeAll(async () => {
  carta = await cartaPdf();
  jpeg = rasterizar(carta, 100, 'jpeg');
  png = rasterizar(carta, 100, 'png');
});

const b64 = (b: Buffer) => b.toString('base64');

async function estacion(ocr = motorOcrFalso((_i, n) => `texto de la página ${n + 1} certificado predial`)) {
  t = tempStation({ ocr });
  await t.setup();
  const r = await t.ok('radicacion:radicar', radicacion());
  return r.numero as string;
}

/** Every file under the data directory's anexos folder (sealed files and any leftover temp file). */
function archivosAnexos(): string[] {
  const raiz = path.join(t.dir, 'anexos');
  if (!existsSync(raiz)) return [];
  return readdirSync(raiz, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

const filas = (tabla: string) => (t.station.db.prepare(`SELECT count(*) AS n FROM ${tabla}`).get() as { n: number }).n;

describe('anexar archivos', () => {
  it('sella imágenes como un PDF content-addressed, con auditoría, outbox y OCR', async () => {
    const numero = await estacion();
    const [anexo] = await t.ok('anexos:anexar', {
      numero,
      archivos: [
        { nombre: 'hoja 1.jpg', base64: b64(jpeg) },
        { nombre: 'hoja 2.png', base64: b64(png) },
      ],
    });
    expect(anexo.paginas).toBe(2);
    expect(anexo.tipo).toBe('application/pdf');
    expect(anexo.ruta).toBe(path.join(t.dir, 'anexos', anexo.sha256.slice(0, 2), `${anexo.sha256}.pdf`));
    const bytes = readFileSync(anexo.ruta);
    expect(sha256(bytes)).toBe(anexo.sha256);
    expect(bytes.length).toBe(anexo.bytes);
    // Poppler agrees: two pages, the JPEG embedded as is (DCT), the PNG as Flate.
    expect(infoPdf(anexo.ruta).paginas).toBe(2);
    expect(imagenesPdf(anexo.ruta).map((i) => i.codificacion)).toEqual(['jpeg', 'image']);
    await t.station.services.anexos.esperarOcr();
    const [despues] = await t.ok('anexos:listar', { numero });
    expect(despues.ocr).toBe('hecho');
    expect(despues.ocrCaracteres).toBeGreaterThan(20);
    const detalle = await t.ok('radicacion:consultar', { numero });
    expect(detalle.auditoria.map((a: { accion: string }) => a.accion)).toContain('anexar');
    expect(t.station.db.prepare("SELECT count(*) AS n FROM outbox WHERE entidad = 'anexo'").get()).toEqual({ n: 1 });
    const v = await t.ok('estacion:verificar', {});
    expect(v.problemas).toEqual([]);
    expect(v.anexos).toEqual({ archivos: 1, faltantes: 0, alterados: 0 });
    expect(archivosAnexos()).toEqual([anexo.ruta]);
    // A sealed file changed on disk is reported.
    writeFileSync(anexo.ruta, Buffer.concat([bytes, Buffer.from('%')]));
    const alterado = await t.ok('estacion:verificar', {});
    expect(alterado.anexos.alterados).toBe(1);
    expect(alterado.ok).toBe(false);
  });

  it('un PDF se sella tal como llegó, y el mismo archivo dos veces es un solo anexo', async () => {
    const numero = await estacion();
    const [a] = await t.ok('anexos:anexar', { numero, archivos: [{ nombre: '../../etc/carta.pdf', base64: b64(carta) }] });
    expect(a.sha256).toBe(sha256(carta));
    expect(a.nombre).toBe('carta.pdf');
    const [b] = await t.ok('anexos:anexar', { numero, archivos: [{ nombre: 'otra vez.pdf', base64: b64(carta) }] });
    expect(b.id).toBe(a.id);
    expect(filas('anexos')).toBe(1);
  });

  it('la auditoría detecta un anexo alterado por fuera de Radica', async () => {
    const numero = await estacion();
    const [a] = await t.ok('anexos:anexar', { numero, archivos: [{ nombre: 'c.pdf', base64: b64(carta) }] });
    // Behind Radica's back: the trigger refuses the UPDATE, so drop it as an attacker with the file would.
    t.station.db.exec('DROP TRIGGER anexos_sin_cambios');
    t.station.db.prepare('UPDATE anexos SET paginas = 7 WHERE id = ?').run(a.id);
    const v = await t.ok('estacion:verificar', {});
    expect(v.auditoria.valida).toBe(false);
  });

  const malos: [string, () => Buffer, RegExp][] = [
    ['vacío', () => Buffer.alloc(0), /vacío/],
    ['ejecutable disfrazado de PDF', () => Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 7)]), /el nombre dice PDF pero el contenido no lo es/],
    ['JPEG cortado', () => jpeg.subarray(0, Math.floor(jpeg.length / 2)), /JPEG está incompleta/],
    ['PNG con un byte cambiado', () => Buffer.from(png).fill(0x41, 200, 201), /PNG está dañada/],
    ['PDF dañado', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20)]), /PDF está dañado/],
  ];
  for (const [caso, bytes, mensaje] of malos) {
    it(`rechaza un archivo ${caso} sin dejar nada en disco ni en la base`, async () => {
      const numero = await estacion();
      const error = await t.falla('anexos:anexar', {
        numero,
        archivos: [
          { nombre: 'buena.jpg', base64: b64(jpeg) },
          { nombre: 'documento.pdf', base64: b64(bytes()) },
        ],
      });
      expect(error.code).toBe('ARCHIVO_INVALIDO');
      expect(error.message).toMatch(/^No se anexó «documento\.pdf»/);
      expect(error.message).toMatch(mensaje);
      expect(archivosAnexos()).toEqual([]);
      expect(filas('anexos')).toBe(0);
      expect(t.station.db.prepare("SELECT count(*) AS n FROM auditoria WHERE accion = 'anexar'").get()).toEqual({ n: 0 });
    });
  }

  it('respeta los límites de tamaño y de páginas de la estación', async () => {
    const numero = await estacion();
    t.station.services.anexos.configurarLimites({ maxBytes: 10_000 });
    const grande = await t.falla('anexos:anexar', { numero, archivos: [{ nombre: 'g.jpg', base64: b64(jpeg) }] });
    expect(grande.message).toMatch(/pesa .* MB y el máximo de esta estación es/);
    t.station.services.anexos.configurarLimites({ maxBytes: 50 * 1024 * 1024, maxPaginas: 2 });
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3; i++) doc.addPage();
    const tres = await t.falla('anexos:anexar', { numero, archivos: [{ nombre: 'tres.pdf', base64: b64(Buffer.from(await doc.save())) }] });
    expect(tres.message).toMatch(/tiene 3 páginas y el máximo de esta estación es 2/);
    expect(archivosAnexos()).toEqual([]);
  });

  it('si la transacción falla, el archivo recién escrito se retira', async () => {
    const numero = await estacion();
    t.station.db.exec("CREATE TEMP TRIGGER falla BEFORE INSERT ON outbox WHEN new.entidad = 'anexo' BEGIN SELECT RAISE(ABORT, 'disco lleno'); END;");
    await t.falla('anexos:anexar', { numero, archivos: [{ nombre: 'c.pdf', base64: b64(carta) }] });
    expect(archivosAnexos()).toEqual([]);
    expect(filas('anexos')).toBe(0);
  });

  it('un radicador solo anexa a sus radicados, y un radicado anulado no recibe anexos', async () => {
    const numero = await estacion();
    await t.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'laura');
    const ajeno = await t.falla('anexos:anexar', { numero, archivos: [{ nombre: 'c.pdf', base64: b64(carta) }] }, 'laura');
    expect(ajeno.code).toBe('NO_AUTORIZADO');
    await t.ok('radicacion:anular', { numero, justificacion: 'Radicado por error de la ventanilla', aprobadoPor: 'Coordinación' });
    const anulado = await t.falla('anexos:anexar', { numero, archivos: [{ nombre: 'c.pdf', base64: b64(carta) }] });
    expect(anulado.message).toMatch(/ANULADO/);
  });

  it('la búsqueda por texto encuentra radicados por el texto de sus anexos, con el fragmento', async () => {
    const numero = await estacion(motorOcrFalso(() => 'Solicito el certificado de tradición y libertad del predio La Esperanza'));
    await t.ok('anexos:anexar', { numero, archivos: [{ nombre: 'c.jpg', base64: b64(jpeg) }] });
    await t.station.services.anexos.esperarOcr();
    const r = await t.ok('radicacion:buscar', { texto: 'tradicion libert' });
    expect(r.map((x: { numero: string }) => x.numero)).toEqual([numero]);
    expect(r[0].fragmento).toMatch(/«tradición»/);
  });
});

describe('archivos en disco', () => {
  it('leerArchivos rechaza por tamaño sin leer el archivo', async () => {
    await estacion();
    t.station.services.anexos.configurarLimites({ maxBytes: 100 });
    const f = path.join(t.dir, 'grande.pdf');
    writeFileSync(f, Buffer.alloc(1000));
    expect(() => t.station.services.anexos.leerArchivos([f])).toThrow(/pesa/);
    expect(() => t.station.services.anexos.leerArchivos([path.join(t.dir, 'no-existe.pdf')])).toThrow(/no existe/);
  });
});

describe('bandeja: páginas para la vista previa', () => {
  const ADMIN: Usuario = { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' };

  it('entrega las páginas de una parte de la bandeja como imágenes, igual que las de un anexo', async () => {
    t = tempStation({ ocr: motorOcrFalso(), leerCodigos: async () => [] });
    await t.setup();
    const { numero } = await t.ok('radicacion:radicar', radicacion());
    // No sticker on any page: the whole batch waits in the tray.
    const lote = await t.station.services.anexos.lote(
      [
        { nombre: 'hoja1.jpg', bytes: jpeg },
        { nombre: 'hoja2.png', bytes: png },
      ],
      'lote-sin-rotulo',
      ADMIN,
    );
    const [item] = lote.bandeja;
    expect(item).toMatchObject({ paginas: [1, 2], motivo: 'sin_rotulo' });
    const r = await t.ok('bandeja:paginas', { id: item!.id });
    expect(r.item).toMatchObject({ id: item!.id, paginas: 2, origen: 'lote-sin-rotulo' });
    expect(r.paginas.map((p: { pagina: number; rotacion: number }) => [p.pagina, p.rotacion])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(r.paginas[0].imagen).toMatch(/^data:image\/jpeg;base64,/);
    expect(r.paginas[1].imagen).toMatch(/^data:image\/png;base64,/);
    // The first page is the JPEG as it came in.
    expect(Buffer.from(r.paginas[0].imagen.split(',')[1], 'base64').equals(jpeg)).toBe(true);
    const segunda = await t.ok('bandeja:paginas', { id: item!.id, desde: 2, cantidad: 5 });
    expect(segunda.paginas.map((p: { pagina: number }) => p.pagina)).toEqual([2]);
    expect((await t.ok('bandeja:paginas', { id: item!.id, desde: 3 })).paginas).toEqual([]);
    expect((await t.falla('bandeja:paginas', { id: item!.id, cantidad: 21 })).code).toBe('VALIDACION');

    // A radicador sees the tray too; once assigned, the item is no longer there, and its attachment shows the same pages.
    await t.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'laura');
    expect((await t.ok('bandeja:paginas', { id: item!.id }, 'laura')).paginas).toHaveLength(2);
    const anexo = await t.ok('bandeja:asignar', { id: item!.id, numero });
    const resuelto = await t.falla('bandeja:paginas', { id: item!.id });
    expect(resuelto.code).toBe('NO_ENCONTRADO');
    const delAnexo = await t.ok('anexos:paginas', { anexo: anexo.id });
    expect(delAnexo.paginas).toEqual(r.paginas);
    expect((await t.falla('bandeja:paginas', { id: 9999 })).message).toMatch(/no existe o ya se resolvió/);
  });

  it('un archivo de la bandeja alterado en disco se informa, no se muestra', async () => {
    t = tempStation({ ocr: motorOcrFalso(), leerCodigos: async () => [] });
    await t.setup();
    const lote = await t.station.services.anexos.lote([{ nombre: 'hoja.jpg', bytes: jpeg }], 'lote', ADMIN);
    const [item] = lote.bandeja;
    writeFileSync(t.station.services.anexos.almacen.ruta(item!.sha256), carta);
    const e = await t.falla('bandeja:paginas', { id: item!.id });
    expect(e.code).toBe('CONFLICTO');
    expect(e.message).toMatch(/no coincide con su huella SHA-256/);
  });
});

describe('carpeta del multifuncional: sigue a la configuración', () => {
  const esperar = async (cond: () => boolean, ms = 20_000) => {
    const fin = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > fin) throw new Error('tiempo agotado');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('al guardar otra carpeta deja la anterior y vigila la nueva, sin reiniciar', async () => {
    t = tempStation({ ocr: motorOcrFalso(), leerCodigos: async () => [] });
    await t.setup();
    const a = path.join(t.dir, 'multifuncional-a');
    const b = path.join(t.dir, 'multifuncional-b');
    mkdirSync(a);
    mkdirSync(b);
    const config = { dispositivo: 'test', fuente: 'adf', duplex: false, resolucion: 200, modo: 'gris' };
    await t.ok('escaneo:configurar', { ...config, carpeta: a });
    const lotes: string[] = [];
    const vigia = vigilarCarpetaConfigurada(t.station.services.anexos, { estabilidadMs: 200, sondeoMs: 50, alLote: (r) => lotes.push(r.origen) });
    try {
      writeFileSync(path.join(a, 'uno.jpg'), jpeg);
      await esperar(() => existsSync(path.join(a, 'procesados', 'uno.jpg')));

      await t.ok('escaneo:configurar', { ...config, carpeta: b });
      writeFileSync(path.join(b, 'dos.jpg'), jpeg);
      await esperar(() => existsSync(path.join(b, 'procesados', 'dos.jpg')));
      // The old folder is no longer watched.
      writeFileSync(path.join(a, 'tres.jpg'), jpeg);
      await new Promise((r) => setTimeout(r, 600));
      expect(existsSync(path.join(a, 'tres.jpg'))).toBe(true);

      // No folder: nothing is watched.
      await t.ok('escaneo:configurar', { ...config, carpeta: null });
      writeFileSync(path.join(b, 'cuatro.jpg'), jpeg);
      await new Promise((r) => setTimeout(r, 600));
      expect(existsSync(path.join(b, 'cuatro.jpg'))).toBe(true);
    } finally {
      await vigia.detener();
    }
    expect(lotes).toEqual(['uno.jpg', 'dos.jpg']);
    // Stopped: a later change starts nothing.
    await t.ok('escaneo:configurar', { ...config, carpeta: a });
    await new Promise((r) => setTimeout(r, 600));
    expect(existsSync(path.join(a, 'tres.jpg'))).toBe(true);
  });
});

describe('texto de PDF digitales y escaneos en blanco y negro', () => {
  it('un PDF digital (exportado de Word) se busca por su propio texto, sin OCR', async () => {
    const motor = motorOcrFalso(() => 'no debería leerse');
    const numero = await estacion(motor);
    const [anexo] = await t.ok('anexos:anexar', { numero, archivos: [{ nombre: 'derecho de peticion.pdf', base64: b64(await cartaDigital()) }] });
    expect(anexo.ocr).toBe('pendiente');
    await t.station.services.anexos.esperarOcr();
    expect(motor.paginas).toBe(0);
    const [despues] = await t.ok('anexos:listar', { numero });
    expect(despues.ocr).toBe('sin_imagenes');
    expect(despues.ocrCaracteres).toBeGreaterThan(400);
    const fila = t.station.db.prepare('SELECT texto, motor, detalle FROM anexos_texto WHERE anexo_id = ?').get(anexo.id) as { texto: string; motor: string; detalle: string };
    expect(fila.texto).toContain('Constitución Política, solicito copia del certificado de paz y salvo del impuesto predial');
    expect(fila.motor).toMatch(/texto propio/);
    expect(JSON.parse(fila.detalle)).toEqual({ paginasOcr: 0, paginasTextoPropio: 1, paginasSinTexto: 0 });
    const r = await t.ok('radicacion:buscar', { texto: 'impuesto predial esperanza' });
    expect(r.map((x: { numero: string }) => x.numero)).toEqual([numero]);
    expect(r[0].fragmento).toMatch(/«predial»/);
    // What the classifier is given of a radicado's attachments includes it.
    const radicadoId = t.station.db.prepare('SELECT id FROM radicados WHERE numero = ?').pluck().get(numero) as number;
    expect(t.station.services.anexos.repo.textoDeRadicado(radicadoId)).toContain('barrio La Esperanza');
  });

  it('un PDF escaneado en CCITT G4 se reconoce página por página; en uno mixto, la página digital no pasa por OCR', async () => {
    const vistas: { ancho: number; alto: number; formato: string }[] = [];
    const motor = motorOcrFalso((img) => {
      vistas.push({ ancho: img.ancho, alto: img.alto, formato: img.formato });
      return 'oficio escaneado sobre el alumbrado público';
    });
    const numero = await estacion(motor);
    const g4 = await pdfG4([await cartaPdf({ pie: 'hoja 1' }), await cartaPdf({ pie: 'hoja 2' })], 100);
    const mixto = await PDFDocument.create();
    for (const fuente of [await cartaDigital('Anexo: relación de predios de la vereda El Carmen con sus matrículas inmobiliarias'), g4]) {
      const f = await PDFDocument.load(fuente);
      for (const p of await mixto.copyPages(f, f.getPageIndices())) mixto.addPage(p);
    }
    const [solo, mezcla] = await t.ok('anexos:anexar', {
      numero,
      archivos: [
        { nombre: 'g4.pdf', base64: b64(g4) },
        { nombre: 'mixto.pdf', base64: b64(Buffer.from(await mixto.save())) },
      ],
    });
    await t.station.services.anexos.esperarOcr();
    // 2 pages of the G4 file, then the 2 scanned pages of the mixed one: the digital page is not OCR'd.
    expect(motor.paginas).toBe(4);
    expect(vistas[0]).toEqual({ ancho: 827, alto: 1170, formato: 'png' });
    const estado = (id: number) => t.station.db.prepare('SELECT estado, detalle, texto FROM anexos_texto WHERE anexo_id = ?').get(id) as { estado: string; detalle: string | null; texto: string };
    expect(estado(solo.id)).toMatchObject({ estado: 'hecho', detalle: null });
    const m = estado(mezcla.id);
    expect(m.estado).toBe('hecho');
    expect(JSON.parse(m.detalle!)).toEqual({ paginasOcr: 2, paginasTextoPropio: 1, paginasSinTexto: 0 });
    expect(m.texto).toContain('vereda El Carmen');
    expect(m.texto).toContain('alumbrado público');
  });
});
