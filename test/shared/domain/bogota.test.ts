import { describe, expect, it } from 'vitest';
import { toBogota } from '../../../shared/domain/bogota';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const deIntl = (ms: number) => {
  const o: Record<string, number> = {};
  for (const p of intl.formatToParts(new Date(ms))) if (p.type !== 'literal') o[p.type] = Number(p.value);
  return { year: o.year, month: o.month, day: o.day, hour: o.hour, minute: o.minute, second: o.second };
};

describe('hora de Bogotá', () => {
  it('coincide con Intl en instantes al azar, y en el horario de verano de 1992–1993', () => {
    let x = 12345;
    const azar = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const instantes = Array.from({ length: 3000 }, () => Math.floor(Date.UTC(1985, 0, 1) + azar() * (Date.UTC(2040, 0, 1) - Date.UTC(1985, 0, 1))));
    // Colombia moved its clocks in May 1992 and back in April 1993: every hour across that year.
    for (let t = Date.UTC(1992, 4, 1); t < Date.UTC(1993, 4, 1); t += 3_600_000 + 1234) instantes.push(t);
    for (const t of instantes) expect(toBogota(t), new Date(t).toISOString()).toEqual(deIntl(t));
  });
});
