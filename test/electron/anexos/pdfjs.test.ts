/**
 * Page images pdf-lib's quick path does not read, decoded by pdf.js and checked pixel for pixel
 * against another decoder (poppler's pdfimages, Ghostscript); and a born-digital PDF's own text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { completarImagenes, leerDocumento, textoDePaginas, type ImagenPagina } from '../../../electron/anexos/documento';
import { CARTA, cartaDigital, cartaPdf, imagenesPdf, imagenesPoppler, leerPbm, pdfCcittDeTiff, pdfG4, pdfJbig2, rasterizarGs } from './muestras';

const LIMITES = { maxBytes: Infinity, maxPaginas: Infinity };

/** Our 1-bit PNG (filter 0 on every row, as documento.ts writes it) → its bits, 1 = black like PBM. */
function bitsDePng(img: ImagenPagina): Buffer {
  const b = img.bytes;
  expect(b[24], 'profundidad').toBe(1);
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length; ) {
    const n = b.readUInt32BE(o);
    if (b.toString('latin1', o + 4, o + 8) === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + n));
    o += 12 + n;
  }
  const filas = inflateSync(Buffer.concat(idat));
  const porFila = Math.ceil(img.ancho / 8);
  const out = Buffer.alloc(porFila * img.alto);
  for (let y = 0; y < img.alto; y++) {
    expect(filas[y * (porFila + 1)]).toBe(0);
    for (let x = 0; x < porFila; x++) out[y * porFila + x] = ~filas[y * (porFila + 1) + 1 + x]! & 0xff;
  }
  // Padding bits past the width mean nothing: clear them on both sides.
  return limpiarRelleno(out, img.ancho, img.alto);
}

function limpiarRelleno(bits: Buffer, ancho: number, alto: number): Buffer {
  const porFila = Math.ceil(ancho / 8);
  const resto = ancho % 8;
  if (resto) for (let y = 0; y < alto; y++) bits[y * porFila + porFila - 1]! &= (0xff << (8 - resto)) & 0xff;
  return bits;
}

/** How poppler's pdfimages says each image of the PDF is encoded. */
function codificaciones(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-pdfjs-'));
  try {
    writeFileSync(path.join(dir, 'p.pdf'), pdf);
    return imagenesPdf(path.join(dir, 'p.pdf')).map((i) => i.codificacion);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const negros = (bits: Buffer) => bits.reduce((n, b) => n + ((b.toString(2).match(/1/g) ?? []).length), 0);

let carta: Buffer;
beforeAll(async () => {
  carta = await cartaPdf({ pie: 'página escaneada en blanco y negro' });
});

async function decodificar(pdf: Buffer): Promise<ImagenPagina> {
  const doc = await leerDocumento(pdf, 'escaneo.pdf', LIMITES);
  const p = doc.paginas[0]!;
  expect(p.tipo === 'pdf' && p.imagenPendiente, 'el camino rápido no la lee').toBe(true);
  expect(p.imagen).toBeNull();
  await completarImagenes(doc);
  expect(p.imagen).not.toBeNull();
  return p.imagen!;
}

describe('imágenes de página que lee pdf.js', () => {
  it('una página CCITT G4 de Ghostscript sale igual, píxel a píxel, que la decodifica poppler', async () => {
    const pdf = await pdfG4([carta], 200);
    expect(codificaciones(pdf)).toEqual(['ccitt']);
    const imagen = await decodificar(pdf);
    expect([imagen.formato, imagen.ancho, imagen.alto, imagen.dpi]).toEqual(['png', 1654, 2339, 200]);
    const [pbm] = imagenesPoppler(pdf);
    const referencia = leerPbm(pbm!);
    expect([referencia.ancho, referencia.alto]).toEqual([1654, 2339]);
    const nuestros = bitsDePng(imagen);
    expect(negros(nuestros)).toBeGreaterThan(10_000); // there is ink, not a blank or inverted page
    expect(negros(nuestros)).toBeLessThan(1654 * 2339 * 0.2);
    expect(nuestros.equals(limpiarRelleno(Buffer.from(referencia.bits), referencia.ancho, referencia.alto))).toBe(true);
  });

  it('una página JBIG2 (región genérica MMR) sale igual que la dibuja Ghostscript', async () => {
    const pdf = await pdfJbig2([carta], 200);
    expect(codificaciones(pdf)).toEqual(['jbig2']);
    const imagen = await decodificar(pdf);
    const referencia = rasterizarGs(pdf, 200);
    const nuestros = bitsDePng(imagen);
    expect(negros(nuestros)).toBeGreaterThan(10_000);
    expect(nuestros.equals(limpiarRelleno(Buffer.from(referencia.bits), referencia.ancho, referencia.alto))).toBe(true);
  });

  it('G4 tal como lo pone img2pdf, y G4 pintado como máscara, salen igual que los dibuja Ghostscript', async () => {
    for (const mascara of [false, true]) {
      const pdf = await pdfCcittDeTiff([carta], 150, { mascara });
      const imagen = await decodificar(pdf);
      const referencia = rasterizarGs(pdf, 150);
      const nuestros = bitsDePng(imagen);
      expect(negros(nuestros), `máscara: ${mascara}`).toBeGreaterThan(5_000);
      expect(nuestros.equals(limpiarRelleno(Buffer.from(referencia.bits), referencia.ancho, referencia.alto)), `máscara: ${mascara}`).toBe(true);
    }
  });

  it('solo decodifica las páginas pedidas', async () => {
    const pdf = await pdfG4([carta, carta, carta], 100);
    const doc = await leerDocumento(pdf, 'tres.pdf', LIMITES);
    await completarImagenes(doc, [1]);
    expect(doc.paginas.map((p) => p.imagen !== null)).toEqual([false, true, false]);
  });

  it('el texto propio de un PDF digital sale por página; un escaneo no tiene', async () => {
    const digital = await leerDocumento(await cartaDigital(), 'carta.pdf', LIMITES);
    expect(digital.paginas.map((p) => p.imagen !== null || (p.tipo === 'pdf' && p.imagenPendiente))).toEqual([false]);
    const [texto] = await textoDePaginas(digital);
    expect(texto!.split('\n')).toEqual(CARTA.split('\n').map((l) => l.trim()).filter(Boolean));
    expect(await textoDePaginas(await leerDocumento(await pdfG4([carta], 100), 'g4.pdf', LIMITES))).toEqual(['']);
  });
});
