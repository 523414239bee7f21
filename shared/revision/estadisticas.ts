/**
 * The review's figures, computed once from rows and marks: the report (every format), the clerk's
 * feedback and the dashboard all read them from here, so they cannot disagree. Pure.
 */
import type {
  Confusion,
  Conteo,
  FigurasRevision,
  FilaFuncionario,
  FilaResumen,
  FilaVentanilla,
  PuntoTendencia,
  SemanaIso,
} from '../domain/revision';

/** What the figures are made of: counts a store can also compute in SQL (trends over many weeks). */
export interface ConteosRevision {
  radicados: number;
  revisados: number;
  erroresClasificacion: number;
  erroresDireccionamiento: number;
  /** Reviewed radicados with at least one error. */
  conError: number;
}

type Acumulado = ConteosRevision;

const vacio = (): Acumulado => ({ radicados: 0, revisados: 0, erroresClasificacion: 0, erroresDireccionamiento: 0, conError: 0 });

function sumar(a: Acumulado, f: FilaResumen): void {
  a.radicados++;
  const m = f.marca;
  if (!m) return;
  a.revisados++;
  // A "correction" to the same code the clerk chose is not an error (the router refuses it; a
  // central mark might still carry it).
  const tipo = m.tipoCorrecto !== null && m.tipoCorrecto !== f.tipo;
  const dep = m.dependenciaCorrecta !== null && m.dependenciaCorrecta !== f.dependencia;
  if (tipo) a.erroresClasificacion++;
  if (dep) a.erroresDireccionamiento++;
  if (tipo || dep) a.conError++;
}

export function figuras(a: ConteosRevision): FigurasRevision {
  return {
    radicados: a.radicados,
    revisados: a.revisados,
    erroresClasificacion: a.erroresClasificacion,
    erroresDireccionamiento: a.erroresDireccionamiento,
    tasaError: a.revisados === 0 ? 0 : Math.round((a.conError / a.revisados) * 10_000) / 10_000,
  };
}

export function figurasDe(filas: readonly FilaResumen[]): FigurasRevision {
  const a = vacio();
  for (const f of filas) sumar(a, f);
  return figuras(a);
}

function agrupar<K extends string, T>(filas: readonly FilaResumen[], clave: (f: FilaResumen) => K, fila: (f: FilaResumen, fig: FigurasRevision) => T): T[] {
  const grupos = new Map<K, { primera: FilaResumen; a: Acumulado }>();
  for (const f of filas) {
    const k = clave(f);
    let g = grupos.get(k);
    if (!g) grupos.set(k, (g = { primera: f, a: vacio() }));
    sumar(g.a, f);
  }
  return [...grupos.keys()].sort().map((k) => {
    const g = grupos.get(k)!;
    return fila(g.primera, figuras(g.a));
  });
}

export function porVentanilla(filas: readonly FilaResumen[]): FilaVentanilla[] {
  return agrupar(
    filas,
    (f) => `${f.sede}\u0000${f.ventanilla}`,
    (f, fig) => ({ sede: f.sede, ventanilla: f.ventanilla, ...fig }),
  );
}

/** Per clerk and window: a clerk who worked two windows has a row for each. */
export function porFuncionario(filas: readonly FilaResumen[]): FilaFuncionario[] {
  return agrupar(
    filas,
    (f) => `${f.sede}\u0000${f.ventanilla}\u0000${f.radicador}`,
    (f, fig) => ({ funcionario: f.radicador, nombre: f.radicadorNombre, sede: f.sede, ventanilla: f.ventanilla, ...fig }),
  ).sort((a, b) => a.nombre.localeCompare(b.nombre, 'es') || a.sede.localeCompare(b.sede) || a.ventanilla.localeCompare(b.ventanilla));
}

/** Filed → right, for the reviewed radicados whose tipo (or dependencia) was wrong; most frequent first. */
export function confusion(filas: readonly FilaResumen[], campo: 'tipo' | 'dependencia'): Confusion[] {
  const n = new Map<string, Confusion>();
  for (const f of filas) {
    const correcto = campo === 'tipo' ? f.marca?.tipoCorrecto : f.marca?.dependenciaCorrecta;
    const de = f[campo];
    if (!correcto || correcto === de) continue;
    const k = `${de}\u0000${correcto}`;
    const c = n.get(k) ?? { de, a: correcto, cantidad: 0 };
    c.cantidad++;
    n.set(k, c);
  }
  return [...n.values()].sort((x, y) => y.cantidad - x.cantidad || x.de.localeCompare(y.de) || x.a.localeCompare(y.a));
}

/** One point per week (oldest first), each from the rows whose instant falls in it. */
export function tendencia(filas: readonly FilaResumen[], semanas: readonly SemanaIso[]): PuntoTendencia[] {
  const acumulados = semanas.map(vacio);
  for (const f of filas) {
    const i = semanas.findIndex((s) => f.fechaHora >= s.inicioMs && f.fechaHora < s.finMs);
    if (i >= 0) sumar(acumulados[i]!, f);
  }
  return semanas.map((s, i) => ({ semana: s.semana, desde: s.desde, ...figuras(acumulados[i]!) }));
}

/** The trend from per-week counts (index i = the i-th week), zero for weeks without radicados. */
export function tendenciaDeConteos(conteos: ReadonlyMap<number, ConteosRevision>, semanas: readonly SemanaIso[]): PuntoTendencia[] {
  return semanas.map((s, i) => ({ semana: s.semana, desde: s.desde, ...figuras(conteos.get(i) ?? vacio()) }));
}

/** Counts by a field, most frequent first, with the names the caller knows. */
export function conteo(filas: readonly FilaResumen[], clave: (f: FilaResumen) => string, nombre: (codigo: string) => string): Conteo[] {
  const n = new Map<string, number>();
  for (const f of filas) {
    const k = clave(f);
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n]
    .map(([codigo, cantidad]) => ({ codigo, nombre: nombre(codigo), cantidad }))
    .sort((a, b) => b.cantidad - a.cantidad || a.codigo.localeCompare(b.codigo));
}
