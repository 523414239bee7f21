import { describe, expect, it } from 'vitest';
import { entrenar, explicar, predecir, normalizar, tokens, APORTE_MINIMO, type Modelo } from '../../../shared/classifier';
import { corpus } from './sintetico';

const FIJO = { creado: '2026-01-01T00:00:00.000Z', bits: 14 };

/** z_k − mean of the others, from the calibrated probabilities (log p differs from z by a constant). */
function margen(modelo: Modelo, texto: string, etiqueta: string): number {
  const p = predecir(modelo, texto);
  const propio = Math.log(p.find((x) => x.etiqueta === etiqueta)!.probabilidad);
  const otras = p.filter((x) => x.etiqueta !== etiqueta).map((x) => Math.log(x.probabilidad));
  return propio - otras.reduce((s, x) => s + x, 0) / otras.length;
}

describe('explicar: qué palabras del texto llevaron al modelo a una etiqueta', () => {
  const modelo = entrenar(corpus({ Felicitación: 60, Información: 60, Queja: 60 }), FIJO);

  it('los aportes de las palabras suman el margen del texto (sin el intercepto): la explicación es exacta', () => {
    const texto = 'Pésima atención de la funcionaria, nadie responde ¿por qué?';
    const e = explicar(modelo, texto);
    for (const etiqueta of modelo.etiquetas) {
      const suma = [...new Set(tokens(normalizar(texto)))].reduce((s, w) => s + e.aporte(w, etiqueta), 0);
      expect(suma).toBeCloseTo(margen(modelo, texto, etiqueta) - margen(modelo, '', etiqueta), 4);
    }
    expect(e.aporte('subsidio', 'Queja')).toBe(0);
    expect(e.aporte('pesima', 'NO-EXISTE')).toBe(0);
  });

  it('nombra las palabras que más apuntan a la etiqueta, como se escribieron, y ninguna funcional', () => {
    const texto = 'Pésima atención de la funcionaria, nadie responde';
    const e = explicar(modelo, texto);
    const queja = e.palabras('Queja', 2);
    expect(queja.length).toBeGreaterThan(0);
    expect(queja.length).toBeLessThanOrEqual(2);
    for (const w of queja) {
      expect(texto).toContain(w);
      expect(e.aporte(normalizar(w), 'Queja')).toBeGreaterThanOrEqual(APORTE_MINIMO);
    }
    // Strongest first, and the accent kept as typed.
    const [a, b] = queja;
    if (b) expect(e.aporte(normalizar(a!), 'Queja')).toBeGreaterThanOrEqual(e.aporte(normalizar(b), 'Queja'));
    expect(queja.some((w) => ['Pésima', 'nadie', 'responde'].includes(w))).toBe(true);
    expect(queja).not.toContain('de');
    expect(queja).not.toContain('la');
    // What points to a complaint does not point to a thank-you.
    for (const w of e.palabras('Felicitación', 2)) expect(queja).not.toContain(w);
    expect(e.palabras('NO-EXISTE', 2)).toEqual([]);
    expect(e.palabras('Queja', 0)).toEqual([]);
  });

  it('una palabra presente en más de la mitad de los textos de entrenamiento no se nombra, aunque pese', () => {
    // "barrio" is in every training text, but only Queja's say "barrio" twice: its weight leans to Queja.
    const base = corpus({ Felicitación: 40, Información: 40, Queja: 40 }, 7).map((x) => ({
      ...x,
      texto: x.etiqueta === 'Queja' ? `${x.texto} en el barrio, mi barrio` : `${x.texto} en el barrio`,
    }));
    const m = entrenar(base, FIJO);
    const e = explicar(m, 'Pésima atención en el barrio, mi barrio');
    expect(e.aporte('barrio', 'Queja')).toBeGreaterThanOrEqual(APORTE_MINIMO);
    expect(e.palabras('Queja', 5).map((w) => w.toLowerCase())).not.toContain('barrio');
    expect(e.palabras('Queja', 5).length).toBeGreaterThan(0);
  });

  it('un texto vacío o sin palabras no explica nada', () => {
    expect(explicar(modelo, '').palabras('Queja', 2)).toEqual([]);
    expect(explicar(modelo, '123 456 ???').palabras('Información', 2)).toEqual([]);
  });
});
