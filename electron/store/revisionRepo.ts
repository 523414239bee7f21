/**
 * The review's SQL on the station store: radicados of a range with their latest mark, and marks.
 */
import type { Db } from './db';
import type { FilaResumen, MarcaRevision, RadicadoRevisable, Veredicto } from '../../shared/domain/revision';
import type { ConteosRevision } from '../../shared/revision/estadisticas';
import type { UnidadTermino } from '../../shared/domain/catalog';
import type { AlcanceConsulta } from '../revision/fuente';

/** The newest mark of each radicado counts. */
const ULTIMA = `LEFT JOIN revisiones v ON v.id = (SELECT x.id FROM revisiones x WHERE x.radicado_id = r.id ORDER BY x.revisado_en DESC, x.id DESC LIMIT 1)`;

const FILTROS = `NOT EXISTS (SELECT 1 FROM anulaciones an WHERE an.radicado_id = r.id)
  AND (:sede IS NULL OR s.sede = :sede)
  AND (:ventanillas IS NULL OR s.ventanilla IN (SELECT value FROM json_each(:ventanillas)))`;

const COLUMNAS_RESUMEN = `r.fecha_hora AS fechaHora, s.sede, s.ventanilla, r.radicador, coalesce(u.nombre, r.radicador) AS radicadorNombre,
  r.canal, r.tipo, r.dependencia, v.veredicto, v.tipo_correcto AS tipoCorrecto, v.dependencia_correcta AS dependenciaCorrecta`;

const COLUMNAS_COMPLETAS = `${COLUMNAS_RESUMEN}, r.numero, r.asunto, r.termino, r.unidad_termino AS unidadTermino, r.vence_el AS venceEl,
  r.vence_en AS venceEn, v.uid, v.observacion, v.revisor, v.revisor_nombre AS revisorNombre, v.revisado_en AS revisadoEn`;

const DESDE = `FROM radicados r JOIN series s ON s.id = r.serie_id LEFT JOIN usuarios u ON u.usuario = r.radicador ${ULTIMA}`;

// Two shapes of the range query: by date (the index radicados_fecha) or by clerk and date
// (radicados_radicador); an "OR :radicador IS NULL" would keep SQLite from using the latter.
const POR_FECHA = `WHERE r.fecha_hora >= :inicio AND r.fecha_hora < :fin AND ${FILTROS} ORDER BY r.fecha_hora, r.id`;
const POR_RADICADOR = `WHERE r.radicador = :radicador AND r.fecha_hora >= :inicio AND r.fecha_hora < :fin AND ${FILTROS} ORDER BY r.fecha_hora, r.id`;

const SEMANA_MS = 7 * 86_400_000;

/**
 * Per-week counts for trends, in SQL: the same rules as shared/revision/estadisticas.ts (a
 * "correction" to the code already filed is no error), checked against it by a test.
 */
const ERROR_TIPO = `(v.tipo_correcto IS NOT NULL AND v.tipo_correcto <> r.tipo)`;
const ERROR_DEP = `(v.dependencia_correcta IS NOT NULL AND v.dependencia_correcta <> r.dependencia)`;
// CAST: a bound JS number is a REAL to SQLite, and the division must be an integer one.
const POR_SEMANA = `SELECT CAST((r.fecha_hora - :inicio) / ${SEMANA_MS} AS INTEGER) AS semana, count(*) AS radicados, count(v.id) AS revisados,
  coalesce(sum(${ERROR_TIPO}), 0) AS erroresClasificacion, coalesce(sum(${ERROR_DEP}), 0) AS erroresDireccionamiento,
  coalesce(sum(${ERROR_TIPO} OR ${ERROR_DEP}), 0) AS conError`;

interface CrudoResumen {
  fechaHora: number;
  sede: string;
  ventanilla: string;
  radicador: string;
  radicadorNombre: string;
  canal: string;
  tipo: string;
  dependencia: string;
  veredicto: Veredicto | null;
  tipoCorrecto: string | null;
  dependenciaCorrecta: string | null;
}

function resumenDe(c: CrudoResumen): FilaResumen {
  return {
    fechaHora: c.fechaHora,
    sede: c.sede,
    ventanilla: c.ventanilla,
    radicador: c.radicador,
    radicadorNombre: c.radicadorNombre,
    canal: c.canal,
    tipo: c.tipo,
    dependencia: c.dependencia,
    marca: c.veredicto ? { veredicto: c.veredicto, tipoCorrecto: c.tipoCorrecto, dependenciaCorrecta: c.dependenciaCorrecta } : null,
  };
}

/**
 * The same row read as an array (better-sqlite3's raw mode), in COLUMNAS_COMPLETAS order: a week's
 * 20,000 rows as objects cost twice as much to build, and the queue must open in a second.
 */
type FilaCruda = [
  number, string, string, string, string, string, string, string, Veredicto | null, string | null, string | null,
  string, string, number | null, UnidadTermino, string | null, number | null, string | null, string | null, string | null, string | null, number | null,
];

function completoDeFila(f: FilaCruda): RadicadoRevisable {
  const veredicto = f[8];
  return {
    fechaHora: f[0],
    sede: f[1],
    ventanilla: f[2],
    radicador: f[3],
    radicadorNombre: f[4],
    canal: f[5],
    tipo: f[6],
    dependencia: f[7],
    numero: f[11],
    asunto: f[12],
    termino: f[13],
    unidadTermino: f[14],
    venceEl: f[15],
    venceEn: f[16],
    marca: veredicto
      ? {
          uid: f[17]!,
          numero: f[11],
          veredicto,
          tipoCorrecto: f[9],
          dependenciaCorrecta: f[10],
          observacion: f[18],
          revisor: f[19]!,
          revisorNombre: f[20]!,
          revisadoEn: f[21]!,
        }
      : null,
  };
}

export class RevisionRepo {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      resumenFecha: db.prepare(`SELECT ${COLUMNAS_RESUMEN} ${DESDE} ${POR_FECHA}`),
      resumenRadicador: db.prepare(`SELECT ${COLUMNAS_RESUMEN} ${DESDE} ${POR_RADICADOR}`),
      completoFecha: db.prepare(`SELECT ${COLUMNAS_COMPLETAS} ${DESDE} ${POR_FECHA}`).raw(true),
      completoRadicador: db.prepare(`SELECT ${COLUMNAS_COMPLETAS} ${DESDE} ${POR_RADICADOR}`).raw(true),
      porNumero: db
        .prepare(`SELECT ${COLUMNAS_COMPLETAS}, EXISTS (SELECT 1 FROM anulaciones an WHERE an.radicado_id = r.id) AS anulado ${DESDE} WHERE r.numero = ?`)
        .raw(true),
      idDe: db.prepare('SELECT id FROM radicados WHERE numero = ?').pluck(),
      insertar: db.prepare(
        `INSERT INTO revisiones (uid, radicado_id, veredicto, tipo_correcto, dependencia_correcta, observacion, revisor, revisor_nombre, revisado_en, origen)
         VALUES (:uid, :radicadoId, :veredicto, :tipoCorrecto, :dependenciaCorrecta, :observacion, :revisor, :revisorNombre, :revisadoEn, :origen)`,
      ),
      existe: db.prepare('SELECT id FROM revisiones WHERE uid = ?').pluck(),
      semanasFecha: db.prepare(`${POR_SEMANA} ${DESDE} ${POR_FECHA.replace(/ORDER BY .*$/, 'GROUP BY 1')}`),
      semanasRadicador: db.prepare(`${POR_SEMANA} ${DESDE} ${POR_RADICADOR.replace(/ORDER BY .*$/, 'GROUP BY 1')}`),
      puntajes: db.prepare('SELECT numero, version, puntajes FROM puntajes_clasificador WHERE numero IN (SELECT value FROM json_each(?))'),
      guardarPuntaje: db.prepare('INSERT OR REPLACE INTO puntajes_clasificador (numero, version, puntajes, calculado_en) VALUES (?, ?, ?, ?)'),
      sinPuntaje: db.prepare(
        `SELECT r.numero, r.asunto FROM radicados r LEFT JOIN puntajes_clasificador p ON p.numero = r.numero
         WHERE r.fecha_hora >= ? AND (p.numero IS NULL OR p.version <> ?) ORDER BY r.fecha_hora DESC LIMIT ?`,
      ),
    };
  }

  private parametros(a: AlcanceConsulta) {
    return {
      inicio: a.inicioMs,
      fin: a.finMs,
      sede: a.sede ?? null,
      ventanillas: a.ventanillas && a.ventanillas.length > 0 ? JSON.stringify(a.ventanillas) : null,
      ...(a.radicador !== undefined ? { radicador: a.radicador } : {}),
    };
  }

  resumen(a: AlcanceConsulta): FilaResumen[] {
    const st = a.radicador !== undefined ? this.stmts.resumenRadicador : this.stmts.resumenFecha;
    return (st.all(this.parametros(a)) as CrudoResumen[]).map(resumenDe);
  }

  radicados(a: AlcanceConsulta): RadicadoRevisable[] {
    const st = a.radicador !== undefined ? this.stmts.completoRadicador : this.stmts.completoFecha;
    return (st.all(this.parametros(a)) as FilaCruda[]).map(completoDeFila);
  }

  /** Counts per 7-day block from `inicioMs` (index 0, 1, …), for weeks that follow each other. */
  conteosPorSemana(a: AlcanceConsulta): Map<number, ConteosRevision> {
    const st = a.radicador !== undefined ? this.stmts.semanasRadicador : this.stmts.semanasFecha;
    const filas = st.all(this.parametros(a)) as (ConteosRevision & { semana: number })[];
    return new Map(filas.map(({ semana, ...c }) => [semana, c]));
  }

  /** Cached classifier scores by number (any version; the caller decides what is stale). */
  puntajes(numeros: readonly string[]): Map<string, { version: string; puntajes: string }> {
    const out = new Map<string, { version: string; puntajes: string }>();
    for (const f of this.stmts.puntajes.all(JSON.stringify(numeros)) as { numero: string; version: string; puntajes: string }[]) {
      out.set(f.numero, { version: f.version, puntajes: f.puntajes });
    }
    return out;
  }

  guardarPuntajes(filas: readonly { numero: string; puntajes: string }[], version: string, en: number): void {
    this.db
      .transaction(() => {
        for (const f of filas) this.stmts.guardarPuntaje.run(f.numero, version, f.puntajes, en);
      })
      .immediate();
  }

  /** This station's radicados since `desdeMs` not yet scored by the current models, newest first. */
  sinPuntaje(desdeMs: number, version: string, limite: number): { numero: string; asunto: string }[] {
    return this.stmts.sinPuntaje.all(desdeMs, version, limite) as { numero: string; asunto: string }[];
  }

  radicado(numero: string): (RadicadoRevisable & { anulado: boolean }) | null {
    const f = this.stmts.porNumero.get(numero) as [...FilaCruda, number] | undefined;
    return f ? { ...completoDeFila(f as unknown as FilaCruda), anulado: f[22] === 1 } : null;
  }


  radicadoId(numero: string): number | null {
    return (this.stmts.idDe.get(numero) as number | undefined) ?? null;
  }

  /** Inserts a mark; a mark already here (same uid, e.g. replicated twice) is left alone. Returns its row id and whether it is new. */
  insertar(m: MarcaRevision, radicadoId: number, origen: 'estacion' | 'central'): { id: number; nueva: boolean } {
    const ya = this.stmts.existe.get(m.uid) as number | undefined;
    if (ya !== undefined) return { id: ya, nueva: false };
    const r = this.stmts.insertar.run({
      uid: m.uid,
      radicadoId,
      veredicto: m.veredicto,
      tipoCorrecto: m.tipoCorrecto,
      dependenciaCorrecta: m.dependenciaCorrecta,
      observacion: m.observacion,
      revisor: m.revisor,
      revisorNombre: m.revisorNombre,
      revisadoEn: m.revisadoEn,
      origen,
    });
    return { id: Number(r.lastInsertRowid), nueva: true };
  }
}
