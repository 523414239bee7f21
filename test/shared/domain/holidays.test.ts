import { describe, expect, it } from 'vitest';
import { calendarioHabil, festivosNacionales } from '../../../shared/domain/holidays';

// Official lists of Colombian national holidays (Ley 51 de 1983, Ley 2578 de 2026), as published
// by the Ministerio del Interior / calendario oficial. Written out by hand, not derived from the library.
const OFICIALES_2025 = [
  '2025-01-01', '2025-01-06', '2025-03-24', '2025-04-17', '2025-04-18', '2025-05-01', '2025-06-02', '2025-06-23',
  '2025-06-30', '2025-07-20' /* domingo */, '2025-08-07', '2025-08-18', '2025-10-13', '2025-11-03', '2025-11-17', '2025-12-08', '2025-12-25',
];
const OFICIALES_2026 = [
  '2026-01-01', '2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-05-01', '2026-05-18', '2026-06-08',
  '2026-06-15', '2026-06-29', '2026-07-13', '2026-07-20', '2026-08-07', '2026-08-17', '2026-10-12', '2026-11-02',
  '2026-11-16', '2026-12-08', '2026-12-25',
];

const weekdayOnly = (xs: Iterable<string>) => [...xs].filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())).sort();

describe('festivos nacionales de Colombia', () => {
  it('2025 coincide con la lista oficial (días hábiles afectados)', () => {
    for (const d of OFICIALES_2025) expect(festivosNacionales(2025).has(d), d).toBe(true);
    expect(weekdayOnly(festivosNacionales(2025))).toEqual(weekdayOnly(OFICIALES_2025));
  });

  it('2026 coincide con la lista oficial, incluido el lunes 13 de julio (Virgen de Chiquinquirá, Ley 2578 de 2026)', () => {
    for (const d of OFICIALES_2026) expect(festivosNacionales(2026).has(d), d).toBe(true);
    expect(weekdayOnly(festivosNacionales(2026))).toEqual(weekdayOnly(OFICIALES_2026));
    expect(festivosNacionales(2026).has('2026-07-13')).toBe(true);
  });

  it('el calendario hábil excluye fines de semana, festivos y días no hábiles locales', () => {
    const cal = calendarioHabil(['2026-07-10']);
    expect(cal.esHabil('2026-07-08')).toBe(true);
    expect(cal.esHabil('2026-07-10')).toBe(false); // local
    expect(cal.esHabil('2026-07-11')).toBe(false); // sábado
    expect(cal.esHabil('2026-07-13')).toBe(false); // festivo
    expect(calendarioHabil().esHabil('2026-07-10')).toBe(true);
  });
});
