/**
 * Prefix search on the asunto and the remitente's name: the last word typed is expanded to the
 * indexed words that start with it (fast on 1M radicados) and must find exactly what FTS5's own
 * prefix query finds, newest first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { consultaFts, plegarTermino } from '../../../electron/store/radicadosRepo';
import { radicacion, tempStation } from '../helpers';

let s: ReturnType<typeof tempStation>;
afterEach(() => s?.close());

const ASUNTOS = [
  'Solicitud de paz y salvo',
  'SOLICITUDES varias del barrio',
  'Solicitó copia del expediente',
  'Petición sobre alumbrado',
  'Derecho de petición: solicitud de información',
  'Queja por ruido',
  'Peticiones acumuladas',
  'solícita respuesta',
];

describe('búsqueda por prefijo', () => {
  it('consultaFts escribe el último término como OR de las palabras indexadas, o como prefijo si no hay lista', () => {
    expect(consultaFts('derecho peti')).toBe('"derecho" AND "peti"*');
    expect(consultaFts('derecho peti', () => ['peticion', 'peticiones'])).toBe('"derecho" AND ("peticion" OR "peticiones")');
    expect(consultaFts('derecho peti', () => [])).toBe('"derecho" AND "peti"*');
    expect(consultaFts('a')).toBe('"a"');
    expect(consultaFts(' ¿? ')).toBeNull();
    expect(plegarTermino('PETICIÓN Muñoz')).toBe('peticion munoz');
  });

  it('encuentra lo mismo que el prefijo nativo de FTS5, lo más reciente primero, sin tildes ni mayúsculas', async () => {
    s = tempStation();
    await s.setup();
    const numeros: string[] = [];
    for (const [i, asunto] of ASUNTOS.entries()) {
      s.advance(60_000);
      const r = await s.ok('radicacion:radicar', radicacion({ asunto }, { numeroDocumento: String(5000 + i), nombres: i % 2 ? 'Ana Solís' : 'Sol Peña' }));
      numeros.push(r.numero);
    }
    const db = s.station.db;
    const nativo = (tabla: string, q: string) =>
      db.prepare(`SELECT rowid FROM ${tabla} WHERE ${tabla} MATCH ? ORDER BY rowid DESC`).pluck().all(q) as number[];
    const numero = (id: number) => numeros[id - 1];

    for (const texto of ['solic', 'Solícit', 'SOLICITUD', 'peti', 'petición', 'derecho soli', 'pe', 'zzz']) {
      const esperado = nativo('radicados_fts', consultaFts(texto)!).map(numero);
      const rs = (await s.ok('radicacion:buscar', { texto })) as { numero: string }[];
      expect(rs.map((r) => r.numero), texto).toEqual(esperado);
    }
    expect(((await s.ok('radicacion:buscar', { texto: 'solic' })) as unknown[]).length).toBe(5);

    for (const nombre of ['sol', 'Solís', 'ana sol', 'pen']) {
      const remitentes = new Set(nativo('remitentes_fts', consultaFts(nombre)!));
      const rs = (await s.ok('radicacion:buscar', { nombre })) as { numero: string; remitenteDocumento: string }[];
      const esperado = numeros.filter((_, i) => remitentes.has(i + 1)).reverse();
      expect(rs.map((r) => r.numero), nombre).toEqual(esperado);
    }
  });
});
