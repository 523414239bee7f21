import { describe, expect, it } from 'vitest';
import { calcularVencimiento, describeVencimiento } from '../../../shared/domain/terms';
import { calendarioHabil } from '../../../shared/domain/holidays';
import { bogotaInstant, isoBogota, formatFechaHora, bogotaYear } from '../../../shared/domain/bogota';

const cal = calendarioHabil();
const el = (fecha: string, cantidad: number, unidad: 'dias_habiles' | 'dias_calendario' | 'horas' | 'sin_termino', hora = 10) =>
  calcularVencimiento(bogotaInstant(fecha, hora), { cantidad, unidad }, cal);

describe('vencimiento en días hábiles (Ley 1437 art. 14)', () => {
  it('15 días hábiles desde el 8 de julio de 2026 saltan el 13 y el 20 de julio', () => {
    expect(el('2026-07-08', 15, 'dias_habiles').venceEl).toBe('2026-07-31');
  });
  it('cuenta desde el día siguiente: 1 día hábil desde un viernes es el lunes', () => {
    expect(el('2026-07-03', 1, 'dias_habiles').venceEl).toBe('2026-07-06');
  });
  it('un radicado del sábado cuenta desde el lunes siguiente', () => {
    expect(el('2026-11-21', 1, 'dias_habiles').venceEl).toBe('2026-11-23');
  });
  it('salta Semana Santa 2026', () => {
    expect(el('2026-03-31', 2, 'dias_habiles').venceEl).toBe('2026-04-06');
  });
  it('atraviesa el fin de año', () => {
    expect(el('2025-12-23', 5, 'dias_habiles').venceEl).toBe('2025-12-31');
    expect(el('2025-12-30', 3, 'dias_habiles').venceEl).toBe('2026-01-05');
  });
  it('un festivo local de la entidad también se salta', () => {
    const local = calcularVencimiento(bogotaInstant('2026-07-08', 9), { cantidad: 1, unidad: 'dias_habiles' }, calendarioHabil(['2026-07-09']));
    expect(local.venceEl).toBe('2026-07-10');
  });
});

describe('otros términos', () => {
  it('días calendario que terminan en festivo pasan al siguiente hábil', () => {
    expect(el('2026-07-03', 10, 'dias_calendario').venceEl).toBe('2026-07-14'); // 13 es festivo
    expect(el('2026-07-01', 5, 'dias_calendario').venceEl).toBe('2026-07-06');
  });
  it('horas de tutela corren por el reloj, en hora de Bogotá', () => {
    const v = el('2026-07-08', 48, 'horas', 16);
    expect(v.venceEl).toBe('2026-07-10');
    expect(formatFechaHora(v.venceEn!)).toBe('10/07/2026 16:00');
    expect(describeVencimiento(v)).toBe('10/07/2026 16:00');
  });
  it('sin término', () => {
    expect(el('2026-07-08', 0, 'sin_termino')).toEqual({ venceEl: null, venceEn: null });
    expect(describeVencimiento({ venceEl: null, venceEn: null })).toBe('Sin término');
  });
});

describe('hora de Bogotá', () => {
  it('el año cambia a medianoche de Bogotá, no de UTC', () => {
    const ultimoMinuto = Date.parse('2027-01-01T04:59:00Z'); // 31/12/2026 23:59 en Bogotá
    expect(bogotaYear(ultimoMinuto)).toBe(2026);
    expect(bogotaYear(ultimoMinuto + 60_000)).toBe(2027);
  });
  it('ISO con desfase -05:00', () => {
    expect(isoBogota(Date.parse('2026-07-08T14:30:00.250Z'))).toBe('2026-07-08T09:30:00.250-05:00');
    expect(bogotaInstant('2026-07-08', 9, 30)).toBe(Date.parse('2026-07-08T14:30:00Z'));
  });
});
