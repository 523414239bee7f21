/**
 * The risk-ranked review queue: which radicados of the week a coordinator should look at first.
 * Each signal gives a risk in [0, 1] and a reason in Spanish; they combine as independent chances
 * (1 − Π(1 − r)), so two moderate signals outrank one weak one and no signal can exceed 1. Pure:
 * the classifier's scores come in from the caller.
 */
import { describeTermino, type Catalogo, type UnidadTermino } from '../domain/catalog';
import type { RadicadoRevisable } from '../domain/revision';
import { normalizarFrase, porcentaje, type Puntaje } from '../sugerencias';

export interface Puntajes {
  tipo: Puntaje[];
  dependencia: Puntaje[];
}

export interface Riesgo {
  riesgo: number;
  motivos: string[];
}

/** How strongly each signal counts. */
export const PESOS_RIESGO = {
  desacuerdoTipo: 1,
  desacuerdoDependencia: 0.7,
  confianzaBaja: 0.35,
  casiIdenticos: 0.6,
  terminoMasLargo: 0.8,
  terminoMasCorto: 0.3,
} as const;

/** Under this the classifier is said to be unsure about the text. */
export const CONFIANZA_BAJA = 0.4;
/** Token-set Jaccard at or above which two asuntos are "near-identical". */
export const SIMILITUD_CASI_IDENTICOS = 0.7;

function probabilidadDe(ps: Puntaje[], codigo: string): number {
  return ps.find((p) => p.codigo === codigo)?.probabilidad ?? 0;
}

/**
 * A term in business days, to compare tipos: hour terms (tutela) are urgent by nature, a term the
 * judge sets (null) counts as two days; a tipo without term has none to miss.
 */
export function diasEquivalentes(termino: number | null, unidad: UnidadTermino): number | null {
  switch (unidad) {
    case 'sin_termino':
      return null;
    case 'horas':
      return termino === null ? 2 : termino / 24;
    case 'dias_calendario':
      return termino === null ? null : (termino * 5) / 7;
    case 'dias_habiles':
      return termino;
  }
}

/** "15 días hábiles", "horas, según el documento": a term inside a sentence. */
function fraseTermino(termino: number | null, unidad: UnidadTermino): string {
  if (termino === null && unidad === 'horas') return 'horas, según el documento';
  if (termino === null && unidad !== 'sin_termino') return 'el que fije el documento';
  return describeTermino({ termino, unidad });
}

interface Senal {
  r: number;
  motivo: string;
}

function combinarSenales(senales: Senal[]): Riesgo {
  const utiles = senales.filter((s) => s.r > 0.001).sort((a, b) => b.r - a.r);
  let sano = 1;
  for (const s of utiles) sano *= 1 - Math.min(1, s.r);
  return { riesgo: Math.round((1 - sano) * 1000) / 1000, motivos: utiles.map((s) => s.motivo) };
}

/** Risk signals of one radicado from the classifier's view of its text. */
const indices = new WeakMap<Catalogo, { tipos: Map<string, Catalogo['tipos'][number]>; dependencias: Map<string, string> }>();

function indiceDe(catalogo: Catalogo) {
  let i = indices.get(catalogo);
  if (!i) {
    i = { tipos: new Map(catalogo.tipos.map((t) => [t.codigo, t])), dependencias: new Map(catalogo.dependencias.map((d) => [d.codigo, d.nombre])) };
    indices.set(catalogo, i);
  }
  return i;
}

export function senalesClasificador(r: RadicadoRevisable, p: Puntajes, catalogo: Catalogo): Senal[] {
  const senales: Senal[] = [];
  const { tipos, dependencias } = indiceDe(catalogo);
  const nombreTipo = (c: string) => `${c} · ${tipos.get(c)?.nombre ?? c}`;
  const nombreDep = (c: string) => `${c} · ${dependencias.get(c) ?? c}`;

  const mejorTipo = p.tipo[0];
  if (mejorTipo && mejorTipo.codigo !== r.tipo) {
    const pf = probabilidadDe(p.tipo, r.tipo);
    const d = mejorTipo.probabilidad - pf;
    if (d > 0) {
      senales.push({
        r: PESOS_RIESGO.desacuerdoTipo * d,
        motivo: `El clasificador sugiere ${nombreTipo(mejorTipo.codigo)} (${porcentaje(mejorTipo.probabilidad)}); se radicó como ${r.tipo} (${porcentaje(pf)}).`,
      });
    }
    // A wrong tipo matters most when it gives the entity more time than the law does.
    const sugerido = tipos.get(mejorTipo.codigo);
    const diasSugerido = sugerido ? diasEquivalentes(sugerido.termino, sugerido.unidad) : null;
    const diasRadicado = diasEquivalentes(r.termino, r.unidadTermino);
    if (sugerido && diasSugerido !== null && mejorTipo.probabilidad >= CONFIANZA_BAJA) {
      const terminoSugerido = fraseTermino(sugerido.termino, sugerido.unidad);
      const terminoRadicado = fraseTermino(r.termino, r.unidadTermino);
      if (diasRadicado === null || diasRadicado >= diasSugerido * 1.5) {
        senales.push({
          r: PESOS_RIESGO.terminoMasLargo * mejorTipo.probabilidad,
          motivo: `Término inusual para el texto: como ${mejorTipo.codigo} sería ${terminoSugerido}; como ${r.tipo} quedó en ${terminoRadicado}, y el vencimiento puede estar corrido.`,
        });
      } else if (diasSugerido >= diasRadicado * 1.5) {
        senales.push({
          r: PESOS_RIESGO.terminoMasCorto * mejorTipo.probabilidad,
          motivo: `Término inusual para el texto: como ${mejorTipo.codigo} sería ${terminoSugerido}; como ${r.tipo} quedó en ${terminoRadicado}.`,
        });
      }
    }
  }

  const mejorDep = p.dependencia[0];
  if (mejorDep && mejorDep.codigo !== r.dependencia) {
    const pf = probabilidadDe(p.dependencia, r.dependencia);
    const d = mejorDep.probabilidad - pf;
    if (d > 0) {
      senales.push({
        r: PESOS_RIESGO.desacuerdoDependencia * d,
        motivo: `El clasificador dirigiría a ${nombreDep(mejorDep.codigo)} (${porcentaje(mejorDep.probabilidad)}); se dirigió a ${r.dependencia}.`,
      });
    }
  }

  const confianza = mejorTipo?.probabilidad ?? 0;
  if (confianza < CONFIANZA_BAJA) {
    senales.push({
      r: PESOS_RIESGO.confianzaBaja * (1 - confianza / CONFIANZA_BAJA),
      motivo: mejorTipo ? `Confianza baja del clasificador sobre el tipo (${porcentaje(confianza)}).` : 'El clasificador no reconoce el tipo documental en el asunto.',
    });
  }
  return senales;
}

// Words that do not tell two asuntos apart.
const VACIAS = new Set(
  'de del la el los las y a al en por para con su sus un una que me se o le lo mi mis es no si sr sra senor senora favor solicito solicitud'.split(' '),
);

export function fichasAsunto(asunto: string): string[] {
  return [...new Set(palabras(asunto).filter((w) => w.length >= 3 && !VACIAS.has(w)))].sort();
}

// What normalizarFrase does to one character, cached by code: a week's 20,000 asuntos are mostly
// the same few dozen letters, and Unicode normalisation of whole strings was most of the queue's time.
const letraDe = new Map<number, string>();

function letra(codigo: number): string {
  let l = letraDe.get(codigo);
  if (l === undefined) {
    l = normalizarFrase(String.fromCharCode(codigo));
    // A character that normalises to nothing (punctuation, a lone mark) separates words.
    letraDe.set(codigo, l);
  }
  return l;
}

/** The words of normalizarFrase(texto), without building the normalised string (same result; tested). */
export function palabras(texto: string): string[] {
  const out: string[] = [];
  let actual = '';
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    let l: string;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) l = texto[i]!;
    else if (c >= 65 && c <= 90) l = String.fromCharCode(c + 32);
    else if (c >= 0xd800 && c <= 0xdfff) l = ''; // outside the BMP: never a-z0-9 after normalising
    else l = letra(c);
    // Combining marks vanish inside a word (NFD then strip), so "a\u0301" stays one word.
    if (l === '' && c >= 0x300 && c <= 0x36f) continue;
    if (l === '' || l === ' ' || l.includes(' ')) {
      if (actual) out.push(actual);
      actual = '';
      if (l.includes(' ')) {
        const partes = l.split(' ');
        actual = partes.pop()!;
        for (const p of partes) if (p) out.push(p);
      }
    } else actual += l;
  }
  if (actual) out.push(actual);
  return out;
}

/** FNV-1a of a token, once per distinct token. */
function hashTexto(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A token's hash under the i-th MinHash function: a cheap integer mix of its FNV hash. */
function mezclar(h: number, semilla: number): number {
  let x = (h ^ Math.imul(semilla, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** Jaccard of two ascending id lists. */
function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let comun = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      comun++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return comun / (a.length + b.length - comun);
}

const BANDAS = 6;
const FILAS_BANDA = 2;
/** Members of a band bucket every other member is compared with. */
const ANCLAS_CUBETA = 64;

/**
 * Groups of near-identical asuntos (token-set Jaccard ≥ SIMILITUD_CASI_IDENTICOS): identical token
 * sets first (the common case: a form letter), then MinHash LSH over the distinct sets, verified.
 * Returns, for each input, its group id (inputs alone in their group get -1).
 */
export function gruposCasiIdenticos(asuntos: readonly string[]): Int32Array {
  const n = asuntos.length;
  const padre = new Int32Array(n).map((_, i) => i);
  const raizDe = (i: number): number => {
    while (padre[i] !== i) {
      padre[i] = padre[padre[i]!]!;
      i = padre[i]!;
    }
    return i;
  };
  const unir = (a: number, b: number) => {
    const x = raizDe(a);
    const y = raizDe(b);
    if (x !== y) padre[Math.max(x, y)] = Math.min(x, y);
  };
  // Tokens become ids (and their hashes are computed once per distinct token).
  const ids = new Map<string, number>();
  const hashes: number[] = [];
  const fichas = asuntos.map((a) => {
    const vistos: number[] = [];
    for (const t of palabras(a)) {
      if (t.length < 3 || VACIAS.has(t)) continue;
      let id = ids.get(t);
      if (id === undefined) {
        id = hashes.length;
        ids.set(t, id);
        hashes.push(hashTexto(t));
      }
      vistos.push(id);
    }
    // The token set as ascending unique ids (same set as fichasAsunto, without sorting strings).
    const ordenados = Int32Array.from(vistos).sort();
    let n = 0;
    for (let k = 0; k < ordenados.length; k++) if (k === 0 || ordenados[k] !== ordenados[k - 1]) ordenados[n++] = ordenados[k]!;
    return ordenados.subarray(0, n);
  });
  // Identical sets.
  const porClave = new Map<string, number>();
  const distintos: number[] = [];
  fichas.forEach((f, i) => {
    if (f.length < 2) return;
    const k = f.join(' ');
    const primero = porClave.get(k);
    if (primero === undefined) {
      porClave.set(k, i);
      distintos.push(i);
    } else unir(primero, i);
  });
  // LSH over the distinct sets.
  const cubetas = new Map<string, number[]>();
  for (const i of distintos) {
    const f = fichas[i]!;
    if (f.length < 3) continue;
    for (let b = 0; b < BANDAS; b++) {
      let firma = `${b}`;
      for (let r = 0; r < FILAS_BANDA; r++) {
        const semilla = b * FILAS_BANDA + r + 1;
        let min = 0xffffffff;
        for (const t of f) min = Math.min(min, mezclar(hashes[t]!, semilla));
        firma += `:${min}`;
      }
      let c = cubetas.get(firma);
      if (!c) cubetas.set(firma, (c = []));
      c.push(i);
    }
  }
  for (const c of cubetas.values()) {
    if (c.length < 2) continue;
    // Each member is compared with the bucket's first members (all of them in a small bucket):
    // linear in a form letter's bucket of thousands, and the other bands catch what this misses.
    const anclas = Math.min(c.length, ANCLAS_CUBETA);
    for (let y = 1; y < c.length; y++) {
      const b = c[y]!;
      for (let x = 0; x < Math.min(y, anclas); x++) {
        const a = c[x]!;
        // Joined (now or by an earlier band): enough for this member in this bucket.
        if (raizDe(a) === raizDe(b)) break;
        if (jaccard(fichas[a]!, fichas[b]!) >= SIMILITUD_CASI_IDENTICOS) {
          unir(a, b);
          break;
        }
      }
    }
  }
  const tam = new Int32Array(n);
  for (let i = 0; i < n; i++) tam[raizDe(i)]!++;
  const grupo = new Int32Array(n);
  for (let i = 0; i < n; i++) grupo[i] = tam[raizDe(i)]! > 1 ? raizDe(i) : -1;
  return grupo;
}

/** Signals from near-identical asuntos of the week filed under different tipos. */
export function senalesCasiIdenticos(radicados: readonly RadicadoRevisable[]): Senal[][] {
  const grupo = gruposCasiIdenticos(radicados.map((r) => r.asunto));
  const tiposPorGrupo = new Map<number, Map<string, number>>();
  radicados.forEach((r, i) => {
    const g = grupo[i]!;
    if (g < 0) return;
    let t = tiposPorGrupo.get(g);
    if (!t) tiposPorGrupo.set(g, (t = new Map()));
    t.set(r.tipo, (t.get(r.tipo) ?? 0) + 1);
  });
  return radicados.map((r, i) => {
    const g = grupo[i]!;
    const tipos = g < 0 ? undefined : tiposPorGrupo.get(g);
    if (!tipos || tipos.size < 2) return [];
    const total = [...tipos.values()].reduce((a, b) => a + b, 0);
    const propios = tipos.get(r.tipo)!;
    const otros = [...tipos]
      .filter(([t]) => t !== r.tipo)
      .sort((a, b) => b[1] - a[1])
      .map(([t, c]) => `${t}: ${c}`)
      .join(', ');
    // The minority tipo of a group is the likely mistake; the majority still deserves a look.
    const parteOtros = (total - propios) / total;
    return [
      {
        r: PESOS_RIESGO.casiIdenticos * parteOtros,
        motivo: `Asunto casi idéntico a ${total - 1} radicado${total - 1 === 1 ? '' : 's'} de la semana con otro tipo (${otros}).`,
      },
    ];
  });
}

/** The risk of every radicado of the queue, in input order. */
export function calcularRiesgos(radicados: readonly RadicadoRevisable[], puntajes: readonly Puntajes[], catalogo: Catalogo): Riesgo[] {
  const identicos = senalesCasiIdenticos(radicados);
  return radicados.map((r, i) => combinarSenales([...senalesClasificador(r, puntajes[i]!, catalogo), ...identicos[i]!]));
}
