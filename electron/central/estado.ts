/**
 * `radica central estado`: IT's view of every station — last contact, what it had pending and how
 * late it was at that contact, its version and printers, radicados received and refused
 * installations. Read with an administrator's URL.
 */
import { cerrar, conectar, type Cliente } from './conexion';
import { exigirVersion } from './esquema';

export interface EstadoEstacion {
  sede: string;
  ventanilla: string;
  rol: string;
  entidad: string | null;
  reclamada: boolean;
  registradaEn: number;
  ultimoContacto: number | null;
  /** Milliseconds since the last contact (null: never). */
  sinContactoMs: number | null;
  pendientes: number | null;
  retrasoMs: number | null;
  version: string | null;
  impresoras: unknown;
  radicados: number;
  ultimoSeq: number;
  rechazos: number;
  ultimoRechazo: number | null;
}

export async function estadoCliente(c: Cliente): Promise<EstadoEstacion[]> {
  await exigirVersion(c);
  const r = await c.query<{
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
  }>(`
    SELECT e.sede, e.ventanilla, e.rol, e.entidad, e.instalacion IS NOT NULL AS reclamada, e.registrada_en, e.ultimo_contacto,
           (extract(epoch FROM now() - e.ultimo_contacto) * 1000)::bigint AS sin_contacto_ms,
           e.pendientes, e.retraso_ms, e.version, e.impresoras, e.ultimo_seq,
           (SELECT count(*) FROM radica.radicados r WHERE r.estacion_id = e.id) AS radicados,
           (SELECT count(*) FROM radica.rechazos x WHERE x.estacion_id = e.id) AS rechazos,
           (SELECT max(x.en) FROM radica.rechazos x WHERE x.estacion_id = e.id) AS ultimo_rechazo
      FROM radica.estaciones e
     ORDER BY e.sede, e.ventanilla`);
  return r.rows.map((f) => ({
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
  }));
}

export async function estadoCentral(url: string): Promise<EstadoEstacion[]> {
  const c = await conectar(url, { aplicacion: 'radica central estado' });
  try {
    return await estadoCliente(c);
  } finally {
    await cerrar(c);
  }
}
