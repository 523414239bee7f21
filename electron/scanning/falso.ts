/**
 * A scanner for tests of the code that uses scanners (anexos, the UI flow): writes the page images
 * it was given into the caller's folder, reports them one by one like a real feeder, and can be
 * told to fail. No program, no device.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FalloEscaner, type DispositivoEscaner, type Escaner, type FormatoPagina, type PaginaEscaneada } from './types';

export type FuentePaginasFalsas = Buffer[] | (() => Iterable<Buffer> | AsyncIterable<Buffer>);

export interface OpcionesEscanerFalso {
  dispositivos?: DispositivoEscaner[];
  /** Fail before the first page, or after `trasPaginas` pages (a jam mid-batch). */
  fallo?: FalloEscaner | { fallo: FalloEscaner; trasPaginas: number };
  /** Pause between pages, so a test can cancel mid-batch. */
  pausaMs?: number;
}

export const DISPOSITIVO_FALSO: DispositivoEscaner = {
  id: 'falso:0',
  nombre: 'Escáner de prueba',
  fuentes: ['adf', 'plano'],
  duplex: true,
  modos: ['color', 'gris', 'blanco_negro'],
  resoluciones: [150, 200, 300, 600],
};

/** JPEG (FF D8), PNG (89 50 4E 47) or TIFF (II*\0 / MM\0*), from the bytes. */
export function formatoDeImagen(b: Buffer): FormatoPagina {
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (b.subarray(0, 4).toString('hex') === '89504e47') return 'png';
  const t = b.subarray(0, 4).toString('hex');
  if (t === '49492a00' || t === '4d4d002a') return 'tiff';
  throw new Error('escanerFalso: las páginas deben ser JPEG, PNG o TIFF');
}

const EXTENSION: Record<FormatoPagina, string> = { jpeg: 'jpg', png: 'png', tiff: 'tif' };

export function escanerFalso(paginas: FuentePaginasFalsas, opciones: OpcionesEscanerFalso = {}): Escaner {
  const dispositivos = opciones.dispositivos ?? [DISPOSITIVO_FALSO];
  return {
    listar: () => Promise.resolve(dispositivos.map((d) => ({ ...d }))),
    async escanear(o, alPagina) {
      const cancelado = () => new FalloEscaner('Escaneo cancelado.', 'cancelado');
      if (o.senal?.aborted) throw cancelado();
      const d = dispositivos.find((x) => x.id === o.dispositivo);
      if (!d) throw new FalloEscaner(`No se encuentra el escáner «${o.dispositivo}».`, 'sin_dispositivo');
      if (o.duplex && !d.duplex) throw new FalloEscaner(`El escáner «${o.dispositivo}» no escanea por las dos caras (dúplex).`, 'no_soportado');
      const fallo = opciones.fallo instanceof FalloEscaner ? { fallo: opciones.fallo, trasPaginas: 0 } : opciones.fallo;
      if (fallo?.trasPaginas === 0) throw fallo.fallo;
      const limite = o.fuente === 'plano' ? 1 : (o.paginas ?? Infinity);
      const fuente = typeof paginas === 'function' ? paginas() : paginas;
      const hechas: PaginaEscaneada[] = [];
      for await (const imagen of fuente) {
        if (hechas.length >= limite) break;
        if (opciones.pausaMs) await new Promise((r) => setTimeout(r, opciones.pausaMs));
        if (o.senal?.aborted) throw cancelado();
        const formato = formatoDeImagen(imagen);
        const ruta = path.join(o.carpeta, `pagina-${String(hechas.length + 1).padStart(4, '0')}.${EXTENSION[formato]}`);
        await writeFile(ruta, imagen);
        const p: PaginaEscaneada = { indice: hechas.length + 1, ruta, formato };
        hechas.push(p);
        alPagina?.(p);
        if (fallo && hechas.length >= fallo.trasPaginas) throw fallo.fallo;
      }
      if (hechas.length === 0) throw new FalloEscaner('No hay hojas en el alimentador del escáner. Coloque los documentos y vuelva a escanear.', 'sin_papel');
      return hechas;
    },
  };
}
