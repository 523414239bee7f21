/**
 * Real OCR: tesseract.js with the Spanish data shipped in @tesseract.js-data/spa, offline, on a
 * Spanish letter rendered at 300 dpi. The bar: character error rate ≤ 3 %.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { motorTesseract } from '../../../electron/anexos/ocr';
import { completarImagenes, imagenDe, leerDocumento } from '../../../electron/anexos/documento';
import { CARTA, cartaPdf, pdfG4, rasterizar, tasaErrorCaracteres } from './muestras';

const motor = motorTesseract({ inactividadMs: 5_000 });
afterAll(() => motor.cerrar());

describe('OCR (tesseract.js, español)', () => {
  it('lee una carta en español a 300 ppp con menos de 3 % de errores de carácter', async () => {
    const png = rasterizar(await cartaPdf(), 300, 'png');
    const r = await motor.reconocer(imagenDe('png', png, 'carta', 300));
    const cer = tasaErrorCaracteres(CARTA, r.texto);
    expect(cer, `CER ${(cer * 100).toFixed(2)} %\n${r.texto}`).toBeLessThanOrEqual(0.03);
    expect(r.texto).toContain('Constitución Política');
    expect(r.confianza).toBeGreaterThan(70);
  }, 120_000);

  it('lee una página escaneada en blanco y negro (CCITT G4, 300 ppp) decodificada por pdf.js', async () => {
    const doc = await leerDocumento(await pdfG4([await cartaPdf()], 300), 'g4.pdf', { maxBytes: Infinity, maxPaginas: Infinity });
    await completarImagenes(doc);
    const imagen = doc.paginas[0]!.imagen!;
    expect(imagen.dpi).toBe(300);
    const r = await motor.reconocer(imagen);
    const cer = tasaErrorCaracteres(CARTA, r.texto);
    expect(cer, `CER ${(cer * 100).toFixed(2)} %\n${r.texto}`).toBeLessThanOrEqual(0.03);
    expect(r.texto).toContain('Constitución Política');
  }, 120_000);

  // The page as it came out of the feeder, turned (sideways: a letter fed landscape); the clerk
  // turned it back in the Anexos panel, and OCR reads it with that rotation.
  it.each([90, 180, 270] as const)('una página girada %i° en el escáner se lee con la rotación que le dio el funcionario', async (giro) => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-ocr-'));
    const { PDFDocument, degrees } = await import('pdf-lib');
    const doc = await PDFDocument.load(await cartaPdf());
    doc.getPage(0).setRotation(degrees(giro));
    writeFileSync(path.join(dir, 'g.pdf'), await doc.save());
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', path.join(dir, 'g.pdf'), path.join(dir, 'g')]);
    const png = readFileSync(path.join(dir, 'g.png'));
    const r = await motor.reconocer(imagenDe('png', png, 'g', 200), (360 - giro) as 90 | 180 | 270);
    expect(r.texto).toContain('derecho fundamental de petición');
    // Without the clerk's rotation the sideways page is unreadable: the rotation is what reads it.
    expect((await motor.reconocer(imagenDe('png', png, 'g', 200))).texto).not.toContain('derecho fundamental de petición');
  }, 120_000);
});
