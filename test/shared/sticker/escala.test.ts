import { describe, expect, it } from 'vitest';
import { ajustarATamano } from '../../../shared/sticker/escala';
import { construirLayout } from '../../../shared/sticker/layout';
import { MUESTRA } from '../../electron/printing/muestra';

describe('tamaño de la etiqueta configurable', () => {
  it('escala uniformemente y centra en la etiqueta cargada', () => {
    const base = construirLayout(MUESTRA, 'etiqueta-100x50');
    const l = ajustarATamano(base, { anchoMm: 100, altoMm: 60 });
    expect([l.anchoMm, l.altoMm]).toEqual([100, 60]);
    // Same width, 10 mm taller: scale 1, 5 mm down.
    const qr0 = base.elementos.find((e) => e.tipo === 'qr')!;
    const qr1 = l.elementos.find((e) => e.tipo === 'qr')!;
    expect(qr1.x).toBeCloseTo(qr0.x);
    expect(qr1.y).toBeCloseTo(qr0.y + 5);
    const grande = ajustarATamano(base, { anchoMm: 150, altoMm: 75 });
    const t0 = base.elementos.find((e) => e.tipo === 'texto')!;
    const t1 = grande.elementos.find((e) => e.tipo === 'texto')!;
    expect(t1.tipo === 'texto' && t0.tipo === 'texto' && t1.tamano / t0.tamano).toBeCloseTo(1.5);
    for (const e of grande.elementos) {
      const ancho = e.tipo === 'qr' ? e.lado : e.ancho;
      expect(e.x + ancho).toBeLessThanOrEqual(150 + 1e-9);
    }
  });

  it('no toca el recibo de 80 mm, que se arma por columnas', () => {
    const r = construirLayout(MUESTRA, 'recibo-80');
    expect(ajustarATamano(r, { anchoMm: 58, altoMm: 100 })).toBe(r);
  });
});
