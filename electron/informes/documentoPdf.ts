/**
 * The part of pdfkit 0.17 the weekly report uses, typed here. electron/printing/pdfkit.d.ts
 * declares the stickers' smaller part; its declarations are local to its `declare module` (it has
 * an explicit export), so they cannot be merged from here: the constructor is re-typed instead.
 */
import PDFDocument from 'pdfkit';

export interface OpcionesPdf {
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  /** Keep every page open so the footer can be written once the page count is known. */
  bufferPages: boolean;
  info: { Title: string; Author: string; Subject: string; Creator: string; Producer: string; CreationDate: Date; ModDate: Date };
}

export interface OpcionesTexto {
  lineBreak?: boolean;
  width?: number;
  /** With `width`: the text stops at this height (with an ellipsis) and never adds a page itself. */
  height?: number;
  ellipsis?: boolean | string;
  align?: 'left' | 'center' | 'right';
}

export interface DocumentoPdf {
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  text(text: string, x: number, y: number, options?: OpcionesTexto): this;
  widthOfString(text: string): number;
  heightOfString(text: string, options?: OpcionesTexto): number;
  addPage(): this;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): this;
  rect(x: number, y: number, w: number, h: number): this;
  circle(x: number, y: number, radius: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  lineWidth(w: number): this;
  fill(color?: string): this;
  stroke(color?: string): this;
  fillAndStroke(fill?: string, stroke?: string): this;
  dash(length: number, options?: { space?: number }): this;
  undash(): this;
  save(): this;
  restore(): this;
  end(): void;
}

export const nuevoDocumentoPdf = (opciones: OpcionesPdf): DocumentoPdf =>
  new (PDFDocument as unknown as new (o: OpcionesPdf) => DocumentoPdf)(opciones);
