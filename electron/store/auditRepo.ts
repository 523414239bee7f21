import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import type { EntradaAuditoria } from '../../shared/domain/radicado';

const GENESIS: Buffer = Buffer.alloc(32);

export interface NuevaEntrada {
  en: number;
  actor: string;
  accion: string;
  radicadoId: number | null;
  detalle: Record<string, unknown> | null;
}

/**
 * The hash covers the entry and, for 'radicar', 'anular', 'anexar' and 'revisar', the immutable content of the
 * row it created: editing a radicado or an anulación behind the application's back breaks the chain.
 */
export function hashEntrada(
  prev: Buffer,
  id: number,
  e: Pick<NuevaEntrada, 'en' | 'actor' | 'accion' | 'radicadoId'>,
  detalle: string | null,
  contenido: string | null,
): Buffer {
  return createHash('sha256')
    .update(prev)
    .update(JSON.stringify([id, e.en, e.actor, e.accion, e.radicadoId, detalle, contenido]))
    .digest();
}

const CONTENIDO_RADICADO = `json_array(r.numero, s.serie, r.consecutivo, r.fecha_hora, r.radicador, r.remitente_id, r.canal,
  r.asunto, r.tipo, r.dependencia, r.folios, r.anexos, r.termino, r.unidad_termino, r.vence_el, r.vence_en,
  r.catalogo_version, r.demo)`;
const CONTENIDO_ANULACION = `json_array(an.justificacion, an.aprobado_por, an.anulado_por, an.anulado_en)`;
/** An attachment: which file (its SHA-256), how many pages and bytes, for which radicado. */
const CONTENIDO_ANEXO = `json_array(x.radicado_id, x.sha256, x.tipo, x.paginas, x.bytes, x.nombre, x.origen, x.creado_en, x.creado_por)`;

/** A review mark: who said what about which radicado, and when. */
const CONTENIDO_REVISION = `json_array(v.uid, v.radicado_id, v.veredicto, v.tipo_correcto, v.dependencia_correcta, v.observacion, v.revisor,
  v.revisor_nombre, v.revisado_en, v.origen)`;

const preparados = new WeakMap<Db, Map<string, Statement>>();
/** Statements used once per radicado are prepared once per connection. */
function preparado(db: Db, sql: string): Statement {
  let porDb = preparados.get(db);
  if (!porDb) preparados.set(db, (porDb = new Map()));
  let st = porDb.get(sql);
  if (!st) porDb.set(sql, (st = db.prepare(sql)));
  return st;
}

export function contenidoRadicado(db: Db, radicadoId: number): string {
  const row = preparado(db, `SELECT ${CONTENIDO_RADICADO} AS c FROM radicados r JOIN series s ON s.id = r.serie_id WHERE r.id = ?`).get(
    radicadoId,
  ) as { c: string } | undefined;
  if (!row) throw new Error(`radicado ${radicadoId} no existe`);
  return row.c;
}

export function contenidoAnulacion(db: Db, radicadoId: number): string {
  const row = preparado(db, `SELECT ${CONTENIDO_ANULACION} AS c FROM anulaciones an WHERE an.radicado_id = ?`).get(radicadoId) as
    | { c: string }
    | undefined;
  if (!row) throw new Error(`anulación ${radicadoId} no existe`);
  return row.c;
}

export function contenidoAnexo(db: Db, anexoId: number): string {
  const row = preparado(db, `SELECT ${CONTENIDO_ANEXO} AS c FROM anexos x WHERE x.id = ?`).get(anexoId) as { c: string } | undefined;
  if (!row) throw new Error(`anexo ${anexoId} no existe`);
  return row.c;
}

export function contenidoRevision(db: Db, uid: string): string {
  const row = preparado(db, `SELECT ${CONTENIDO_REVISION} AS c FROM revisiones v WHERE v.uid = ?`).get(uid) as { c: string } | undefined;
  if (!row) throw new Error(`Revisión ${uid} inexistente`);
  return row.c;
}

export class AuditRepo {
  private readonly last;
  private readonly insert;

  constructor(private readonly db: Db) {
    this.last = db.prepare('SELECT id, hash FROM auditoria ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO auditoria (id, en, actor, accion, radicado_id, detalle, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Must run inside the caller's write transaction, so the chain is extended by one writer at a time. */
  append(e: NuevaEntrada, contenido: string | null = null): number {
    const prev = this.last.get() as { id: number; hash: Buffer } | undefined;
    const id = (prev?.id ?? 0) + 1;
    const detalle = e.detalle ? JSON.stringify(e.detalle) : null;
    const hash = hashEntrada(prev?.hash ?? GENESIS, id, e, detalle, contenido);
    this.insert.run(id, e.en, e.actor, e.accion, e.radicadoId, detalle, hash);
    return id;
  }

  deRadicado(radicadoId: number): EntradaAuditoria[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.en, a.actor, coalesce(u.nombre, a.actor) AS actorNombre, a.accion, r.numero, a.detalle FROM auditoria a
         LEFT JOIN radicados r ON r.id = a.radicado_id LEFT JOIN usuarios u ON u.usuario = a.actor
         WHERE a.radicado_id = ? ORDER BY a.id`,
      )
      .all(radicadoId) as { id: number; en: number; actor: string; actorNombre: string; accion: string; numero: string | null; detalle: string | null }[];
    return rows.map((r) => ({ ...r, detalle: r.detalle ? (JSON.parse(r.detalle) as Record<string, unknown>) : null }));
  }

  /** Walks the whole chain; returns the entries counted and the first broken id, if any. */
  verificar(): { entradas: number; rotaEn: number | null; radicar: number; anular: number } {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.en, a.actor, a.accion, a.radicado_id AS radicadoId, a.detalle, a.hash,
           CASE a.accion
             WHEN 'radicar' THEN (SELECT ${CONTENIDO_RADICADO} FROM radicados r JOIN series s ON s.id = r.serie_id WHERE r.id = a.radicado_id)
             WHEN 'anular' THEN (SELECT ${CONTENIDO_ANULACION} FROM anulaciones an WHERE an.radicado_id = a.radicado_id)
             WHEN 'anexar' THEN (SELECT ${CONTENIDO_ANEXO} FROM anexos x WHERE x.id = json_extract(a.detalle, '$.anexo'))
             WHEN 'revisar' THEN (SELECT ${CONTENIDO_REVISION} FROM revisiones v WHERE v.uid = json_extract(a.detalle, '$.revision'))
           END AS contenido
         FROM auditoria a ORDER BY a.id`,
      )
      .iterate() as Iterable<{
      id: number;
      en: number;
      actor: string;
      accion: string;
      radicadoId: number | null;
      detalle: string | null;
      hash: Buffer;
      contenido: string | null;
    }>;
    let prev: Buffer = GENESIS;
    let expectedId = 1;
    let entradas = 0;
    let radicar = 0;
    let anular = 0;
    let rotaEn: number | null = null;
    for (const r of rows) {
      entradas++;
      if (r.accion === 'radicar') radicar++;
      if (r.accion === 'anular') anular++;
      if (rotaEn !== null) continue;
      const h = hashEntrada(prev, r.id, r, r.detalle, r.contenido);
      if (r.id !== expectedId || !h.equals(r.hash)) rotaEn = r.id;
      prev = r.hash;
      expectedId = r.id + 1;
    }
    return { entradas, rotaEn, radicar, anular };
  }
}
