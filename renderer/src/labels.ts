import type { ConfiguracionEstacion, Rol } from '../../shared/domain/radicado';

export const ROL_NOMBRE: Record<Rol, string> = {
  radicador: 'radicador',
  coordinador: 'coordinador',
  administrador: 'administrador',
};

/** "Sede 01 Sede Principal · Ventanilla 03". */
export function stationLabel(c: ConfiguracionEstacion): string {
  // A sede named after its code ("Sede 01") is not said twice.
  const nombre = c.sedeNombre && c.sedeNombre.trim().toLowerCase() !== `sede ${c.sede}`.toLowerCase() ? ` ${c.sedeNombre}` : '';
  return `Sede ${c.sede}${nombre} · Ventanilla ${c.ventanilla}`;
}

export const puedeAnular = (rol: Rol) => rol === 'coordinador' || rol === 'administrador';

/** Audit actions in plain Spanish; an unknown action is shown as recorded. */
const ACCION_NOMBRE: Record<string, string> = {
  radicar: 'Radicó el documento',
  consultar: 'Consultó el radicado',
  anular: 'Anuló el radicado',
  reimprimir: 'Reimprimió el rótulo (COPIA)',
  imprimir: 'Imprimió el rótulo',
  anexar: 'Anexó un documento digitalizado',
};

export const accionNombre = (accion: string): string => ACCION_NOMBRE[accion] ?? accion;
