/**
 * `radica central estado`: IT's view of every station — last contact, what it had pending and how
 * late it was at that contact, its version and printers, radicados received and refused
 * installations. Read with an administrator's URL.
 */
import { cerrar, conectar, type Cliente } from './conexion';
import { exigirVersion } from './esquema';
import type { EstadoEstacionCentral } from '../../shared/domain/central';

export type EstadoEstacion = EstadoEstacionCentral;

export interface FilaEstado {
  sede: string;
  ventanilla: string;
  rol: string;
  entidad: string | null;
  reclamada: boolean;
  registrada_en: Date;
  ultimo_contacto: Date | null;
  sin_contacto_ms: string | null;
  pendientes: number | null;
  retraso_ms: string | null;
  version: string | null;
  impresoras: unknown;
  radicados: string;
  ultimo_seq: string;
  rechazos: string;
  ultimo_rechazo: Date | null;
}

export function estadoDeFila(f: FilaEstado): EstadoEstacion {
  return {
    sede: f.sede,
    ventanilla: f.ventanilla,
    rol: f.rol,
    entidad: f.entidad,
    reclamada: f.reclamada,
    registradaEn: f.registrada_en.getTime(),
    ultimoContacto: f.ultimo_contacto ? f.ultimo_contacto.getTime() : null,
    sinContactoMs: f.sin_contacto_ms === null ? null : Number(f.sin_contacto_ms),
    pendientes: f.pendientes,
    retrasoMs: f.retraso_ms === null ? null : Number(f.retraso_ms),
    version: f.version,
    impresoras: f.impresoras,
    radicados: Number(f.radicados),
    ultimoSeq: Number(f.ultimo_seq),
    rechazos: Number(f.rechazos),
    ultimoRechazo: f.ultimo_rechazo ? f.ultimo_rechazo.getTime() : null,
  };
}

/** Every station (a coordinator: those of her sedes), through radica.estado_estaciones() (schema v3). */
export async function estadoCliente(c: Cliente): Promise<EstadoEstacion[]> {
  await exigirVersion(c, 'clientes');
  const r = await c.query<FilaEstado>('SELECT * FROM radica.estado_estaciones()');
  return r.rows.map(estadoDeFila);
}

export async function estadoCentral(url: string): Promise<EstadoEstacion[]> {
  const c = await conectar(url, { aplicacion: 'radica central estado' });
  try {
    return await estadoCliente(c);
  } finally {
    await cerrar(c);
  }
}
