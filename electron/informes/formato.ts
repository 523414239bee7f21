/**
 * What every file of the weekly report writes the same way: the file name, the MIME types, the
 * Spanish (es-CO) way of printing figures, and the names of the codes.
 */
import { formatFecha, toBogota } from '../../shared/domain/bogota';
import type { FormatoInforme, InformeSemanal } from '../../shared/domain/revision';

export const TIPOS_MIME: Record<FormatoInforme, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** informe-revision-2026-W47.pdf */
export function nombreArchivo(semana: string, formato: FormatoInforme): string {
  return `informe-revision-${semana.replace(/[^0-9A-Za-z-]/g, '')}.${formato}`;
}

/** 2000 → "2.000" (es-CO groups thousands with a point, always: the columns line up). */
export function entero(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 0.125 → "12,5 %" (es-CO: decimal comma, a space before the sign, one decimal so columns align). */
export function porcentaje(fraccion: number): string {
  const [ent, dec] = (Math.round(fraccion * 1000) / 10).toFixed(1).split('.');
  return `${entero(Number(ent))},${dec} %`;
}

/** "del 16/11/2026 al 22/11/2026" */
export function periodo(informe: Pick<InformeSemanal, 'desde' | 'hasta'>): string {
  return `del ${formatFecha(informe.desde)} al ${formatFecha(informe.hasta)}`;
}

export function nombreTipo(informe: InformeSemanal, codigo: string | null): string {
  return codigo === null ? '' : (informe.nombres.tipos[codigo] ?? '');
}

export function nombreDependencia(informe: InformeSemanal, codigo: string | null): string {
  return codigo === null ? '' : (informe.nombres.dependencias[codigo] ?? '');
}

/** "PET-GEN · Petición general", or the bare code when its name is unknown. */
export function codigoYNombre(codigo: string, nombre: string): string {
  return nombre ? `${codigo} · ${nombre}` : codigo;
}

/**
 * The Bogota civil date and time of an instant as a Date whose UTC fields hold them. Spreadsheet
 * dates have no zone: a workbook opened anywhere must show the hour the radicado had in Bogota.
 */
export function fechaCivil(instantMs: number): Date {
  const c = toBogota(instantMs);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}

/** 'YYYY-MM-DD' as a Date at 00:00 UTC (a spreadsheet date without time). */
export function fechaDeIso(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
