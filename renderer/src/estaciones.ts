/** The Estaciones screen's wording and rules, apart from React (unit-tested). */
import type { EstadoEstacionCentral } from '../../shared/domain/central';

/** A station not heard from in this long deserves a call. */
const SIN_CONTACTO_ALERTA_MS = 15 * 60_000;

/** "hace 3 min", "hace 2 h", "hace 4 días". */
export function hace(ms: number | null): string {
  if (ms === null) return 'nunca';
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'hace menos de 1 min';
  if (min < 60) return `hace ${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `hace ${h} h`;
  return `hace ${Math.round(h / 24)} días`;
}

/** The printers a station reported, in one line: "2 listas, 1 sin conexión". */
export function resumenImpresorasEstacion(impresoras: unknown): string {
  if (!Array.isArray(impresoras) || impresoras.length === 0) return 'sin datos';
  const estados = impresoras.map((i) => (i && typeof i === 'object' && 'estado' in i ? String((i as { estado: unknown }).estado) : 'desconocido'));
  const n = (e: string) => estados.filter((x) => x === e).length;
  const partes = [
    n('lista') ? `${n('lista')} ${n('lista') === 1 ? 'lista' : 'listas'}` : '',
    n('sin_conexion') ? `${n('sin_conexion')} sin conexión` : '',
    estados.length - n('lista') - n('sin_conexion') ? `${estados.length - n('lista') - n('sin_conexion')} sin verificar` : '',
  ].filter(Boolean);
  return partes.join(', ');
}

export function necesitaAtencion(e: EstadoEstacionCentral): boolean {
  const impresoraCaida = Array.isArray(e.impresoras) && e.impresoras.some((i) => (i as { estado?: unknown })?.estado === 'sin_conexion');
  return e.rechazos > 0 || e.sinContactoMs === null || e.sinContactoMs > SIN_CONTACTO_ALERTA_MS || impresoraCaida;
}

