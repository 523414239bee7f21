import { describe, expect, it } from 'vitest';
import { normalizar, raiz, tokens } from '../../../shared/classifier';
import { Vectorizador, RASGOS_POR_DEFECTO, contar } from '../../../shared/classifier/rasgos';

describe('normalización', () => {
  it('minúsculas, sin tildes ni diéresis, puntuación como espacio', () => {
    expect(normalizar('  Petición URGENTE: ¡la Señora Núñez, del Área de Pingüinos!  ')).toBe('peticion urgente ! la senora nunez del area de pinguinos !');
  });
  it('¿? y ¡! son tokens; comillas, guiones y paréntesis, separadores', () => {
    expect(tokens(normalizar('¿Cuándo "abren" (inscripciones)—ya?'))).toEqual(['?', 'cuando', 'abren', 'inscripciones', 'ya', '?']);
  });
  it('números a un solo token, con sus separadores', () => {
    expect(normalizar('Pagué $1.250.000 el 2024-03-15, cuota 3,5')).toBe('pague 0 el 0 cuota 0');
  });
  it('marcadores del conjunto anonimizado y sus formas crudas', () => {
    expect(normalizar('Llamar al [TEL] o escribir a [correo], radicado [NUM]')).toBe('llamar al _tel_ o escribir a _correo_ radicado _num_');
    expect(normalizar('Mi correo es Maria.Perez@alcaldia.gov.co y la web https://x.gov.co/a?b=1')).toBe('mi correo es _correo_ y la web _url_');
  });
  it('raíces: plurales y sufijos comunes, palabras cortas intactas', () => {
    expect(raiz('solicitudes')).toBe(raiz('solicitud'));
    expect(raiz('atenciones')).toBe(raiz('atencion'));
    expect(raiz('mesa')).toBe('mesa');
    expect(raiz('_tel_')).toBe('_tel_');
  });
});

describe('rasgos', () => {
  it('los índices caben en el espacio 2^bits y el vector tiene norma 1', () => {
    for (const bits of [10, 12, 18]) {
      const o = { ...RASGOS_POR_DEFECTO, bits };
      contar('Solicito copia del certificado de residencia, gracias', o, (b) => {
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(1 << bits);
      });
      const v = new Vectorizador(o, null).vector('Solicito copia del certificado de residencia, gracias');
      const norma = Math.sqrt(v.valores.reduce((s, x) => s + x * x, 0));
      expect(norma).toBeCloseTo(1, 5);
      expect([...v.indices]).toEqual([...v.indices].sort((a, b) => a - b));
      expect(new Set(v.indices).size).toBe(v.indices.length);
    }
  });
  it('mayúsculas y tildes no cambian el vector', () => {
    const v = new Vectorizador(RASGOS_POR_DEFECTO, null);
    const a = v.vector('PETICIÓN de información');
    const b = v.vector('peticion de informacion');
    expect([...a.indices]).toEqual([...b.indices]);
    expect([...a.valores]).toEqual([...b.valores]);
  });
  it('un texto vacío es un vector vacío; un texto enorme se recorta', () => {
    const v = new Vectorizador({ ...RASGOS_POR_DEFECTO, maxCaracteres: 100 }, null);
    expect(v.vector('').indices.length).toBe(0);
    expect(v.vector('palabra '.repeat(10_000)).indices.length).toBe(v.vector('palabra '.repeat(13)).indices.length);
  });
});
