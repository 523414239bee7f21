/**
 * Dates of the ventanilla live in America/Bogota. Instants are epoch milliseconds (UTC); civil dates
 * are 'YYYY-MM-DD' strings. Intl does the zone work, so this stays pure and correct if Colombia ever
 * changes its offset again.
 */
export const ZONA_HORARIA = 'America/Bogota';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONA_HORARIA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface CivilDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partesIntl(instantMs: number): CivilDateTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

// Intl is slow (a report formats thousands of instants), and the zone's offset only changes on an
// hour boundary: it is read once per hour of UTC and the rest is arithmetic.
const HORA_MS = 3_600_000;
const desfasePorHora = new Map<number, number>();

function desfase(instantMs: number): number {
  const hora = Math.floor(instantMs / HORA_MS);
  let d = desfasePorHora.get(hora);
  if (d === undefined) {
    const inicio = hora * HORA_MS;
    const c = partesIntl(inicio);
    d = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - inicio;
    if (desfasePorHora.size > 10_000) desfasePorHora.clear();
    desfasePorHora.set(hora, d);
  }
  return d;
}

export function toBogota(instantMs: number): CivilDateTime {
  const local = new Date(Math.floor(instantMs / 1000) * 1000 + desfase(instantMs));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of the instant in Bogota. */
export function bogotaDate(instantMs: number): string {
  const c = toBogota(instantMs);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

export function bogotaYear(instantMs: number): number {
  return toBogota(instantMs).year;
}

/** dd/mm/aaaa hh:mm (es-CO, 24 h), as printed on screen and sticker. */
export function formatFechaHora(instantMs: number): string {
  const c = toBogota(instantMs);
  return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** 'YYYY-MM-DD' → dd/mm/aaaa. */
export function formatFecha(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Civil-date arithmetic, independent of any zone. */
export function addDays(isoDate: string, days: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Fecha inválida: ${isoDate}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Fecha inválida: ${isoDate}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/**
 * The instant of a Bogota civil date and time. Bogota has had a fixed UTC−5 offset since 1993; the
 * offset is read from Intl rather than assumed so that a future change is picked up.
 */
export function bogotaInstant(isoDate: string, hour = 0, minute = 0): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Fecha inválida: ${isoDate}`);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute);
  const c = toBogota(guess);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return guess + (guess - asUtc);
}

/** ISO 8601 with Bogota's offset, e.g. 2026-07-08T09:15:00.000-05:00: what scripts read. */
export function isoBogota(instantMs: number): string {
  const c = toBogota(instantMs);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  const offsetMin = Math.round((asUtc - (instantMs - (instantMs % 1000))) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const ms = String(((instantMs % 1000) + 1000) % 1000).padStart(3, '0');
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${ms}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
