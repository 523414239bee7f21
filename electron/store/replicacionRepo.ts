/**
 * The station's side of the replication to the central store: the outbox read in order, the
 * current rows its entries point to (rows are references, not payloads), the audit log by id
 * range, marks sent and, coming back, what the central store gives the station (marks made
 * centrally, catalog versions, models). SQL stays here; electron/central/replicador.ts drives it.
 */
import type { Db } from './db';
import type { Objetivo } from '../../shared/sugerencias';
import { modeloDelObjetivo } from '../../shared/sugerencias/desempeno';

export interface FilaOutbox {
  seq: number;
  en: number;
  entidad: string;
  clave: string;
  operacion: string;
}

/** A radicado as the central store takes it: with its series, remitente, clerk's name and annulment. */
export interface RadicadoParaCentral {
  numero: string;
  sede: string;
  ventanilla: string;
  serie: string;
  consecutivo: number;
  fecha_hora: number;
  radicador: string;
  radicador_nombre: string;
  remitente_tipo: string;
  remitente_numero: string;
  remitente_nombres: string;
  remitente_telefono: string | null;
  remitente_correo: string | null;
  remitente_direccion: string | null;
  remitente_autoriza: boolean;
  remitente_actualizado: number;
  canal: string;
  asunto: string;
  tipo: string;
  dependencia: string;
  folios: number;
  anexos: string | null;
  termino: number | null;
  unidad_termino: string;
  vence_el: string | null;
  vence_en: number | null;
  catalogo_version: number;
  demo: boolean;
  anulado_en: number | null;
  anul_justificacion: string | null;
  anul_aprobado_por: string | null;
  anul_anulado_por: string | null;
}

export interface AnexoParaCentral {
  numero: string;
  sha256: string;
  tipo: string;
  paginas: number;
  bytes: number;
  nombre: string;
  origen: string;
  creado_en: number;
  creado_por: string;
}

export interface RevisionParaCentral {
  uid: string;
  numero: string;
  veredicto: string;
  tipo_correcto: string | null;
  dependencia_correcta: string | null;
  observacion: string | null;
  revisor: string;
  revisor_nombre: string;
  revisado_en: number;
  origen: string;
}

/**
 * What was suggested with a radicado, for the entity-wide view of how suggestions do. The model of
 * each objetivo travels as origin and version ('central/3', 'local/2'): the station's row ids mean
 * nothing centrally. Null: the catalog's phrases (or nothing suggested for that objetivo).
 */
export interface SugerenciaParaCentral {
  numero: string;
  fuente: string | null;
  tipo_modelo: string | null;
  tipo_sugerido: string | null;
  tipo_probabilidad: number | null;
  tipo_aceptado: boolean | null;
  dependencia_modelo: string | null;
  dependencia_sugerida: string | null;
  dependencia_probabilidad: number | null;
  dependencia_aceptada: boolean | null;
}

export interface AuditoriaParaCentral {
  id: number;
  en: number;
  actor: string;
  accion: string;
  numero: string | null;
  detalle: string | null;
  /** Hex. */
  hash: string;
}

export interface ModeloDeCentral {
  objetivo: 'tipo' | 'dependencia';
  version: number;
  creadoEn: number;
  ejemplos: number;
  metricas: string;
  contenido: Uint8Array;
}

const lista = (xs: readonly (string | number)[]) => JSON.stringify(xs);

export class ReplicacionRepo {
  private readonly st;

  constructor(private readonly db: Db) {
    this.st = {
      pendientes: db.prepare('SELECT seq, en, entidad, clave, operacion FROM outbox WHERE enviado_en IS NULL AND seq > ? ORDER BY seq LIMIT ?'),
      contar: db.prepare('SELECT count(*) FROM outbox WHERE enviado_en IS NULL').pluck(),
      masAntiguo: db.prepare('SELECT min(en) FROM outbox WHERE enviado_en IS NULL').pluck(),
      marcar: db.prepare('UPDATE outbox SET enviado_en = ? WHERE seq IN (SELECT value FROM json_each(?)) AND enviado_en IS NULL'),
      radicados: db.prepare(`
        SELECT r.numero, s.sede, s.ventanilla, s.serie, r.consecutivo, r.fecha_hora, r.radicador,
               coalesce(u.nombre, r.radicador) AS radicador_nombre,
               m.tipo_documento AS remitente_tipo, m.numero_documento AS remitente_numero, m.nombres AS remitente_nombres,
               m.telefono AS remitente_telefono, m.correo AS remitente_correo, m.direccion AS remitente_direccion,
               m.autoriza_datos AS remitente_autoriza, m.actualizado_en AS remitente_actualizado,
               r.canal, r.asunto, r.tipo, r.dependencia, r.folios, r.anexos, r.termino, r.unidad_termino, r.vence_el, r.vence_en,
               r.catalogo_version, r.demo,
               an.anulado_en, an.justificacion AS anul_justificacion, an.aprobado_por AS anul_aprobado_por, an.anulado_por AS anul_anulado_por
          FROM radicados r
          JOIN series s ON s.id = r.serie_id
          JOIN remitentes m ON m.id = r.remitente_id
          LEFT JOIN usuarios u ON u.usuario = r.radicador
          LEFT JOIN anulaciones an ON an.radicado_id = r.id
         WHERE r.numero IN (SELECT value FROM json_each(?))`),
      anexos: db.prepare(`
        SELECT r.numero, x.sha256, x.tipo, x.paginas, x.bytes, x.nombre, x.origen, x.creado_en, x.creado_por
          FROM anexos x JOIN radicados r ON r.id = x.radicado_id
         WHERE x.sha256 IN (SELECT substr(value, -64) FROM json_each(:claves))
           AND (r.numero || '/' || x.sha256) IN (SELECT value FROM json_each(:claves))`),
      revisiones: db.prepare(`
        SELECT v.uid, r.numero, v.veredicto, v.tipo_correcto, v.dependencia_correcta, v.observacion, v.revisor, v.revisor_nombre,
               v.revisado_en, v.origen
          FROM revisiones v JOIN radicados r ON r.id = v.radicado_id
         WHERE v.uid IN (SELECT value FROM json_each(?))`),
      sugerencias: db.prepare(`
        SELECT r.numero, s.modelo, s.fuente, s.tipo_sugerido, s.tipo_probabilidad, s.tipo_aceptado,
               s.dependencia_sugerida, s.dependencia_probabilidad, s.dependencia_aceptada
          FROM sugerencias s JOIN radicados r ON r.id = s.radicado_id
         WHERE r.numero IN (SELECT value FROM json_each(?))`),
      auditoria: db.prepare(`
        SELECT a.id, a.en, a.actor, a.accion, r.numero, a.detalle, hex(a.hash) AS hash
          FROM auditoria a LEFT JOIN radicados r ON r.id = a.radicado_id
         WHERE a.id > ? ORDER BY a.id LIMIT ?`),
      ultimaAuditoria: db.prepare('SELECT coalesce(max(id), 0) FROM auditoria').pluck(),
      versionCatalogo: db.prepare('SELECT coalesce(max(version), 0) FROM catalogo_versiones').pluck(),
      catalogoExiste: db.prepare('SELECT 1 FROM catalogo_versiones WHERE version = ?').pluck(),
      insertarCatalogo: db.prepare('INSERT INTO catalogo_versiones (version, contenido, creado_en, creado_por) VALUES (?, ?, ?, ?)'),
      versionesModelos: db.prepare("SELECT objetivo, max(version) AS version FROM modelos WHERE origen = 'central' GROUP BY objetivo"),
      insertarModelo: db.prepare(
        "INSERT OR IGNORE INTO modelos (objetivo, origen, version, creado_en, ejemplos, metricas, contenido) VALUES (?, 'central', ?, ?, ?, ?, ?)",
      ),
    };
  }

  /** The oldest unsent outbox rows after `seq` (0: from the start), in order. */
  pendientesDesde(seq: number, limite: number): FilaOutbox[] {
    return this.st.pendientes.all(seq, limite) as FilaOutbox[];
  }

  contarPendientes(): number {
    return this.st.contar.get() as number;
  }

  /** When the oldest unsent row was written (null when everything was sent). */
  masAntiguoPendiente(): number | null {
    return (this.st.masAntiguo.get() as number | null) ?? null;
  }

  /** After the central commit, never before. */
  marcarEnviados(seqs: readonly number[], en: number): void {
    this.db.transaction(() => this.st.marcar.run(en, lista(seqs))).immediate();
  }

  radicados(numeros: readonly string[]): RadicadoParaCentral[] {
    if (numeros.length === 0) return [];
    return (this.st.radicados.all(lista(numeros)) as (Omit<RadicadoParaCentral, 'demo' | 'remitente_autoriza'> & { demo: number; remitente_autoriza: number })[]).map(
      (r) => ({ ...r, demo: r.demo === 1, remitente_autoriza: r.remitente_autoriza === 1 }),
    );
  }

  /** By outbox clave `${numero}/${sha256}`. */
  anexos(claves: readonly string[]): AnexoParaCentral[] {
    if (claves.length === 0) return [];
    return this.st.anexos.all({ claves: lista(claves) }) as AnexoParaCentral[];
  }

  revisiones(uids: readonly string[]): RevisionParaCentral[] {
    if (uids.length === 0) return [];
    return this.st.revisiones.all(lista(uids)) as RevisionParaCentral[];
  }

  /**
   * The suggestions recorded with these radicados (radicados without one have no row); `modelos`,
   * the station's stored ones, turn the ids recorded into origin and version.
   */
  sugerencias(numeros: readonly string[], modelos: readonly { id: number; origen: string; version: number }[]): SugerenciaParaCentral[] {
    if (numeros.length === 0) return [];
    type Crudo = Omit<SugerenciaParaCentral, 'tipo_modelo' | 'dependencia_modelo' | 'tipo_aceptado' | 'dependencia_aceptada'> & {
      modelo: string;
      tipo_aceptado: number | null;
      dependencia_aceptada: number | null;
    };
    const filas = this.st.sugerencias.all(lista(numeros)) as Crudo[];
    if (filas.length === 0) return [];
    const porId = new Map(modelos.map((m) => [String(m.id), `${m.origen}/${m.version}`]));
    const modeloDe = (modelo: string, objetivo: Objetivo) => {
      const id = modeloDelObjetivo(modelo, objetivo);
      // A model deleted since: the suggestion still counts, as an unknown model's.
      return id === null ? null : (porId.get(id) ?? 'local/0');
    };
    const bool = (v: number | null) => (v === null ? null : v === 1);
    return filas.map(({ modelo, ...f }) => ({
      ...f,
      tipo_modelo: f.tipo_sugerido === null ? null : modeloDe(modelo, 'tipo'),
      dependencia_modelo: f.dependencia_sugerida === null ? null : modeloDe(modelo, 'dependencia'),
      tipo_aceptado: bool(f.tipo_aceptado),
      dependencia_aceptada: bool(f.dependencia_aceptada),
    }));
  }

  auditoriaDesde(id: number, limite: number): AuditoriaParaCentral[] {
    return (this.st.auditoria.all(id, limite) as AuditoriaParaCentral[]).map((a) => ({ ...a, hash: a.hash.toLowerCase() }));
  }

  ultimaAuditoria(): number {
    return this.st.ultimaAuditoria.get() as number;
  }

  versionCatalogo(): number {
    return this.st.versionCatalogo.get() as number;
  }

  /** A catalog version published centrally; a version the station already has is left alone. */
  guardarCatalogoCentral(version: number, contenido: string, creadoEn: number, creadoPor: string): boolean {
    if (this.st.catalogoExiste.get(version) !== undefined) return false;
    this.st.insertarCatalogo.run(version, contenido, creadoEn, creadoPor);
    return true;
  }

  /** The newest central version of each objetivo the station has (its local versions are numbered apart). */
  versionesModelos(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of this.st.versionesModelos.all() as { objetivo: string; version: number }[]) out[f.objetivo] = f.version;
    return out;
  }

  guardarModeloCentral(m: ModeloDeCentral): boolean {
    return this.st.insertarModelo.run(m.objetivo, m.version, m.creadoEn, m.ejemplos, m.metricas, Buffer.from(m.contenido)).changes > 0;
  }

  /** Runs `fn` in one write transaction (what comes back from the central store lands together). */
  enTransaccion<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
