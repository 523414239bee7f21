import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import type { Canal, EstadoRadicado, RadicadoResumen, Remitente, TipoDocumentoIdentidad } from '../../shared/domain/radicado';
import type { UnidadTermino } from '../../shared/domain/catalog';

export interface FilaRadicado {
  id: number;
  numero: string;
  serie: string;
  sede: string;
  ventanilla: string;
  consecutivo: number;
  fechaHora: number;
  radicador: string;
  radicadorNombre: string | null;
  canal: Canal;
  asunto: string;
  tipo: string;
  dependencia: string;
  folios: number;
  anexos: string | null;
  termino: number | null;
  unidadTermino: UnidadTermino;
  venceEl: string | null;
  venceEn: number | null;
  catalogoVersion: number;
  demo: number;
  remitenteTipoDocumento: TipoDocumentoIdentidad;
  remitenteNumeroDocumento: string;
  remitenteNombres: string;
  remitenteTelefono: string | null;
  remitenteCorreo: string | null;
  remitenteDireccion: string | null;
  remitenteAutorizaDatos: number;
  anulJustificacion: string | null;
  anulAprobadoPor: string | null;
  anulAnuladoPor: string | null;
  anulAnuladoPorNombre: string | null;
  anulAnuladoEn: number | null;
}

export interface NuevoRadicado {
  numero: string;
  serieId: number;
  consecutivo: number;
  fechaHora: number;
  radicador: string;
  remitenteId: number;
  canal: Canal;
  asunto: string;
  tipo: string;
  dependencia: string;
  folios: number;
  anexos: string | null;
  termino: number | null;
  unidadTermino: UnidadTermino;
  venceEl: string | null;
  venceEn: number | null;
  catalogoVersion: number;
  demo: boolean;
}

const SELECT_DETALLE = `
  SELECT r.id, r.numero, s.serie, s.sede, s.ventanilla, r.consecutivo, r.fecha_hora AS fechaHora, r.radicador,
    u.nombre AS radicadorNombre, r.canal, r.asunto, r.tipo, r.dependencia, r.folios, r.anexos, r.termino,
    r.unidad_termino AS unidadTermino, r.vence_el AS venceEl, r.vence_en AS venceEn,
    r.catalogo_version AS catalogoVersion, r.demo,
    p.tipo_documento AS remitenteTipoDocumento, p.numero_documento AS remitenteNumeroDocumento,
    p.nombres AS remitenteNombres, p.telefono AS remitenteTelefono, p.correo AS remitenteCorreo,
    p.direccion AS remitenteDireccion, p.autoriza_datos AS remitenteAutorizaDatos,
    an.justificacion AS anulJustificacion, an.aprobado_por AS anulAprobadoPor,
    an.anulado_por AS anulAnuladoPor, coalesce(ua.nombre, an.anulado_por) AS anulAnuladoPorNombre, an.anulado_en AS anulAnuladoEn
  FROM radicados r
  JOIN series s ON s.id = r.serie_id
  JOIN remitentes p ON p.id = r.remitente_id
  LEFT JOIN anulaciones an ON an.radicado_id = r.id
  LEFT JOIN usuarios u ON u.usuario = r.radicador
  LEFT JOIN usuarios ua ON ua.usuario = an.anulado_por`;

export const SELECT_RESUMEN = `
  SELECT r.numero, r.fecha_hora AS fechaHora, r.tipo, r.dependencia, r.asunto, r.catalogo_version AS catalogoVersion,
    p.nombres AS remitenteNombre, p.tipo_documento || ':' || p.numero_documento AS remitenteDocumento,
    r.vence_el AS venceEl, CASE WHEN an.radicado_id IS NULL THEN 'ACTIVO' ELSE 'ANULADO' END AS estado
  FROM radicados r
  JOIN remitentes p ON p.id = r.remitente_id
  LEFT JOIN anulaciones an ON an.radicado_id = r.id`;

export type FilaResumen = Omit<RadicadoResumen, 'tipoNombre' | 'dependenciaNombre'> & { catalogoVersion: number; estado: EstadoRadicado };

/** At most this many indexed words are tried for the last word typed (see consultaFts). */
const MAX_TERMINOS_PREFIJO = 1000;

/** The folding of FTS5's unicode61 tokenizer with remove_diacritics 2: lowercase, no accents. */
export function plegarTermino(palabra: string): string {
  return palabra.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Turns what a clerk typed into an FTS5 query: every word must match, the last one as a prefix.
 * `terminos(prefijo)`, when given, lists the indexed words that start with the (folded) prefix; the
 * prefix is then written as an OR of those words. Same matches, but FTS5 can walk an OR newest
 * first and stop at the limit, while a native prefix query ("solicitud"*) first merges the whole
 * list of rows of every matching word: 40 ms for a common word on 1M radicados, 0.2 ms as an OR.
 */
export function consultaFts(texto: string, terminos?: (prefijo: string) => string[] | null): string | null {
  const words = texto
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      if (i < words.length - 1 || w.length < 2) return `"${w}"`;
      const lista = terminos?.(plegarTermino(w));
      if (!lista || lista.length === 0 || lista.length > MAX_TERMINOS_PREFIJO) return `"${w}"*`;
      return `(${lista.map((t) => `"${t}"`).join(' OR ')})`;
    })
    .join(' AND ');
}

export class RadicadosRepo {
  private readonly stmts;

  constructor(private readonly db: Db) {
    // The words each full-text index holds, for prefix searches (consultaFts). Per connection, in
    // temp: a view over the index, nothing stored.
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.radicados_fts_terminos USING fts5vocab(main, radicados_fts, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.remitentes_fts_terminos USING fts5vocab(main, remitentes_fts, row);`);
    this.stmts = {
      // UPDATE then SELECT rather than an upsert with RETURNING: same effect under the write lock,
      // a third of the cost (RETURNING goes through an ephemeral table on every radicado).
      avanzarSerie: db.prepare('UPDATE series SET ultimo = ultimo + 1 WHERE serie = ?'),
      crearSerie: db.prepare('INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES (?, ?, ?, ?, 1)'),
      leerSerie: db.prepare('SELECT id, ultimo FROM series WHERE serie = ?'),
      remitente: db.prepare(
        `SELECT id, nombres, telefono, correo, direccion, autoriza_datos AS autorizaDatos FROM remitentes
         WHERE numero_documento = ? AND tipo_documento = ?`,
      ),
      insertRemitente: db.prepare(
        `INSERT INTO remitentes (tipo_documento, numero_documento, nombres, telefono, correo, direccion, autoriza_datos, actualizado_en)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateRemitente: db.prepare(
        `UPDATE remitentes SET nombres = ?, telefono = ?, correo = ?, direccion = ?, autoriza_datos = ?, actualizado_en = ? WHERE id = ?`,
      ),
      insertRadicado: db.prepare(
        `INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo,
           dependencia, folios, anexos, termino, unidad_termino, vence_el, vence_en, catalogo_version, demo)
         VALUES (@numero, @serieId, @consecutivo, @fechaHora, @radicador, @remitenteId, @canal, @asunto, @tipo,
           @dependencia, @folios, @anexos, @termino, @unidadTermino, @venceEl, @venceEn, @catalogoVersion, @demo)`,
      ),
      porNumero: db.prepare(`${SELECT_DETALLE} WHERE r.numero = ?`),
      terminosAsunto: db.prepare('SELECT term FROM temp.radicados_fts_terminos WHERE term >= ? AND term < ? LIMIT ?').pluck(),
      terminosNombre: db.prepare('SELECT term FROM temp.remitentes_fts_terminos WHERE term >= ? AND term < ? LIMIT ?').pluck(),
      ultimaFecha: db.prepare('SELECT max(fecha_hora) AS f FROM radicados'),
      numero: db.prepare('SELECT numero FROM radicados WHERE id = ?'),
    };
  }

  /** Takes the next number of the series. Only inside the radicación's write transaction. */
  siguienteConsecutivo(serie: string, anio: number, sede: string, ventanilla: string): { serieId: number; consecutivo: number } {
    if (this.stmts.avanzarSerie.run(serie).changes === 0) this.stmts.crearSerie.run(serie, anio, sede, ventanilla);
    const row = this.stmts.leerSerie.get(serie) as { id: number; ultimo: number };
    return { serieId: row.id, consecutivo: row.ultimo };
  }

  remitentePorDocumento(tipo: TipoDocumentoIdentidad, numero: string): Remitente | null {
    const row = this.stmts.remitente.get(numero, tipo) as
      | { id: number; nombres: string; telefono: string | null; correo: string | null; direccion: string | null; autorizaDatos: number }
      | undefined;
    if (!row) return null;
    return {
      tipoDocumento: tipo,
      numeroDocumento: numero,
      nombres: row.nombres,
      telefono: row.telefono,
      correo: row.correo,
      direccion: row.direccion,
      autorizaDatos: row.autorizaDatos === 1,
    };
  }

  /** Creates the remitente or refreshes the data the citizen gave today. */
  guardarRemitente(r: Remitente, en: number): number {
    const found = this.stmts.remitente.get(r.numeroDocumento, r.tipoDocumento) as
      | { id: number; nombres: string; telefono: string | null; correo: string | null; direccion: string | null; autorizaDatos: number }
      | undefined;
    const autoriza = r.autorizaDatos ? 1 : 0;
    if (!found) {
      return Number(
        this.stmts.insertRemitente.run(r.tipoDocumento, r.numeroDocumento, r.nombres, r.telefono, r.correo, r.direccion, autoriza, en)
          .lastInsertRowid,
      );
    }
    const changed =
      found.nombres !== r.nombres ||
      found.telefono !== r.telefono ||
      found.correo !== r.correo ||
      found.direccion !== r.direccion ||
      found.autorizaDatos !== autoriza;
    if (changed) this.stmts.updateRemitente.run(r.nombres, r.telefono, r.correo, r.direccion, autoriza, en, found.id);
    return found.id;
  }

  insertar(r: NuevoRadicado): number {
    return Number(this.stmts.insertRadicado.run({ ...r, demo: r.demo ? 1 : 0 }).lastInsertRowid);
  }

  numeroDe(id: number): string {
    return (this.stmts.numero.get(id) as { numero: string }).numero;
  }

  porNumero(numero: string): FilaRadicado | undefined {
    return this.stmts.porNumero.get(numero) as FilaRadicado | undefined;
  }

  ultimaFechaHora(): number | null {
    return (this.stmts.ultimaFecha.get() as { f: number | null }).f;
  }

  /** radicador: only that clerk's radicados (role radicador); null for everyone's. */
  buscarPorNumero(numero: string, radicador: string | null): FilaResumen[] {
    return this.db
      .prepare(`${SELECT_RESUMEN} WHERE r.numero = ? ${radicador ? 'AND r.radicador = ?' : ''}`)
      .all(...(radicador ? [numero, radicador] : [numero])) as FilaResumen[];
  }

  buscarPorDocumento(tipo: string | null, numero: string, radicador: string | null, limite: number): FilaResumen[] {
    const where = ['r.remitente_id IN (SELECT id FROM remitentes WHERE numero_documento = ?' + (tipo ? ' AND tipo_documento = ?)' : ')')];
    const params: unknown[] = tipo ? [numero, tipo] : [numero];
    if (radicador) {
      where.push('r.radicador = ?');
      params.push(radicador);
    }
    return this.db
      .prepare(`${SELECT_RESUMEN} WHERE ${where.join(' AND ')} ORDER BY r.id DESC LIMIT ?`)
      .all(...params, limite) as FilaResumen[];
  }

  /** Indexed words that start with the folded prefix; more than the cap means "too many". */
  private terminos(st: Statement, prefijo: string): string[] {
    return st.all(prefijo, `${prefijo}\u{10FFFF}`, MAX_TERMINOS_PREFIJO + 1) as string[];
  }

  buscarPorNombre(nombre: string, radicador: string | null, limite: number): FilaResumen[] {
    // One read transaction: the words listed and the rows matched come from the same snapshot.
    return this.db.transaction(() => this.buscarPorNombreEn(nombre, radicador, limite))();
  }

  private buscarPorNombreEn(nombre: string, radicador: string | null, limite: number): FilaResumen[] {
    const q = consultaFts(nombre, (p) => this.terminos(this.stmts.terminosNombre, p));
    if (!q) return [];
    // Newest remitentes first; a very common name is capped so the search stays instant.
    return this.db
      .prepare(
        `${SELECT_RESUMEN}
         WHERE r.remitente_id IN (SELECT rowid FROM remitentes_fts WHERE remitentes_fts MATCH ? ORDER BY rowid DESC LIMIT 2000)
         ${radicador ? 'AND r.radicador = ?' : ''}
         ORDER BY r.id DESC LIMIT ?`,
      )
      .all(...(radicador ? [q, radicador, limite] : [q, limite])) as FilaResumen[];
  }

  buscarPorTexto(texto: string, radicador: string | null, limite: number): FilaResumen[] {
    return this.db.transaction(() => this.buscarPorTextoEn(texto, radicador, limite))();
  }

  private buscarPorTextoEn(texto: string, radicador: string | null, limite: number): FilaResumen[] {
    const q = consultaFts(texto, (p) => this.terminos(this.stmts.terminosAsunto, p));
    if (!q) return [];
    const porTexto = (ventana: number) =>
      this.db
        .prepare(
          `${SELECT_RESUMEN}
           JOIN (SELECT rowid AS id FROM radicados_fts WHERE radicados_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f ON f.id = r.id
           ${radicador ? 'WHERE r.radicador = ?' : ''}
           ORDER BY r.id DESC LIMIT ?`,
        )
        .all(...(radicador ? [q, ventana, radicador, limite] : [q, ventana, limite])) as FilaResumen[];
    if (!radicador) return porTexto(limite);
    // A clerk sees only her own radicados: widen the window of newest matches until she has enough
    // of hers or the matches run out, so older ones of her own are not hidden by other clerks' work.
    const total = this.db.prepare('SELECT count(*) AS n FROM radicados_fts WHERE radicados_fts MATCH ?').pluck();
    let coincidencias: number | null = null;
    for (let ventana = limite * 20; ; ventana *= 10) {
      const filas = porTexto(ventana);
      if (filas.length >= limite) return filas;
      coincidencias ??= total.get(q) as number;
      if (ventana >= coincidencias) return filas;
    }
  }


  anular(radicadoId: number, a: { justificacion: string; aprobadoPor: string; anuladoPor: string; anuladoEn: number }): void {
    this.db
      .prepare('INSERT INTO anulaciones (radicado_id, justificacion, aprobado_por, anulado_por, anulado_en) VALUES (?, ?, ?, ?, ?)')
      .run(radicadoId, a.justificacion, a.aprobadoPor, a.anuladoPor, a.anuladoEn);
  }

  /** Per-series figures for `radica verificar`. */
  estadisticasSeries(): {
    serieId: number;
    serie: string;
    ultimo: number;
    desde: number | null;
    hasta: number | null;
    total: number;
    distintos: number;
    anulados: number;
  }[] {
    return this.db
      .prepare(
        `SELECT s.id AS serieId, s.serie, s.ultimo, min(r.consecutivo) AS desde, max(r.consecutivo) AS hasta,
           count(r.id) AS total, count(DISTINCT r.consecutivo) AS distintos, count(an.radicado_id) AS anulados
         FROM series s LEFT JOIN radicados r ON r.serie_id = s.id LEFT JOIN anulaciones an ON an.radicado_id = r.id
         GROUP BY s.id ORDER BY s.serie`,
      )
      .all() as never;
  }

  /** The first missing consecutives of a series, for a precise error message. */
  huecos(serieId: number, max = 10): number[] {
    const rows = this.db
      .prepare(
        `SELECT c + 1 AS falta FROM (
           SELECT consecutivo AS c, lead(consecutivo) OVER (ORDER BY consecutivo) AS siguiente FROM radicados WHERE serie_id = ?
         ) WHERE siguiente > c + 1 LIMIT ?`,
      )
      .all(serieId, max) as { falta: number }[];
    return rows.map((r) => r.falta);
  }

  contar(): { radicados: number; anulaciones: number } {
    return this.db
      .prepare('SELECT (SELECT count(*) FROM radicados) AS radicados, (SELECT count(*) FROM anulaciones) AS anulaciones')
      .get() as { radicados: number; anulaciones: number };
  }

  integridad(): string {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }
}
