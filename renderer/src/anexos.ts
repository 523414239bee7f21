/** Pure helpers of the attachments UI: the clerk's page list before saving, sizes, hashes, OCR fragments. */
import type { EstadoOcr, OrigenAnexo, Rotacion } from '../../shared/domain/anexos';
import type { PaginaEscaneo } from '../../shared/domain/escaneo';
import type { CodigoError, ErrorRadica } from '../../shared/ipc/result';

/** A scanned page as the clerk left it: its scanner index, its image and how she turned it. */
export interface PaginaLocal {
  indice: number;
  imagen: string;
  ancho: number;
  alto: number;
  rotacion: Rotacion;
}

/** New pages from the scanner go to the end, in scanning order; pages already known are not added twice. */
export function agregarPaginas(actuales: PaginaLocal[], nuevas: PaginaEscaneo[], conocidas: ReadonlySet<number>): PaginaLocal[] {
  const agregar = nuevas
    .filter((p) => !conocidas.has(p.indice))
    .sort((a, b) => a.indice - b.indice)
    .map((p) => ({ indice: p.indice, imagen: p.imagen, ancho: p.ancho, alto: p.alto, rotacion: 0 as Rotacion }));
  return agregar.length ? [...actuales, ...agregar] : actuales;
}

/** Moves the page at `posicion` one place left (-1) or right (+1); unchanged at the ends. */
export function moverPagina(paginas: PaginaLocal[], posicion: number, delta: -1 | 1): PaginaLocal[] {
  const destino = posicion + delta;
  if (posicion < 0 || posicion >= paginas.length || destino < 0 || destino >= paginas.length) return paginas;
  const out = [...paginas];
  [out[posicion], out[destino]] = [out[destino]!, out[posicion]!];
  return out;
}

/** Turns the page 90° clockwise. */
export function rotarPagina(paginas: PaginaLocal[], posicion: number): PaginaLocal[] {
  return paginas.map((p, i) => (i === posicion ? { ...p, rotacion: (((p.rotacion + 90) % 360) as Rotacion) } : p));
}

export function quitarPagina(paginas: PaginaLocal[], posicion: number): PaginaLocal[] {
  return paginas.filter((_, i) => i !== posicion);
}

/** What guardarEscaneo takes: the clerk's order and turns. */
export function ordenGuardar(paginas: PaginaLocal[]): { indice: number; rotacion: Rotacion }[] {
  return paginas.map((p) => ({ indice: p.indice, rotacion: p.rotacion }));
}

/** "Página 2 de 3, girada 90 grados". */
export function describirPagina(p: PaginaLocal, posicion: number, total: number): string {
  return `Página ${posicion + 1} de ${total}${p.rotacion ? `, girada ${p.rotacion} grados` : ''} (hoja ${p.indice} del escáner)`;
}

/** The classifier reads the asunto first, then the OCR text of the scanned pages. */
export function textoSugerencias(asunto: string, ocr: string): string {
  // The channel takes at most 20 000 characters.
  return [asunto.trim(), ocr.trim()].filter(Boolean).join('\n').slice(0, 20_000);
}

/** 1 234 567 bytes → "1,2 MB" (es-CO). */
export function formatBytes(n: number): string {
  const f = (x: number) => x.toLocaleString('es-CO', { maximumFractionDigits: 1 });
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${f(n / 1024)} kB`;
  return `${f(n / (1024 * 1024))} MB`;
}

/** Errors whose own message says what is wrong with the pages or files (or the scanner) and what to do. */
const CON_MENSAJE_PROPIO: ReadonlySet<CodigoError> = new Set(['ARCHIVO_INVALIDO', 'ESCANER', 'VALIDACION', 'CONFLICTO', 'NO_AUTORIZADO', 'SIN_SESION']);

/**
 * Why the scanned pages or the picked files were not attached to a radicado that already has its
 * number: the error's own words when they say what to fix; otherwise (an internal error, the station
 * out of reach) a plain explanation. Never the router's generic internal-error text, whose «si no
 * vio un número…» would make the clerk radicate the same document twice.
 */
export function motivoAnexoFallido(que: 'escaneo' | 'archivos', error: ErrorRadica): string {
  const cosa = que === 'escaneo' ? 'las páginas escaneadas' : 'los archivos';
  if (CON_MENSAJE_PROPIO.has(error.code)) return error.message;
  if (error.code === 'NO_ENCONTRADO') {
    return que === 'escaneo'
      ? `${error.message.replace(/\s*Escanee de nuevo\.?$/, '')} Escanee el documento otra vez desde Consulta: abra el radicado y use «Escanear y anexar».`
      : error.message;
  }
  return `La estación no pudo guardar ${cosa} por un error interno (por ejemplo, el disco está lleno o la carpeta de datos no permite escribir).`;
}

export const paginasTexto = (n: number): string => (n === 1 ? '1 página' : `${n} páginas`);

/** First 12 hex characters: enough for a person to compare two files. */
export const shaCorto = (sha256: string): string => sha256.slice(0, 12);

export const ORIGEN_NOMBRE: Record<OrigenAnexo, string> = {
  escaner: 'Escáner',
  archivo: 'Archivo',
  lote: 'Lote',
  carpeta: 'Carpeta de escaneo',
  bandeja: 'Bandeja de lote',
};

export const OCR_NOMBRE: Record<EstadoOcr, string> = {
  pendiente: 'Texto pendiente',
  hecho: 'Texto reconocido',
  fallido: 'Falló el reconocimiento',
  sin_imagenes: 'Texto digital (sin OCR)',
};

/** "a «tutela» del juzgado" → [{texto:'a ', marca:false}, {texto:'tutela', marca:true}, …]. */
export function partesFragmento(fragmento: string): { texto: string; marca: boolean }[] {
  const out: { texto: string; marca: boolean }[] = [];
  const re = /«([^»]*)»/g;
  let ultimo = 0;
  for (let m = re.exec(fragmento); m; m = re.exec(fragmento)) {
    if (m.index > ultimo) out.push({ texto: fragmento.slice(ultimo, m.index), marca: false });
    if (m[1]) out.push({ texto: m[1], marca: true });
    ultimo = m.index + m[0].length;
  }
  if (ultimo < fragmento.length) out.push({ texto: fragmento.slice(ultimo), marca: false });
  return out;
}

export const EXTENSIONES_ANEXO = '.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/** A file the clerk picked, read in the renderer (no Node): its name and base64 content. */
export interface ArchivoLeido {
  nombre: string;
  base64: string;
  bytes: number;
}

export function leerArchivo(f: File): Promise<ArchivoLeido> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(new Error(`No fue posible leer ${f.name}.`));
    r.onload = () => {
      const url = String(r.result);
      resolve({ nombre: f.name, base64: url.slice(url.indexOf(',') + 1), bytes: f.size });
    };
    r.readAsDataURL(f);
  });
}

export const leerArchivos = (files: FileList | null): Promise<ArchivoLeido[]> => Promise.all(Array.from(files ?? []).map(leerArchivo));
