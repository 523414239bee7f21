/**
 * The small part of pdfkit 0.17 the sticker encoder uses. pdfkit ships no types of its own; a local
 * declaration keeps @types/pdfkit (and its version drift) out of the dependencies.
 */
declare module 'pdfkit' {
  interface PDFDocumentOptions {
    size?: [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    compress?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string; Producer?: string; CreationDate?: Date; ModDate?: Date };
  }

  interface TextOptions {
    lineBreak?: boolean;
    width?: number;
    align?: 'left' | 'center' | 'right';
    /** 'alphabetic': the y given to text() is the baseline. */
    baseline?: 'top' | 'alphabetic';
  }

  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    font(name: string): this;
    fontSize(size: number): this;
    widthOfString(text: string): number;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    rect(x: number, y: number, w: number, h: number): this;
    fill(color?: string): this;
    fillColor(color: string): this;
    end(): void;
  }

  export default PDFDocument;
}
