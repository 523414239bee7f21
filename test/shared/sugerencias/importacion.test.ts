import { describe, expect, it } from 'vitest';
import { aplicarEquivalencias, describirLineas, etiquetasSinCatalogo, gruposRechazos, filasDeEjemplos, separadorDeCsv, textoDeCsv, validarEjemplos } from '../../../shared/sugerencias/importacion';

const CONOCIDAS = {
  tipos: [
    { codigo: 'PET-GEN', nombre: 'Petición general' },
    { codigo: 'QUE', nombre: 'Queja' },
  ],
  dependencias: [{ codigo: '900', nombre: 'Secretaría de Movilidad – Tránsito y Transporte' }],
};

describe('validarEjemplos: la misma regla en la estación y en el servidor central', () => {
  it('acepta códigos en cualquier caja y nombres sin tildes; rechaza cada fila mala con su número y el motivo', () => {
    const r = validarEjemplos(
      [
        { texto: '  Semáforo dañado  ', tipo: 'pet-gen', dependencia: 'secretaria de movilidad – transito y transporte' },
        { texto: 'Mal trato en la ventanilla', tipo: 'Queja', dependencia: null },
        { texto: '', tipo: 'QUE' },
        { texto: 'Algo', tipo: 'REC' },
        { texto: 'Algo', dependencia: '999' },
        { texto: 'Algo', tipo: ' ', dependencia: '' },
        { texto: 'Algo', tipo: 'QUE', peso: 0 },
        { texto: 'x'.repeat(50), dependencia: '900', peso: 3 },
        { texto: 'Poste\u0000 caído', dependencia: '900' },
      ],
      CONOCIDAS,
      30,
    );
    expect(r.buenas).toEqual([
      { texto: 'Semáforo dañado', tipo: 'PET-GEN', dependencia: '900', peso: 1 },
      { texto: 'Mal trato en la ventanilla', tipo: 'QUE', dependencia: null, peso: 1 },
      { texto: 'x'.repeat(30), tipo: null, dependencia: '900', peso: 3 },
      { texto: 'Poste caído', tipo: null, dependencia: '900', peso: 1 },
    ]);
    expect(r.rechazados).toEqual([
      { fila: 3, motivo: 'sin texto' },
      { fila: 4, motivo: 'tipo "REC" no está en el catálogo' },
      { fila: 5, motivo: 'dependencia "999" no está en el catálogo' },
      { fila: 6, motivo: 'sin tipo ni dependencia' },
      { fila: 7, motivo: 'peso no válido (0)' },
    ]);
  });

  it('filasDeEjemplos nombra la columna que falta y las que hay', () => {
    expect(() => filasDeEjemplos([{ Asunto: 'a', Clase: 'QUE' }], { texto: 'Texto', tipo: 'Clase' })).toThrow('El CSV no tiene la columna "Texto". Columnas: Asunto, Clase.');
    expect(() => filasDeEjemplos([{ Asunto: 'a' }], { texto: 'Asunto' })).toThrow(/columna del tipo, la de la dependencia o ambas/);
  });
});

describe('CSV de otro programa: codificación y separador', () => {
  const bytes = (s: string, codificacion: 'utf8' | 'latin1') => new Uint8Array(Buffer.from(s, codificacion));

  it('UTF-8 se lee como UTF-8 y lo demás como Windows-1252 (Excel en español), sin «�»', () => {
    expect(textoDeCsv(bytes('Asunto;Tipo\nSeñal dañada;Petición', 'utf8'))).toBe('Asunto;Tipo\nSeñal dañada;Petición');
    expect(textoDeCsv(bytes('Asunto;Tipo\nSeñal dañada;Petición', 'latin1'))).toBe('Asunto;Tipo\nSeñal dañada;Petición');
    // 0x80 and 0x93/0x94: the euro and curly quotes of Windows-1252, not Latin-1's control codes.
    expect(textoDeCsv(new Uint8Array([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94]))).toBe('€ “ok”');
    expect(textoDeCsv(new Uint8Array([0x81, 0x9f]))).toBe('\u0081Ÿ');
    expect(textoDeCsv(new Uint8Array())).toBe('');
  });

  it('el separador sale del encabezado: coma, punto y coma o tabulador; las comillas no cuentan', () => {
    expect(separadorDeCsv('Asunto,Tipo,Dependencia\nHola; chao,QUE,900')).toBe(',');
    expect(separadorDeCsv('Asunto;Tipo;Dependencia\r\nHola, chao;QUE;900')).toBe(';');
    expect(separadorDeCsv('Asunto\tTipo\nHola, chao\tQUE')).toBe('\t');
    expect(separadorDeCsv('"Asunto; resumen",Tipo\n')).toBe(',');
    expect(separadorDeCsv('"Asunto, resumen";"Tipo, código";Peso\n')).toBe(';');
    expect(separadorDeCsv('Asunto\n')).toBe(',');
    expect(separadorDeCsv('')).toBe(',');
  });
});

describe('equivalencias: las etiquetas de otro sistema traducidas al catálogo', () => {
  const filas = [
    { texto: 'a', tipo: 'Derecho de petición', dependencia: 'Movilidad' },
    { texto: 'b', tipo: ' Derecho de petición ', dependencia: '900' },
    { texto: 'c', tipo: 'queja', dependencia: 'Movilidad' },
    { texto: 'd', tipo: 'Reclamo', dependencia: 'Movilidad' },
    { texto: 'e', tipo: '', dependencia: null },
  ];

  it('lista las que el catálogo no conoce, con cuántas filas, las más frecuentes primero', () => {
    expect(etiquetasSinCatalogo(filas, CONOCIDAS)).toEqual([
      { campo: 'dependencia', valor: 'Movilidad', filas: 3 },
      { campo: 'tipo', valor: 'Derecho de petición', filas: 2 },
      { campo: 'tipo', valor: 'Reclamo', filas: 1 },
    ]);
  });

  it('traduce, quita una etiqueta (null) o la deja para que se rechace; después valida la misma regla', () => {
    const traducidas = aplicarEquivalencias(filas, { tipo: { 'Derecho de petición': 'PET-GEN', Reclamo: null }, dependencia: { Movilidad: '900' } });
    expect(traducidas.map((f) => [f.tipo, f.dependencia])).toEqual([
      ['PET-GEN', '900'],
      ['PET-GEN', '900'],
      ['queja', '900'],
      [null, '900'],
      ['', null],
    ]);
    expect(etiquetasSinCatalogo(traducidas, CONOCIDAS)).toEqual([]);
    const r = validarEjemplos(traducidas, CONOCIDAS, 100);
    expect(r.buenas).toHaveLength(4);
    expect(r.buenas[3]).toEqual({ texto: 'd', tipo: null, dependencia: '900', peso: 1 });
    expect(r.rechazados).toEqual([{ fila: 5, motivo: 'sin tipo ni dependencia' }]);
    // Without the map, the old labels are rejected as before.
    expect(validarEjemplos(aplicarEquivalencias(filas, {}), CONOCIDAS, 100).rechazados).toHaveLength(5);
  });
});

describe('filas rechazadas agrupadas por motivo', () => {
  it('el motivo con más filas primero, con sus líneas del CSV (la fila 0 es la línea 2)', () => {
    const g = gruposRechazos([
      { fila: 4, motivo: 'sin texto' },
      { fila: 1, motivo: 'tipo "X" no está en el catálogo' },
      { fila: 2, motivo: 'tipo "X" no está en el catálogo' },
      { fila: 7, motivo: 'tipo "X" no está en el catálogo' },
      { fila: 9, motivo: 'tipo "X" no está en el catálogo' },
    ]);
    expect(g).toEqual([
      { motivo: 'tipo "X" no está en el catálogo', lineas: [2, 3, 8, 10] },
      { motivo: 'sin texto', lineas: [5] },
    ]);
    expect(describirLineas(g[0]!.lineas)).toBe('4 filas (líneas 2, 3, 8…)');
    expect(describirLineas([2, 3])).toBe('2 filas (líneas 2, 3)');
    expect(describirLineas(g[1]!.lineas)).toBe('línea 5');
    expect(gruposRechazos([])).toEqual([]);
  });
});
