import type { Db } from './db';
import type { ImpresoraConfig, TrabajoImpresion } from '../../shared/domain/impresion';
import type { Documento, Plantilla } from '../../shared/sticker/types';

export interface FilaTrabajo {
  id: number;
  radicadoId: number;
  numero: string;
  impresora: string;
  impresoraConfig: ImpresoraConfig;
  plantilla: Plantilla;
  documento: Documento;
  /** 0 the original, N the Nth reprint. */
  copia: number;
  estado: TrabajoImpresion['estado'];
  intentos: number;
  ultimoError: string | null;
  creadoEn: number;
  creadoPor: string;
  impresoEn: number | null;
  proximoIntento: number | null;
}

const COLUMNAS = `t.id, t.radicado_id AS radicadoId, r.numero, t.impresora, t.impresora_config AS impresoraConfig, t.plantilla,
  t.documento, t.copia, t.estado, t.intentos, t.ultimo_error AS ultimoError, t.creado_en AS creadoEn, t.creado_por AS creadoPor,
  t.impreso_en AS impresoEn, t.proximo_intento AS proximoIntento
  FROM trabajos_impresion t JOIN radicados r ON r.id = t.radicado_id`;

type Crudo = Omit<FilaTrabajo, 'impresoraConfig'> & { impresoraConfig: string };
const leer = (c: Crudo | undefined): FilaTrabajo | null => (c ? { ...c, impresoraConfig: JSON.parse(c.impresoraConfig) as ImpresoraConfig } : null);

/** The print queue. Jobs change state; radicados and the audit log stay append-only. */
export class TrabajosRepo {
  constructor(private readonly db: Db) {}

  crear(t: {
    radicadoId: number;
    impresora: ImpresoraConfig;
    plantilla: Plantilla;
    documento: Documento;
    copia: number;
    creadoEn: number;
    creadoPor: string;
    proximoIntento: number;
  }): number {
    const r = this.db
      .prepare(
        `INSERT INTO trabajos_impresion (radicado_id, impresora, impresora_config, plantilla, documento, copia, estado, creado_en, creado_por, proximo_intento)
         VALUES (?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, ?)`,
      )
      .run(t.radicadoId, t.impresora.id, JSON.stringify(t.impresora), t.plantilla, t.documento, t.copia, t.creadoEn, t.creadoPor, t.proximoIntento);
    return Number(r.lastInsertRowid);
  }

  porId(id: number): FilaTrabajo | null {
    return leer(this.db.prepare(`SELECT ${COLUMNAS} WHERE t.id = ?`).get(id) as Crudo | undefined);
  }

  /** The original (copia 0) of this document of this radicado, if any was ever queued. */
  original(radicadoId: number, documento: Documento): FilaTrabajo | null {
    return leer(
      this.db.prepare(`SELECT ${COLUMNAS} WHERE t.radicado_id = ? AND t.documento = ? AND t.copia = 0 ORDER BY t.id LIMIT 1`).get(radicadoId, documento) as
        | Crudo
        | undefined,
    );
  }

  /** The next reprint's ordinal: COPIA 1, 2, … per radicado and document. */
  siguienteCopia(radicadoId: number, documento: Documento): number {
    const row = this.db.prepare('SELECT max(copia) AS n FROM trabajos_impresion WHERE radicado_id = ? AND documento = ?').get(radicadoId, documento) as {
      n: number | null;
    };
    return (row.n ?? 0) + 1;
  }

  /**
   * Takes the job for one send: moves its lease forward only if it is still pending and due (or
   * `forzar`, for a job the clerk retries by hand). Returns false when another process holds it.
   */
  tomar(id: number, ahora: number, hasta: number, forzar: boolean): boolean {
    const r = this.db
      .prepare(
        `UPDATE trabajos_impresion SET proximo_intento = ?
         WHERE id = ? AND (estado = 'pendiente' OR (? AND estado = 'error')) AND (? OR proximo_intento IS NULL OR proximo_intento <= ?)`,
      )
      .run(hasta, id, forzar ? 1 : 0, forzar ? 1 : 0, ahora);
    return r.changes === 1;
  }

  impreso(id: number, en: number): void {
    this.db
      .prepare("UPDATE trabajos_impresion SET estado = 'impreso', intentos = intentos + 1, ultimo_error = NULL, impreso_en = ?, proximo_intento = NULL WHERE id = ?")
      .run(en, id);
  }

  fallo(id: number, error: string, proximoIntento: number | null): void {
    this.db
      .prepare('UPDATE trabajos_impresion SET estado = ?, intentos = intentos + 1, ultimo_error = ?, proximo_intento = ? WHERE id = ?')
      .run(proximoIntento === null ? 'error' : 'pendiente', error, proximoIntento, id);
  }

  /** Back to the queue, optionally on another printer (the clerk's retry or printer switch). */
  reencolar(id: number, impresora: ImpresoraConfig | null, proximoIntento: number): void {
    if (impresora) {
      this.db
        .prepare("UPDATE trabajos_impresion SET estado = 'pendiente', impresora = ?, impresora_config = ?, proximo_intento = ? WHERE id = ?")
        .run(impresora.id, JSON.stringify(impresora), proximoIntento, id);
    } else {
      this.db.prepare("UPDATE trabajos_impresion SET estado = 'pendiente', proximo_intento = ? WHERE id = ?").run(proximoIntento, id);
    }
  }

  /** Pending jobs whose time has come, oldest first. */
  vencidos(ahora: number, limite: number): number[] {
    return (
      this.db
        .prepare("SELECT id FROM trabajos_impresion WHERE estado = 'pendiente' AND (proximo_intento IS NULL OR proximo_intento <= ?) ORDER BY id LIMIT ?")
        .all(ahora, limite) as { id: number }[]
    ).map((r) => r.id);
  }

  /** What the clerk must see: everything not printed yet (pending or failed), oldest first. */
  sinImprimir(limite: number): FilaTrabajo[] {
    return (this.db.prepare(`SELECT ${COLUMNAS} WHERE t.estado <> 'impreso' ORDER BY t.id LIMIT ?`).all(limite) as Crudo[]).map((c) => leer(c)!);
  }
}
