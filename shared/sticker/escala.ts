import type { Elemento, StickerLayout } from './types';

/**
 * Fits a label layout to the stock a printer actually has (say 101.6 × 50.8 mm for 4" × 2" labels,
 * or 100 × 60 mm): one uniform scale, centred, so texts stay fitted to their boxes and the codes
 * keep their proportions. Receipt rolls are laid out by columns and are not scaled.
 */
export function ajustarATamano(layout: StickerLayout, tamano: { anchoMm: number; altoMm: number }): StickerLayout {
  if (layout.plantilla === 'recibo-80') return layout;
  const f = Math.min(tamano.anchoMm / layout.anchoMm, tamano.altoMm / layout.altoMm);
  const dx = (tamano.anchoMm - layout.anchoMm * f) / 2;
  const dy = (tamano.altoMm - layout.altoMm * f) / 2;
  const escalar = (e: Elemento): Elemento => {
    const base = { ...e, x: dx + e.x * f, y: dy + e.y * f };
    switch (e.tipo) {
      case 'texto':
        return { ...base, tipo: 'texto', ancho: e.ancho * f, tamano: e.tamano * f } as Elemento;
      case 'codigo128':
        return { ...base, tipo: 'codigo128', ancho: e.ancho * f, alto: e.alto * f } as Elemento;
      case 'qr':
        return { ...base, tipo: 'qr', lado: e.lado * f } as Elemento;
      case 'linea':
        return { ...base, tipo: 'linea', ancho: e.ancho * f, grosor: e.grosor * f } as Elemento;
    }
  };
  return { ...layout, anchoMm: tamano.anchoMm, altoMm: tamano.altoMm, elementos: layout.elementos.map(escalar) };
}
