import type { Db } from './db';
import type { Anexo, EstadoOcr, ItemBandeja, MotivoBandeja } from '../../shared/domain/anexos';
import { consultaFts, SELECT_RESUMEN, type FilaResumen } from './radicadosRepo';

export type NuevoAnexo = Pick<Anexo, 'sha256' | 'paginas' | 'bytes' | 'nombre' | 'origen' | 'creadoEn' | 'creadoPor'> & { radicadoId: number };

export type FilaAnexo = Omit<Anexo, 'ruta'> & { radicadoId: number };

const SELECT_ANEXO = `
  SELECT a.id, r.numero, a.radicado_id AS radicadoId, a.sha256, a.tipo, a.paginas, a.bytes, a.nombre, a.origen,
    a.creado_en AS creadoEn, a.creado_por AS creadoPor, coalesce(t.estado, 'pendiente') AS ocr, coalesce(t.caracteres, 0) AS ocrCaracteres
  FROM anexos a JOIN radicados r ON r.id = a.radicado_id LEFT JOIN anexos_texto t ON t.anexo_id = a.id`;

const SELECT_BANDEJA = `
  SELECT id, lote, origen, desde_pagina AS desdePagina, hasta_pagina AS hastaPagina, paginas, sha256, motivo, codigo, creado_en AS creadoEn
  FROM bandeja_lote`;

export class AnexosRepo {
  private readonly stmts;

  constructor(private readonly db: Db) {
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.anexos_fts_terminos USING fts5vocab(main, anexos_fts, row);');
    this.stmts = {
      insertar: db.prepare(
        `INSERT INTO anexos (radicado_id, sha256, tipo, paginas, bytes, nombre, origen, creado_en, creado_por)
         VALUES (@radicadoId, @sha256, 'application/pdf', @paginas, @bytes, @nombre, @origen, @creadoEn, @creadoPor)`,
      ),
      existente: db.prepare('SELECT id FROM anexos WHERE radicado_id = ? AND sha256 = ?').pluck(),
      texto: db.prepare('INSERT INTO anexos_texto (anexo_id, estado, texto, caracteres, motor, ms, actualizado_en) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      guardarTexto: db.prepare(
        'UPDATE anexos_texto SET estado = ?, texto = ?, caracteres = ?, motor = ?, ms = ?, detalle = ?, actualizado_en = ? WHERE anexo_id = ?',
      ),
      porRadicado: db.prepare(`${SELECT_ANEXO} WHERE a.radicado_id = ? ORDER BY a.id`),
      porId: db.prepare(`${SELECT_ANEXO} WHERE a.id = ?`),
      pendientes: db.prepare("SELECT anexo_id FROM anexos_texto WHERE estado = 'pendiente' ORDER BY anexo_id LIMIT ?").pluck(),
      // 'sin_imagenes' keeps the PDF's own text (a born-digital file needs no OCR).
      textoDe: db
        .prepare("SELECT group_concat(t.texto, char(10)) FROM anexos_texto t JOIN anexos a ON a.id = t.anexo_id WHERE a.radicado_id = ? AND t.estado IN ('hecho', 'sin_imagenes')")
        .pluck(),
      terminos: db.prepare('SELECT term FROM temp.anexos_fts_terminos WHERE term >= ? AND term < ? LIMIT ?').pluck(),
      referencias: db.prepare('SELECT (SELECT count(*) FROM anexos WHERE sha256 = ?) + (SELECT count(*) FROM bandeja_lote WHERE sha256 = ?)').pluck(),
      bandeja: db.prepare(
        `INSERT INTO bandeja_lote (lote, origen, desde_pagina, hasta_pagina, sha256, paginas, bytes, motivo, codigo, creado_en, creado_por)
         VALUES (@lote, @origen, @desdePagina, @hastaPagina, @sha256, @paginas, @bytes, @motivo, @codigo, @creadoEn, @creadoPor)`,
      ),
      bandejaPendiente: db.prepare(`${SELECT_BANDEJA} WHERE resuelto_en IS NULL ORDER BY id`),
      bandejaPorId: db.prepare(`${SELECT_BANDEJA} WHERE id = ? AND resuelto_en IS NULL`),
      resolverBandeja: db.prepare(
        'UPDATE bandeja_lote SET resuelto_en = ?, resuelto_por = ?, resolucion = ?, anexo_id = ? WHERE id = ? AND resuelto_en IS NULL',
      ),
    };
  }

  existente(radicadoId: number, sha256: string): number | null {
    return (this.stmts.existente.get(radicadoId, sha256) as number | undefined) ?? null;
  }

  /** Inside the caller's transaction, with the audit entry: the row and its OCR state. */
  insertar(a: NuevoAnexo, ocr: { estado: EstadoOcr; texto: string; motor: string | null; ms: number | null }): number {
    const id = Number(this.stmts.insertar.run(a).lastInsertRowid);
    this.stmts.texto.run(id, ocr.estado, ocr.texto, ocr.texto.length, ocr.motor, ocr.ms, a.creadoEn);
    return id;
  }

  guardarTexto(anexoId: number, t: { estado: EstadoOcr; texto: string; motor: string; ms: number; detalle: string | null; en: number }): void {
    this.stmts.guardarTexto.run(t.estado, t.texto, t.texto.length, t.motor, t.ms, t.detalle, t.en, anexoId);
  }

  porRadicado(radicadoId: number): FilaAnexo[] {
    return this.stmts.porRadicado.all(radicadoId) as FilaAnexo[];
  }

  porId(id: number): FilaAnexo | null {
    return (this.stmts.porId.get(id) as FilaAnexo | undefined) ?? null;
  }

  pendientesOcr(limite: number): number[] {
    return this.stmts.pendientes.all(limite) as number[];
  }

  /** The recognised text of a radicado's attachments (for the classifier). */
  textoDeRadicado(radicadoId: number): string {
    return (this.stmts.textoDe.get(radicadoId) as string | null) ?? '';
  }

  hashesReferenciados(): string[] {
    return this.db.prepare('SELECT sha256 FROM anexos UNION SELECT sha256 FROM bandeja_lote').pluck().all() as string[];
  }

  /** Files still pointed to by a row (an attachment or a tray item). */
  referencias(sha256: string): number {
    return this.stmts.referencias.get(sha256, sha256) as number;
  }

  /**
   * Radicados whose attachments' text matches, newest attachment first, with the words in context.
   * `radicador` limits to one clerk's radicados.
   */
  buscarTexto(texto: string, radicador: string | null, limite: number): (FilaResumen & { fragmento: string })[] {
    return this.db.transaction(() => {
      const q = consultaFts(texto, (p) => this.stmts.terminos.all(p, `${p}\u{10FFFF}`, 1001) as string[]);
      if (!q) return [];
      // Newest matching attachments first, walked in rowid order so FTS5 stops early; the
      // snippets (the costly part) are computed only for the rows shown.
      const candidatos = this.db
        .prepare(
          `SELECT m.anexoId, a.radicado_id AS radicadoId FROM (
             SELECT rowid AS anexoId FROM anexos_fts WHERE anexos_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m
           JOIN anexos a ON a.id = m.anexoId
           ${radicador ? 'JOIN radicados r ON r.id = a.radicado_id WHERE r.radicador = ?' : ''}
           ORDER BY m.anexoId DESC`,
        )
        .all(...(radicador ? [q, limite * 20, radicador] : [q, limite * 5])) as { anexoId: number; radicadoId: number }[];
      const elegidos = new Map<number, number>();
      for (const c of candidatos) {
        if (!elegidos.has(c.radicadoId)) elegidos.set(c.radicadoId, c.anexoId);
        if (elegidos.size >= limite) break;
      }
      if (elegidos.size === 0) return [];
      const fragmento = this.db.prepare(`SELECT snippet(anexos_fts, 0, '«', '»', '…', 10) FROM anexos_fts WHERE anexos_fts MATCH ? AND rowid = ?`).pluck();
      const resumen = this.db.prepare(`${SELECT_RESUMEN} WHERE r.id = ?`);
      return [...elegidos].map(([radicadoId, anexoId]) => ({
        ...(resumen.get(radicadoId) as FilaResumen),
        fragmento: fragmento.get(q, anexoId) as string,
      }));
    })();
  }

  // ------------------------------------------------------------------------------------------
  // Batch review tray

  insertarBandeja(i: {
    lote: string;
    origen: string;
    desdePagina: number;
    hastaPagina: number;
    sha256: string;
    paginas: number;
    bytes: number;
    motivo: MotivoBandeja;
    codigo: string | null;
    creadoEn: number;
    creadoPor: string;
  }): number {
    return Number(this.stmts.bandeja.run(i).lastInsertRowid);
  }

  bandejaPendiente(): ItemBandeja[] {
    return this.stmts.bandejaPendiente.all() as ItemBandeja[];
  }

  bandejaPorId(id: number): ItemBandeja | null {
    return (this.stmts.bandejaPorId.get(id) as ItemBandeja | undefined) ?? null;
  }

  resolverBandeja(id: number, r: { en: number; por: string; resolucion: 'anexado' | 'descartado'; anexoId: number | null }): boolean {
    return this.stmts.resolverBandeja.run(r.en, r.por, r.resolucion, r.anexoId, id).changes === 1;
  }
}
