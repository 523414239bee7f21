import { describe, expect, it } from 'vitest';
import {
  agregarPaginas,
  describirPagina,
  formatBytes,
  moverPagina,
  ordenGuardar,
  partesFragmento,
  quitarPagina,
  rotarPagina,
  textoSugerencias,
} from '../../renderer/src/anexos';
import type { PaginaLocal } from '../../renderer/src/anexos';

const pag = (indice: number): PaginaLocal => ({ indice, imagen: `data:image/jpeg;base64,${indice}`, ancho: 10, alto: 14, rotacion: 0 });
const llegada = (indice: number) => ({ indice, imagen: 'x', ancho: 10, alto: 14, ocr: false });

describe('anexos: páginas escaneadas antes de guardar', () => {
  it('agrega las páginas nuevas al final, en orden del escáner, sin repetir las conocidas', () => {
    const actuales = [pag(2), pag(1)];
    const r = agregarPaginas(actuales, [llegada(4), llegada(3), llegada(1)], new Set([1, 2]));
    expect(r.map((p) => p.indice)).toEqual([2, 1, 3, 4]);
    expect(agregarPaginas(actuales, [llegada(1)], new Set([1, 2]))).toBe(actuales);
  });

  it('mueve, gira y quita; en los extremos no cambia nada', () => {
    const ps = [pag(1), pag(2), pag(3)];
    expect(moverPagina(ps, 2, -1).map((p) => p.indice)).toEqual([1, 3, 2]);
    expect(moverPagina(ps, 0, -1)).toBe(ps);
    expect(moverPagina(ps, 2, 1)).toBe(ps);
    const girada = rotarPagina(rotarPagina(rotarPagina(rotarPagina(ps, 1), 1), 1), 1);
    expect(girada[1]!.rotacion).toBe(0);
    expect(rotarPagina(ps, 1)[1]!.rotacion).toBe(90);
    expect(quitarPagina(ps, 1).map((p) => p.indice)).toEqual([1, 3]);
    expect(ordenGuardar(rotarPagina(moverPagina(ps, 2, -1), 0))).toEqual([
      { indice: 1, rotacion: 90 },
      { indice: 3, rotacion: 0 },
      { indice: 2, rotacion: 0 },
    ]);
  });

  it('describe la página para el lector de pantalla', () => {
    expect(describirPagina({ ...pag(3), rotacion: 270 }, 0, 2)).toBe('Página 1 de 2, girada 270 grados (hoja 3 del escáner)');
  });
});

describe('anexos: textos', () => {
  it('el clasificador lee primero el asunto y luego el OCR', () => {
    expect(textoSugerencias('  Tutela ', '\nJuzgado\n')).toBe('Tutela\nJuzgado');
    expect(textoSugerencias('', '')).toBe('');
    expect(textoSugerencias('a', 'b'.repeat(30_000))).toHaveLength(20_000);
  });

  it('marca la coincidencia del fragmento', () => {
    expect(partesFragmento('…se notifica la «admisión» de la «tutela»…')).toEqual([
      { texto: '…se notifica la ', marca: false },
      { texto: 'admisión', marca: true },
      { texto: ' de la ', marca: false },
      { texto: 'tutela', marca: true },
      { texto: '…', marca: false },
    ]);
    expect(partesFragmento('sin marca')).toEqual([{ texto: 'sin marca', marca: false }]);
  });

  it('tamaños en es-CO', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(82_227)).toBe('80,3 kB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
  });
});
