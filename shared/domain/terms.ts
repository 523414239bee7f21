import type { UnidadTermino } from './catalog';
import { addDays, bogotaDate, formatFecha, formatFechaHora } from './bogota';
import type { CalendarioHabil } from './holidays';

export interface TerminoAplicado {
  cantidad: number | null;
  unidad: UnidadTermino;
}

export interface Vencimiento {
  /** Last day to answer, 'YYYY-MM-DD' (Bogota); null when the tipo has no term. */
  venceEl: string | null;
  /** Exact instant for terms in hours (tutela); null otherwise. */
  venceEn: number | null;
}

/**
 * Ley 1437 de 2011 art. 14 counts business days from the day after radicación. Calendar-day terms
 * that end on a non-working day move to the next business day (Ley 4 de 1913 art. 62). Hour terms
 * run by the clock.
 */
export function calcularVencimiento(
  radicadoEn: number,
  termino: TerminoAplicado,
  calendario: CalendarioHabil,
): Vencimiento {
  if (termino.unidad === 'sin_termino' || termino.cantidad === null) return { venceEl: null, venceEn: null };
  const n = termino.cantidad;
  const fecha = bogotaDate(radicadoEn);
  switch (termino.unidad) {
    case 'dias_habiles': {
      let day = fecha;
      let counted = 0;
      while (counted < n) {
        day = addDays(day, 1);
        if (calendario.esHabil(day)) counted++;
      }
      return { venceEl: day, venceEn: null };
    }
    case 'dias_calendario': {
      let day = addDays(fecha, n);
      while (!calendario.esHabil(day)) day = addDays(day, 1);
      return { venceEl: day, venceEn: null };
    }
    case 'horas': {
      const venceEn = radicadoEn + n * 3_600_000;
      return { venceEl: bogotaDate(venceEn), venceEn };
    }
  }
}

/** "31/07/2026" or "22/07/2026 10:30" for hour terms; "Sin término" otherwise. */
export function describeVencimiento(v: Vencimiento): string {
  if (v.venceEn !== null) return formatFechaHora(v.venceEn);
  if (v.venceEl !== null) return formatFecha(v.venceEl);
  return 'Sin término';
}
