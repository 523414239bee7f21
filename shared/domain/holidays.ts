import Holidays from 'date-holidays';
import { weekday } from './bogota';

/**
 * Colombian national holidays from date-holidays (maintained; includes Ley Emiliani moves, the
 * Easter-based days and 9 July, Ley 2578 de 2026). Checked in tests against the official lists.
 */
const festivosPorAnio = new Map<number, ReadonlySet<string>>();
let calendar: Holidays | undefined;

export function festivosNacionales(year: number): ReadonlySet<string> {
  let set = festivosPorAnio.get(year);
  if (!set) {
    calendar ??= new Holidays('CO');
    set = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    festivosPorAnio.set(year, set);
  }
  return set;
}

export interface CalendarioHabil {
  /** true for Monday–Friday that is neither a national holiday nor a local non-working day. */
  esHabil(isoDate: string): boolean;
}

export function calendarioHabil(diasNoHabilesLocales: readonly string[] = []): CalendarioHabil {
  const locales = new Set(diasNoHabilesLocales);
  return {
    esHabil(isoDate: string): boolean {
      const wd = weekday(isoDate);
      if (wd === 0 || wd === 6) return false;
      if (locales.has(isoDate)) return false;
      return !festivosNacionales(Number(isoDate.slice(0, 4))).has(isoDate);
    },
  };
}
