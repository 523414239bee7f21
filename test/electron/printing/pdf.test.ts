import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutAPdf } from '../../../electron/printing/pdf';
import { construirLayout } from '../../../shared/sticker/layout';
import type { Documento, Plantilla, StickerLayout } from '../../../shared/sticker/types';
import { tempDir } from '../helpers';
import { ejecutar, leerSimbolos } from './herramientas';
import { MUESTRA } from './muestra';

const PT_POR_MM = 72 / 25.4;
const dir = tempDir('radica-pdf-');
/** The rendered pages stay here for a person to look at (test-results/ is not committed). */
const vistas = path.resolve(__dirname, '../../../test-results/stickers');
mkdirSync(vistas, { recursive: true });

async function renderizar(nombre: string, layout: StickerLayout) {
  const pdf = path.join(dir, `${nombre}.pdf`);
  writeFileSync(pdf, await layoutAPdf(layout));
  const png = path.join(vistas, `${nombre}-300dpi`);
  ejecutar('pdftoppm', ['-r', '300', '-png', '-singlefile', pdf, png]);
  return { pdf, png: `${png}.png` };
}

function tamanoPagina(pdf: string): [number, number] {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(ejecutar('pdfinfo', [pdf]));
  if (!m) throw new Error('pdfinfo sin tamaño de página');
  return [Number(m[1]), Number(m[2])];
}

const CASOS: { plantilla: Plantilla; documento: Documento; anchoMm: number; altoMm?: number }[] = [
  { plantilla: 'etiqueta-100x50', documento: 'rotulo', anchoMm: 100, altoMm: 50 },
  { plantilla: 'etiqueta-62', documento: 'rotulo', anchoMm: 62 },
  { plantilla: 'recibo-80', documento: 'rotulo', anchoMm: 80 },
  { plantilla: 'recibo-80', documento: 'constancia', anchoMm: 80 },
];

describe('layoutAPdf', () => {
  for (const caso of CASOS) {
    for (const copia of [false, true]) {
      it(`${caso.plantilla} ${caso.documento}${copia ? ' COPIA' : ''}: scans, page size, Spanish text`, async () => {
        const layout = construirLayout({ ...MUESTRA, copia }, caso.plantilla, caso.documento);
        const nombre = `${caso.plantilla}-${caso.documento}${copia ? '-copia' : ''}`;
        const { pdf, png } = await renderizar(nombre, layout);

        const simbolos = leerSimbolos(png);
        expect(simbolos.codigo128).toEqual([MUESTRA.numero]);
        expect(simbolos.qr).toEqual([MUESTRA.urlConsulta]);

        const [ancho, alto] = tamanoPagina(pdf);
        expect(layout.anchoMm).toBe(caso.anchoMm);
        if (caso.altoMm) expect(layout.altoMm).toBe(caso.altoMm);
        expect(ancho).toBeCloseTo(caso.anchoMm * PT_POR_MM, 1);
        expect(alto).toBeCloseTo(layout.altoMm * PT_POR_MM, 1);
        if (caso.plantilla === 'etiqueta-100x50') {
          // 100 × 50 mm is 283.46 × 141.73 pt (pdfinfo prints a third decimal).
          expect(ancho).toBeCloseTo(283.46, 1);
          expect(alto).toBeCloseTo(141.73, 1);
        }
        expect(ejecutar('pdfinfo', [pdf])).toMatch(/Pages:\s+1\n/);
        expect(ejecutar('pdfinfo', [pdf])).toContain(`Title:           Radicado N° ${MUESTRA.numero}`);

        const texto = ejecutar('pdftotext', ['-layout', pdf, '-']);
        expect(texto).toContain('Radicado N°');
        expect(texto).toContain(MUESTRA.numero);
        for (const s of ['Bárbara', 'Alcaldía', 'Iñaki Peñaloza Muñoz', '¿Por qué', 'Peñoncito?', '¡Urgente!', 'Ñáñez', 'Código de verificación', MUESTRA.codigoVerificacion]) {
          expect(texto).toContain(s);
        }
        if (caso.documento === 'constancia') expect(texto).toContain('CONSTANCIA DE RADICACIÓN');
        if (copia) expect(texto).toContain('COPIA');
        else expect(texto).not.toContain('COPIA');
      });
    }
  }

  it('is deterministic: the same layout gives the same bytes', async () => {
    const layout = construirLayout(MUESTRA, 'etiqueta-100x50');
    expect((await layoutAPdf(layout)).equals(await layoutAPdf(layout))).toBe(true);
  });

  it('shrinks a line the width estimate let through instead of drawing past its box', async () => {
    const caja = { x: 5, ancho: 20 };
    const layout: StickerLayout = {
      documento: 'rotulo',
      plantilla: 'etiqueta-100x50',
      anchoMm: 40,
      altoMm: 20,
      columnas: 48,
      copia: false,
      elementos: [
        { tipo: 'texto', x: caja.x, y: 2, ancho: caja.ancho, tamano: 12, negrita: true, mono: false, alinear: 'izquierda', texto: 'WMWMWMWMWMWM' },
        { tipo: 'texto', x: caja.x, y: 10, ancho: caja.ancho, tamano: 12, negrita: false, mono: false, alinear: 'derecha', texto: 'ÑÑÑÑÑÑÑÑÑ' },
      ],
    };
    const pdf = path.join(dir, 'encoger.pdf');
    writeFileSync(pdf, await layoutAPdf(layout));
    const bbox = ejecutar('pdftotext', ['-bbox', pdf, '-']);
    const palabras = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
    expect(palabras.map((p) => p[3])).toEqual(['WMWMWMWMWMWM', 'ÑÑÑÑÑÑÑÑÑ']);
    for (const p of palabras) {
      expect(Number(p[1])).toBeGreaterThanOrEqual(caja.x * PT_POR_MM - 0.5);
      expect(Number(p[2])).toBeLessThanOrEqual((caja.x + caja.ancho) * PT_POR_MM + 0.5);
    }
  });
});
