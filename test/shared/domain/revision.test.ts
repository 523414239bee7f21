import { describe, expect, it } from 'vitest';
import { semanaDeFecha, semanaDeInstante, semanaIso, semanasHasta } from '../../../shared/domain/revision';

describe('semanas ISO en Bogotá', () => {
  it('numera como ISO 8601 (el jueves decide el año)', () => {
    // Reference values from ISO 8601 calendars.
    expect(semanaDeFecha('2026-11-21')).toBe('2026-W47');
    expect(semanaDeFecha('2026-01-01')).toBe('2026-W01');
    expect(semanaDeFecha('2027-01-01')).toBe('2026-W53');
    expect(semanaDeFecha('2020-12-31')).toBe('2020-W53');
    expect(semanaDeFecha('2021-01-03')).toBe('2020-W53');
    expect(semanaDeFecha('2024-12-30')).toBe('2025-W01');
  });

  it('va de lunes a domingo, medianoche de Bogotá', () => {
    const s = semanaIso('2026-W47', 0);
    expect(s).toMatchObject({ semana: '2026-W47', desde: '2026-11-16', hasta: '2026-11-22' });
    expect(new Date(s.inicioMs).toISOString()).toBe('2026-11-16T05:00:00.000Z');
    expect(new Date(s.finMs).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    // Sunday 23:30 in Bogota is already Monday in UTC, and still week 47.
    expect(semanaDeInstante(Date.parse('2026-11-23T04:30:00Z'))).toBe('2026-W47');
    expect(semanaDeInstante(Date.parse('2026-11-23T05:00:00Z'))).toBe('2026-W48');
  });

  it('acepta «actual» y «anterior»', () => {
    const ahora = Date.parse('2026-11-21T15:00:00Z');
    expect(semanaIso('actual', ahora).semana).toBe('2026-W47');
    expect(semanaIso(' Anterior ', ahora).semana).toBe('2026-W46');
    expect(semanaIso('2026-w05', ahora).semana).toBe('2026-W05');
  });

  it('rechaza semanas que no existen con un mensaje en español', () => {
    expect(() => semanaIso('2026-W54', 0)).toThrow(/semanas de la 01 a la 53/);
    expect(() => semanaIso('2025-W53', 0)).toThrow(/de la 01 a la 52/);
    expect(() => semanaIso('2026-W00', 0)).toThrow(/01 a la/);
    expect(() => semanaIso('semana 47', 0)).toThrow(/2026-W47/);
  });

  it('las 8 semanas hasta una dada cruzan el año', () => {
    const s = semanasHasta(semanaIso('2026-W02', 0), 4).map((x) => x.semana);
    expect(s).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
  });
});
