/**
 * Pure helpers that turn a StickerLayout (millimetres) into SVG shapes: bars and QR modules merged
 * into runs so a sticker is a few hundred rects, not thousands.
 */
import type { ElementoCodigo128, ElementoQr, ElementoTexto } from '../../../shared/sticker/types';

export const MM_POR_PUNTO = 25.4 / 72;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Runs of '1' in a bar pattern, as [start, length] in modules. */
export function runs(pattern: string | ArrayLike<number>, from = 0, length = pattern.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i < length; i++) {
    const dark = String(pattern[from + i]) === '1';
    if (dark && start < 0) start = i;
    if (!dark && start >= 0) {
      out.push([start, i - start]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, length - start]);
  return out;
}

export function barrasRects(e: ElementoCodigo128): Rect[] {
  const n = e.barras.length;
  if (n === 0) return [];
  const modulo = e.ancho / n;
  return runs(e.barras).map(([s, l]) => ({ x: e.x + s * modulo, y: e.y, w: l * modulo, h: e.alto }));
}

/** Each QR row merged into horizontal runs of dark modules. */
export function qrRects(e: ElementoQr): Rect[] {
  if (e.tamano <= 0) return [];
  const modulo = e.lado / e.tamano;
  const out: Rect[] = [];
  for (let fila = 0; fila < e.tamano; fila++) {
    for (const [s, l] of runs(e.modulos, fila * e.tamano, e.tamano)) {
      out.push({ x: e.x + s * modulo, y: e.y + fila * modulo, w: l * modulo, h: modulo });
    }
  }
  return out;
}

/** Font size in mm and the anchor point of a text element (y in the layout is the top of the line). */
export function textoSvg(e: ElementoTexto): { x: number; y: number; tamanoMm: number; anchor: 'start' | 'middle' | 'end' } {
  const tamanoMm = e.tamano * MM_POR_PUNTO;
  const x = e.alinear === 'centro' ? e.x + e.ancho / 2 : e.alinear === 'derecha' ? e.x + e.ancho : e.x;
  const anchor = e.alinear === 'centro' ? 'middle' : e.alinear === 'derecha' ? 'end' : 'start';
  // Baseline at the ascender height (about 0.8 em for Helvetica-like fonts) below the top.
  return { x, y: e.y + tamanoMm * 0.82, tamanoMm, anchor };
}

/** Rounded for compact, stable SVG output. */
export const r3 = (n: number): number => Math.round(n * 1000) / 1000;
