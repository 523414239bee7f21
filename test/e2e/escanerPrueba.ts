/**
 * A scanner for the e2e tests: real JPEG pages (a Spanish letter about an acción de tutela,
 * "printed and scanned" by pdftoppm) written one by one into the caller's folder with a pause
 * between them, as a feeder delivers them, so the thumbnails visibly arrive one at a time.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Escaner, PaginaEscaneada } from '../../electron/scanning/types';
import { cartaPdf, rasterizar } from '../electron/anexos/muestras';

export const TEXTO_TUTELA =
  'Acción de tutela. Juzgado Tercero Civil Municipal. Se notifica la admisión de la acción de tutela por el derecho ' +
  'fundamental a la salud; la entidad debe responder dentro de las 48 horas siguientes.';

const carta = (pagina: number, total: number) => `Bogotá, 3 de noviembre de 2026

Señores
Alcaldía Municipal
Oficina Asesora Jurídica

Referencia: Acción de tutela 2026-00412
Juzgado Tercero Civil Municipal

Página ${pagina} de ${total}

${pagina === 1 ? 'El Juzgado notifica la admisión de la acción de tutela interpuesta' : 'Continuación del auto admisorio de la acción de tutela'}
por el señor Carlos Ruiz por la presunta vulneración del derecho a la salud.
La entidad debe rendir informe dentro de las cuarenta y ocho (48) horas.

Secretaría del Juzgado`;

let paginas: Promise<Buffer[]> | null = null;

/** The page images, made once per worker: pdf-lib letter → pdftoppm -r 100 -gray -jpeg. */
export function paginasPrueba(total = 3): Promise<Buffer[]> {
  paginas ??= Promise.all(Array.from({ length: total }, async (_, i) => rasterizar(await cartaPdf({ texto: carta(i + 1, total) }), 100, 'jpeg')));
  return paginas;
}

export interface EscanerPrueba extends Escaner {
  /** Scans started so far. */
  escaneos: number;
}

export function escanerPrueba(o: { paginas?: number; pausaMs?: number } = {}): EscanerPrueba {
  const total = o.paginas ?? 3;
  const pausaMs = o.pausaMs ?? 400;
  const e: EscanerPrueba = {
    escaneos: 0,
    async listar() {
      return [{ id: 'prueba:0', nombre: 'Escáner de prueba', fuentes: ['adf'], duplex: false, modos: ['gris'], resoluciones: [100] }];
    },
    async escanear(opciones, alPagina) {
      e.escaneos++;
      const imagenes = await paginasPrueba(total);
      const out: PaginaEscaneada[] = [];
      for (let i = 0; i < imagenes.length; i++) {
        await new Promise((r) => setTimeout(r, pausaMs));
        if (opciones.senal?.aborted) break;
        const ruta = path.join(opciones.carpeta, `pagina-${i + 1}.jpg`);
        writeFileSync(ruta, imagenes[i]!);
        const p: PaginaEscaneada = { indice: i + 1, ruta, formato: 'jpeg' };
        out.push(p);
        alPagina?.(p);
      }
      return out;
    },
  };
  return e;
}
