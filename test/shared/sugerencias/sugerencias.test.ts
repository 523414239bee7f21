import { describe, expect, it } from 'vitest';
import catalogoJson from '../../../resources/catalogo.json';
import { catalogoSchema } from '../../../shared/domain/catalog';
import { combinar, frasesQueApuntan, fuenteGeneral, indiceFrases, normalizarFrase, porcentaje, puntuarFrases } from '../../../shared/sugerencias';

const catalogo = catalogoSchema.parse(catalogoJson);
const indice = indiceFrases(catalogo);
const tipos = new Set(catalogo.tipos.map((t) => t.codigo));
const frases = (objetivo: 'tipo' | 'dependencia', texto: string) => puntuarFrases(indice, objetivo, normalizarFrase(texto));

describe('frases del catálogo', () => {
  it('normaliza sin tildes, sin mayúsculas y sin signos', () => {
    expect(normalizarFrase('  ACCIÓN de Tutela — Juzgado N.º 3, ¡urgente!  ')).toBe('accion de tutela juzgado n 3 urgente');
    expect(normalizarFrase('Procuraduría')).toBe(normalizarFrase('PROCURADURIA'));
  });

  it('encuentra frases con o sin tildes y mayúsculas, solo en límites de palabra', () => {
    expect(frases('tipo', 'ACCION DE TUTELA contra la alcaldía').puntajes[0]!.codigo).toBe('TUT');
    expect(frases('tipo', 'acción de tutela').especifica).toBe(true);
    expect(frases('tipo', 'Requerimiento de la procuraduria provincial').puntajes[0]!.codigo).toBe('ECO');
    // "quejas" is not the word "queja", "tutelar" is not "tutela": word boundaries.
    expect(frases('tipo', 'tutelar derechos').puntajes).toEqual([]);
    expect(frases('tipo', 'Texto sin ninguna frase conocida').puntajes).toEqual([]);
  });

  it('la tutela del juzgado va a la Oficina Jurídica (110) y es TUT antes que JUD', () => {
    const t = frases('tipo', 'Acción de tutela del Juzgado 3 Civil Municipal');
    expect(t.puntajes.map((p) => p.codigo).slice(0, 2)).toEqual(['TUT', 'JUD']);
    expect(t.puntajes[0]!.probabilidad).toBeGreaterThan(0.5);
    expect(frases('dependencia', 'Acción de tutela del Juzgado 3').puntajes[0]!.codigo).toBe('110');
  });

  it('una frase débil sola no es una certeza', () => {
    const q = frases('tipo', 'una queja');
    expect(q.puntajes[0]).toEqual({ codigo: 'QUE', probabilidad: 0.5 });
    expect(q.especifica).toBe(false);
  });

  it('no compila frases de entradas inactivas', () => {
    const otro = indiceFrases({ ...catalogo, tipos: catalogo.tipos.map((t) => (t.codigo === 'TUT' ? { ...t, activo: false } : t)) });
    expect(puntuarFrases(otro, 'tipo', normalizarFrase('acción de tutela')).puntajes.map((p) => p.codigo)).not.toContain('TUT');
  });
});

describe('por qué: las frases que apuntan a un código', () => {
  it('como las escribe el catálogo (tildes incluidas), la más específica primero, a lo sumo dos; nada si solo habló el modelo', () => {
    const f = frases('tipo', 'ACCION DE TUTELA e incidente de desacato contra el Juzgado 2');
    expect(f.encontradas).toContainEqual({ codigo: 'TUT', frase: 'acción de tutela' });
    expect(frasesQueApuntan(f, 'TUT', 0)).toEqual(['incidente de desacato', 'acción de tutela']);
    expect(frasesQueApuntan(f, 'TUT', 0.5)).toEqual(['incidente de desacato', 'acción de tutela']);
    expect(frasesQueApuntan(f, 'TUT', 1)).toEqual([]);
    expect(frasesQueApuntan(f, 'QUE', 0)).toEqual([]);
  });
});

describe('combinar frases y modelo', () => {
  const modelo = (ejemplos: number) => ({ predicciones: [{ codigo: 'QUE', probabilidad: 0.9 }, { codigo: 'TUT', probabilidad: 0.1 }], ejemplos });

  it('sin modelo responden las frases; sin frases, el modelo', () => {
    const f = frases('tipo', 'acción de tutela');
    expect(combinar(f, null, tipos)).toMatchObject({ fuente: 'frases', pesoModelo: 0, puntajes: [{ codigo: 'TUT' }] });
    expect(combinar(frases('tipo', 'nada conocido'), modelo(10), tipos)).toMatchObject({ fuente: 'modelo', pesoModelo: 1, puntajes: [{ codigo: 'QUE', probabilidad: 0.9 }] });
    expect(combinar(frases('tipo', 'nada conocido'), null, tipos)).toEqual({ fuente: null, pesoModelo: 0, puntajes: [] });
  });

  it('el modelo pesa min(1, ejemplos/500)', () => {
    const f = frases('tipo', 'sugiero'); // SUG 0.5
    const poco = combinar(f, modelo(50), tipos);
    expect(poco.fuente).toBe('mixto');
    expect(poco.pesoModelo).toBeCloseTo(0.1);
    expect(poco.puntajes[0]!.codigo).toBe('SUG');
    const mucho = combinar(f, modelo(5000), tipos);
    expect(mucho.pesoModelo).toBe(1);
    expect(mucho.puntajes[0]).toEqual({ codigo: 'QUE', probabilidad: 0.9 });
  });

  it('una frase específica ("acción de tutela") gana aunque el modelo opine otra cosa', () => {
    const c = combinar(frases('tipo', 'Acción de tutela del juzgado'), modelo(100_000), tipos);
    expect(c.pesoModelo).toBe(0.3);
    expect(c.puntajes[0]!.codigo).toBe('TUT');
  });

  it('descarta códigos que ya no están en el catálogo y lo que queda bajo el umbral; máximo k', () => {
    const m = { predicciones: [{ codigo: 'VIEJO', probabilidad: 0.6 }, { codigo: 'QUE', probabilidad: 0.3 }, { codigo: 'REC', probabilidad: 0.1 }], ejemplos: 1000 };
    expect(combinar(frases('tipo', 'x'), m, tipos).puntajes).toEqual([{ codigo: 'QUE', probabilidad: 0.3 }]);
    expect(combinar(frases('tipo', 'x'), m, tipos, { umbral: 0, k: 1 }).puntajes).toEqual([{ codigo: 'QUE', probabilidad: 0.3 }]);
  });

  it('fuente general y porcentaje', () => {
    expect(fuenteGeneral(['frases', 'frases'])).toBe('frases');
    expect(fuenteGeneral(['frases', 'modelo'])).toBe('mixto');
    expect(fuenteGeneral([null, 'modelo'])).toBe('modelo');
    expect(fuenteGeneral([null, null])).toBeNull();
    expect(porcentaje(0.856)).toBe('86 %');
  });
});
