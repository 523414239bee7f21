import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { radicacion, tempStation } from '../helpers';
import { motorOcrFalso } from '../../../electron/anexos/ocr';
import { sha256 } from '../../../electron/anexos/almacen';
import { cartaPdf, imagenesPdf, infoPdf, rasterizar } from '../anexos/muestras';

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
