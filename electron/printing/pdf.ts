import PDFDocument from 'pdfkit';
import type { ElementoCodigo128, ElementoLinea, ElementoQr, ElementoTexto, StickerLayout } from '../../shared/sticker/types';

/** pdfkit works in points; the layout in millimetres. */
const PT_POR_MM = 72 / 25.4;
const pt = (mm: number): number => mm * PT_POR_MM;

/**
 * A fixed creation date: the same layout must give the same bytes (golden comparisons, dedup of
 * reprints). The date a sticker was issued is printed on it; the file's metadata date adds nothing.
 */
const FECHA_FIJA = new Date(Date.UTC(2026, 0, 1));

/**
 * Baseline position inside the layout's line box (1.18 × size, see shared/sticker/fit.ts): half the
 * slack above Helvetica's ascender (0.718) and descender (0.207), so accents and descenders stay
 * inside the box the layout reserved.
 */
const BASE_EN_CAJA = (1.18 - 0.925) / 2 + 0.718;

/** Smallest size worth drawing: below this a thermal label head blurs the glyphs anyway. */
const TAMANO_MINIMO = 3;

function fuente(t: ElementoTexto): string {
  if (t.mono) return t.negrita ? 'Courier-Bold' : 'Courier';
  return t.negrita ? 'Helvetica-Bold' : 'Helvetica';
}

/**
 * The standard 14 fonts only encode WinAnsi (Latin-1 plus … – — “ ” € •): every Spanish letter
 * is there. Anything else (an emoji pasted into the asunto) would print as garbage, so strip its
 * accents or fall back to '?'.
 */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
export function aWinAnsi(texto: string): string {
  let out = '';
  for (const c of texto) {
    const cp = c.codePointAt(0)!;
    if ((cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(c)) out += c;
    else if (cp < 0x20 || cp === 0x7f) out += ' ';
    else {
      const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((b) => b.codePointAt(0)! < 0x7f) && base ? base : '?';
    }
  }
  return out;
}

function dibujarTexto(doc: PDFDocument, t: ElementoTexto): void {
  const texto = aWinAnsi(t.texto);
  if (!texto.trim()) return;
  const ancho = pt(t.ancho);
  let tamano = t.tamano;
  doc.font(fuente(t)).fontSize(tamano);
  let medido = doc.widthOfString(texto);
  // fit.ts only approximates widths: measure with the real metrics and shrink rather than overflow.
  while (medido > ancho && tamano > TAMANO_MINIMO) {
    tamano = Math.max(TAMANO_MINIMO, Math.floor(tamano * (ancho / medido) * 20) / 20);
    doc.fontSize(tamano);
    medido = doc.widthOfString(texto);
    if (tamano === TAMANO_MINIMO) break;
  }
  const holgura = Math.max(0, ancho - medido);
  const x = pt(t.x) + (t.alinear === 'centro' ? holgura / 2 : t.alinear === 'derecha' ? holgura : 0);
  // The baseline stays where the layout's size put it, so a shrunk line does not drift upwards.
  const base = pt(t.y) + BASE_EN_CAJA * t.tamano;
  doc.text(texto, x, base, { lineBreak: false, baseline: 'alphabetic' });
}

function dibujarCodigo128(doc: PDFDocument, c: ElementoCodigo128): void {
  const modulo = pt(c.ancho) / c.barras.length;
  const y = pt(c.y);
  const alto = pt(c.alto);
  // One rectangle per run of bars: vector, so it scans at any printer resolution.
  for (const m of c.barras.matchAll(/1+/g)) doc.rect(pt(c.x) + m.index * modulo, y, m[0].length * modulo, alto);
  doc.fill('black');
}

function dibujarQr(doc: PDFDocument, q: ElementoQr): void {
  const modulo = pt(q.lado) / q.tamano;
  const x0 = pt(q.x);
  const y0 = pt(q.y);
  for (let fila = 0; fila < q.tamano; fila++) {
    let col = 0;
    while (col < q.tamano) {
      if (q.modulos[fila * q.tamano + col] !== 1) {
        col++;
        continue;
      }
      const inicio = col;
      while (col < q.tamano && q.modulos[fila * q.tamano + col] === 1) col++;
      // Horizontal runs merged: a third of the rectangles of one per module, and no hairline seams.
      doc.rect(x0 + inicio * modulo, y0 + fila * modulo, (col - inicio) * modulo, modulo);
    }
  }
  doc.fill('black');
}

function dibujarLinea(doc: PDFDocument, l: ElementoLinea): void {
  doc.rect(pt(l.x), pt(l.y), pt(l.ancho), pt(l.grosor)).fill('black');
}

function numeroRadicado(layout: StickerLayout): string | undefined {
  return layout.elementos.find((e): e is ElementoCodigo128 => e.tipo === 'codigo128')?.datos;
}

/** The sticker or receipt as a one-page vector PDF exactly the size of the label. */
export async function layoutAPdf(layout: StickerLayout): Promise<Buffer> {
  const numero = numeroRadicado(layout);
  const doc = new PDFDocument({
    size: [pt(layout.anchoMm), pt(layout.altoMm)],
    margin: 0,
    info: {
      Title: aWinAnsi(`Radicado N° ${numero ?? ''}${layout.documento === 'constancia' ? ' · Constancia' : ''}${layout.copia ? ' · COPIA' : ''}`),
      Creator: 'Radica',
      Producer: 'Radica',
      CreationDate: FECHA_FIJA,
      ModDate: FECHA_FIJA,
    },
  });
  const partes: Buffer[] = [];
  const terminado = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => partes.push(c));
    doc.on('end', () => resolve(Buffer.concat(partes)));
    doc.on('error', reject);
  });
  doc.fillColor('black');
  for (const e of layout.elementos) {
    switch (e.tipo) {
      case 'texto':
        dibujarTexto(doc, e);
        break;
      case 'codigo128':
        dibujarCodigo128(doc, e);
        break;
      case 'qr':
        dibujarQr(doc, e);
        break;
      case 'linea':
        dibujarLinea(doc, e);
        break;
    }
  }
  doc.end();
  return terminado;
}
