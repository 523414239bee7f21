/**
 * Batch separation with real pixels: stickers rendered by the station's own PDF encoder, stuck on
 * letters, "printed and scanned" at 200 dpi by pdftoppm, gathered into one PDF as a multifunction
 * printer would, then read back by zxing-wasm.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { radicacion, tempStation } from '../helpers';
import { motorOcrFalso } from '../../../electron/anexos/ocr';
import { layoutAPdf } from '../../../electron/printing/pdf';
import { leerCodigos } from '../../../electron/anexos/codigos';
import { cartaPdf, imagenesPdf, infoPdf, pdfDeImagenes, pdfG4, pdfJbig2, rasterizar } from './muestras';

type T = ReturnType<typeof tempStation>;
let t: T;
afterEach(() => t?.close());

const DPI = 200;
let numeros: string[];
let paginas: Buffer[];

async function estacion() {
  t = tempStation({ ocr: motorOcrFalso(() => 'texto') });
  await t.setup();
}

async function stickerDe(numero: string): Promise<Buffer> {
  return layoutAPdf(await t.ok('sticker:vista', { numero, plantilla: 'etiqueta-100x50', documento: 'rotulo' }));
}

const pagina = async (o: { sticker?: Buffer; pie: string }) => rasterizar(await cartaPdf({ sticker: o.sticker, pie: o.pie }), DPI, 'jpeg');

beforeAll(async () => {
  // Warm the WebAssembly module once, outside the tests' timing.
  await leerCodigos(rasterizar(await cartaPdf(), 50, 'png'));
});

describe('lote separado por rótulo', () => {
  it('parte en cada rótulo conocido, y lo de antes del primero y los números ajenos van a la bandeja', async () => {
    await estacion();
    numeros = [];
    for (let i = 0; i < 3; i++) numeros.push((await t.ok('radicacion:radicar', radicacion({ asunto: `Carta ${i + 1}` }))).numero);
    // A sticker of another station of the same entity: same template, a number this station does not have.
    const otra = tempStation({ ocr: motorOcrFalso() });
    let ajeno = '';
    let stickerAjeno: Buffer;
    try {
      await otra.setup();
      for (let i = 0; i < 5; i++) ajeno = (await otra.ok('radicacion:radicar', radicacion())).numero;
      stickerAjeno = await layoutAPdf(await otra.ok('sticker:vista', { numero: ajeno, plantilla: 'etiqueta-100x50', documento: 'rotulo' }));
    } finally {
      otra.close();
    }
    paginas = [
      await pagina({ pie: 'hoja suelta sin rótulo' }),
      await pagina({ sticker: await stickerDe(numeros[0]!), pie: 'carta 1, página 1' }),
      await pagina({ pie: 'carta 1, página 2' }),
      await pagina({ sticker: await stickerDe(numeros[1]!), pie: 'carta 2, página 1' }),
      await pagina({ sticker: stickerAjeno, pie: 'otra ventanilla' }),
      await pagina({ pie: 'otra ventanilla, página 2' }),
      await pagina({ sticker: await stickerDe(numeros[2]!), pie: 'carta 3, página 1' }),
      await pagina({ pie: 'carta 3, página 2' }),
      await pagina({ pie: 'carta 3, página 3' }),
    ];
    const lote = await pdfDeImagenes(paginas, DPI);
    const admin = t.station.router.sesion('test')!;
    const r = await t.station.services.anexos.lote([{ nombre: 'escaneo-multifuncional.pdf', bytes: lote }], 'escaneo-multifuncional.pdf', admin);
    expect(r.paginas).toBe(9);
    expect(r.anexados.map((a) => [a.numero, a.paginas])).toEqual([
      [numeros[0], [2, 3]],
      [numeros[1], [4]],
      [numeros[2], [7, 8, 9]],
    ]);
    expect(r.bandeja.map((b) => [b.motivo, b.paginas, b.codigo])).toEqual([
      ['sin_rotulo', [1], null],
      ['numero_desconocido', [5, 6], ajeno],
    ]);
    // Each radicado got one sealed PDF with exactly its pages (poppler counts them).
    for (const [i, n] of [2, 1, 3].entries()) {
      const [anexo] = await t.ok('anexos:listar', { numero: numeros[i]! });
      expect(anexo.origen).toBe('lote');
      expect(infoPdf(anexo.ruta).paginas).toBe(n);
    }
    expect((await t.ok('bandeja:listar', {})).length).toBe(2);

    // A person resolves the tray: the loose page goes to radicado 2, the other station's part is discarded.
    const [suelta, ajena] = await t.ok('bandeja:listar', {});
    const asignado = await t.ok('bandeja:asignar', { id: suelta.id, numero: numeros[1] });
    expect(asignado.origen).toBe('bandeja');
    expect((await t.ok('anexos:listar', { numero: numeros[1]! })).length).toBe(2);
    await t.ok('bandeja:descartar', { id: ajena.id });
    expect(await t.ok('bandeja:listar', {})).toEqual([]);
    const v = await t.ok('estacion:verificar', {});
    expect(v.problemas).toEqual([]);
  });

  it('un lote en blanco y negro (CCITT G4 o JBIG2, como lo envía una multifuncional) se parte en los rótulos', async () => {
    await estacion();
    const n = [];
    for (let i = 0; i < 2; i++) n.push((await t.ok('radicacion:radicar', radicacion({ asunto: `Carta ${i + 1}` }))).numero as string);
    const cartas = [
      await cartaPdf({ sticker: await stickerDe(n[0]!), pie: 'carta 1, página 1' }),
      await cartaPdf({ pie: 'carta 1, página 2' }),
      await cartaPdf({ sticker: await stickerDe(n[1]!), pie: 'carta 2, página 1' }),
    ];
    const admin = t.station.router.sesion('test')!;
    for (const [nombre, pdf] of [
      ['g4.pdf', await pdfG4(cartas, DPI)],
      ['jbig2.pdf', await pdfJbig2(cartas, DPI)],
    ] as const) {
      const r = await t.station.services.anexos.lote([{ nombre, bytes: pdf }], nombre, admin);
      expect(r.anexados.map((a) => [a.numero, a.paginas]), nombre).toEqual([
        [n[0], [1, 2]],
        [n[1], [3]],
      ]);
      expect(r.bandeja).toEqual([]);
    }
    // Each radicado's part is the printer's pages, copied as they came (still CCITT / JBIG2).
    const [g4, jbig2] = await t.ok('anexos:listar', { numero: n[0]! });
    expect(imagenesPdf(g4.ruta).map((i) => i.codificacion)).toEqual(['ccitt', 'ccitt']);
    expect(imagenesPdf(jbig2.ruta).map((i) => i.codificacion)).toEqual(['jbig2', 'jbig2']);
  });

  it('un lote con un archivo dañado se rechaza entero y no deja nada', async () => {
    await estacion();
    const admin = t.station.router.sesion('test')!;
    const buena = await pdfDeImagenes([await pagina({ pie: 'x' })], DPI);
    await expect(
      t.station.services.anexos.lote(
        [
          { nombre: 'a.pdf', bytes: buena },
          { nombre: 'b.pdf', bytes: Buffer.from('%PDF-1.4 esto no es un PDF') },
        ],
        'lote',
        admin,
      ),
    ).rejects.toThrow(/No se anexó «b\.pdf»/);
    expect(t.station.db.prepare('SELECT count(*) AS n FROM bandeja_lote').get()).toEqual({ n: 0 });
  });
});
