/**
 * What pdf-lib cannot read in a PDF, read by pdf.js (pdfjs-dist 4, Mozilla's reader, pure
 * JavaScript): page images in the encodings multifunction printers use for black-and-white scans
 * (CCITT G3/G4, JBIG2 with its global segments), JPEG 2000, and any other filter or colour space;
 * and a born-digital page's own text (a Word export has text and no image to OCR).
 *
 * Used only where pdf-lib's quick path gave nothing (documento.ts): JPEG and PNG-like scans never
 * come here. pdf.js runs its "worker" in this thread (Node has no Web Worker): decoding an A4 G4
 * page at 200 dpi takes tens of milliseconds. Nothing is rendered, so no canvas is needed; fonts,
 * CMaps and images are read from the package folder, nothing from the network. Version 4 because
 * version 5 needs Node 22 and the CLI runs on Node 20.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type DocumentoPdfjs = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let modulo: Promise<{ pdfjs: Pdfjs; carpeta: string }> | null = null;

async function cargar(): Promise<{ pdfjs: Pdfjs; carpeta: string }> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as Pdfjs;
  // The worker's code runs in this thread: handed over here, so pdf.js does not look for its file
  // by a path relative to its own (which a bundle or an asar archive would break).
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const carpeta = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  return { pdfjs, carpeta };
}

/** A page image as pdf.js decodes it: 1-bit rows (1 = white, as in PNG), or 8-bit RGB / RGBA. */
export interface ImagenDecodificada {
  ancho: number;
  alto: number;
  tipo: 'bits' | 'rgb' | 'rgba';
  datos: Uint8Array;
}

export interface LectorPdfjs {
  /** The largest image painted on page `indice` (0-based), decoded; null when the page has none. */
  imagen(indice: number): Promise<ImagenDecodificada | null>;
  /** The page's text layer, lines separated by '\n'; '' when it has none. */
  texto(indice: number): Promise<string>;
  cerrar(): Promise<void>;
}

export interface OpcionesLector {
  /** Images with more pixels than this are skipped (a decompression bomb is not a scan). */
  maxPixeles: number;
}

/** Opens a PDF with pdf.js; `cerrar` releases it. */
export async function abrirPdfjs(bytes: Uint8Array, o: OpcionesLector): Promise<LectorPdfjs> {
  const { pdfjs, carpeta } = await (modulo ??= cargar().catch((err: unknown) => {
    modulo = null;
    throw err;
  }));
  const doc: DocumentoPdfjs = await pdfjs.getDocument({
    // A copy: pdf.js takes ownership of the array it is given.
    data: new Uint8Array(bytes),
    cMapUrl: path.join(carpeta, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(carpeta, 'standard_fonts') + path.sep,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    maxImageSize: o.maxPixeles,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const { OPS } = pdfjs;

  return {
    async imagen(indice) {
      const pagina = await doc.getPage(indice + 1);
      try {
        const ops = await pagina.getOperatorList();
        // The largest image on the page is the scan (a logo or a stamp is smaller). A 1-bit image
        // can also be painted as a stencil mask (ink where the bit is 0): same bits, same meaning.
        let mejor: Candidato | null = null;
        for (let i = 0; i < ops.fnArray.length; i++) {
          const fn = ops.fnArray[i];
          const args = ops.argsArray[i] as unknown[];
          let candidato: Candidato | null = null;
          if (fn === OPS.paintImageXObject) {
            const [id, ancho, alto] = args as [string, number, number];
            candidato = { area: ancho * alto, obtener: () => objeto(pagina, id, false) };
          } else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
            // A mask's bits come inline, or (a large one) as an object whose id is in `data`.
            const d = args[0] as (Omit<DatosImagen, 'data'> & { data?: DatosImagen['data'] | string }) | undefined;
            const mascara = fn === OPS.paintImageMaskXObject;
            const datos = d?.data;
            if (!d || !datos) continue;
            if (typeof datos === 'string') candidato = { area: d.width * d.height, obtener: () => objeto(pagina, datos, mascara) };
            else {
              const imagen: DatosImagen = { ...d, data: datos };
              candidato = { area: d.width * d.height, obtener: async () => aImagen(imagen, mascara) };
            }
          }
          if (candidato && candidato.area > (mejor?.area ?? 0)) mejor = candidato;
        }
        return mejor ? await mejor.obtener() : null;
      } finally {
        pagina.cleanup();
      }
    },
    async texto(indice) {
      const pagina = await doc.getPage(indice + 1);
      try {
        const contenido = await pagina.getTextContent();
        let s = '';
        for (const item of contenido.items) {
          if (!('str' in item)) continue;
          s += item.str;
          if (item.hasEOL) s += '\n';
        }
        return s
          .split('\n')
          .map((l) => l.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join('\n');
      } finally {
        pagina.cleanup();
      }
    },
    async cerrar() {
      await doc.destroy();
    },
  };
}

interface Candidato {
  area: number;
  obtener: () => Promise<ImagenDecodificada | null>;
}

/** pdf.js's decoded image (src/shared/util.js ImageKind: 1 = 1-bit gray, 2 = RGB, 3 = RGBA). */
interface DatosImagen {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

function objeto(pagina: Awaited<ReturnType<DocumentoPdfjs['getPage']>>, id: string, mascara: boolean): Promise<ImagenDecodificada | null> {
  // Images shared by several pages live in the document's objects, the rest in the page's.
  const objs = id.startsWith('g_') ? pagina.commonObjs : pagina.objs;
  return new Promise((resolver) => objs.get(id, (d: DatosImagen | null) => resolver(d ? aImagen(d, mascara) : null)));
}

function aImagen(d: DatosImagen, mascara: boolean): ImagenDecodificada | null {
  if (!d.data || !d.width || !d.height) return null;
  const datos = new Uint8Array(d.data.buffer, d.data.byteOffset, d.data.byteLength);
  const porFila = Math.ceil(d.width / 8);
  if (mascara || d.kind === 1) return datos.length >= porFila * d.height ? { ancho: d.width, alto: d.height, tipo: 'bits', datos } : null;
  if (d.kind === 2 && datos.length >= d.width * d.height * 3) return { ancho: d.width, alto: d.height, tipo: 'rgb', datos };
  if (d.kind === 3 && datos.length >= d.width * d.height * 4) return { ancho: d.width, alto: d.height, tipo: 'rgba', datos };
  return null;
}
