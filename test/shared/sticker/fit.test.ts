import { describe, expect, it } from 'vitest';
import { anchoTextoMm, envolverColumnas } from '../../../shared/sticker/fit';

describe('envolverColumnas', () => {
  it('splits a URL longer than a line instead of cutting it', () => {
    const url = 'https://radica.santabarbaradepinto-magdalena.gov.co/consulta/2026-0103-000123?c=K7QF3MZP';
    const lineas = envolverColumnas(url, 56, 3);
    expect(lineas.join('')).toBe(url);
    for (const l of lineas) expect(l.length).toBeLessThanOrEqual(56);
  });

  it('with a font, keeps every line inside both the columns and the millimetres, losing no word', () => {
    const texto = 'SOLICITUD DE REVISIÓN DEL AVALÚO CATASTRAL DEL PREDIO UBICADO EN LA VEREDA EL MANANTIAL';
    const lineas = envolverColumnas(texto, 48, 5, { anchoMm: 72, tamano: 8 });
    expect(lineas.join(' ')).toBe(texto);
    for (const l of lineas) {
      expect(l.length).toBeLessThanOrEqual(48);
      expect(anchoTextoMm(l, 8, false, false)).toBeLessThanOrEqual(72);
    }
  });

  it('ends the last allowed line with … when text is left out, still fitting', () => {
    const lineas = envolverColumnas('WWWW MMMM '.repeat(30), 48, 2, { anchoMm: 72, tamano: 8 });
    expect(lineas).toHaveLength(2);
    expect(lineas[1]!.endsWith('…')).toBe(true);
    expect(anchoTextoMm(lineas[1]!, 8, false, false)).toBeLessThanOrEqual(72);
  });
});
