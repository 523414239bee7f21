/**
 * What the central store distributes to the stations: catalog versions (and classifier models),
 * published by an administrator (IT) or a coordinator's process; stations pull them on sync.
 * A version already published is left alone: versions are immutable everywhere.
 */
import type { Catalogo } from '../../shared/domain/catalog';
import { cerrar, conectar, type Cliente } from './conexion';
import { exigirVersion } from './esquema';

export async function publicarCatalogoCliente(c: Cliente, catalogo: Catalogo, por: string, en = Date.now()): Promise<{ version: number; nueva: boolean }> {
  await exigirVersion(c);
  const r = await c.query(
    'INSERT INTO radica.catalogo_versiones (version, contenido, creado_en, creado_por) VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO NOTHING',
    [catalogo.version, JSON.stringify(catalogo), en, por],
  );
  return { version: catalogo.version, nueva: r.rowCount === 1 };
}

export async function publicarCatalogo(url: string, catalogo: Catalogo, por: string): Promise<{ version: number; nueva: boolean }> {
  const c = await conectar(url, { aplicacion: 'radica central catalogo publicar' });
  try {
    return await publicarCatalogoCliente(c, catalogo, por);
  } finally {
    await cerrar(c);
  }
}

export interface ModeloPublicado {
  objetivo: 'tipo' | 'dependencia';
  version: number;
  creadoEn: number;
  ejemplos: number;
  metricas: Record<string, unknown>;
  contenido: Uint8Array;
}

export async function publicarModeloCliente(c: Cliente, m: ModeloPublicado): Promise<boolean> {
  await exigirVersion(c);
  const r = await c.query(
    'INSERT INTO radica.modelos (objetivo, version, creado_en, ejemplos, metricas, contenido) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
    [m.objetivo, m.version, m.creadoEn, m.ejemplos, JSON.stringify(m.metricas), Buffer.from(m.contenido)],
  );
  return r.rowCount === 1;
}
