/**
 * How the suggestions did at the window: of the radicados of a period, how many got a suggestion,
 * how many the clerk took, and how many were right, judged against the final labels (the latest
 * coordinator's correction, else what the clerk chose). The holdout figures measured at training
 * say how a model reads old texts; these say whether it helps the clerks, model by model. Pure:
 * the store passes the rows in.
 */
import { OBJETIVOS, type ModeloVigente, type Objetivo } from './index';

/** One radicado of the period, with what was suggested for it (nulls: nothing was suggested). */
export interface UsoSugerencia {
  numero: string;
  /**
   * The model of each objetivo, as the `modelo` field recorded with the suggestion: 'tipo:12,
   * dependencia:13' (keys of `ModeloDeFuente`; 'frases' or no key: the catalog's phrases); null: no suggestion row.
   */
  modelo: string | null;
  tipoSugerido: string | null;
  tipoAceptado: boolean | null;
  /** What the clerk radicated with. */
  tipo: string;
  /** The latest review's correction of the tipo, if it corrected it. */
  tipoCorregido: string | null;
  dependenciaSugerida: string | null;
  dependenciaAceptada: boolean | null;
  dependencia: string;
  dependenciaCorregida: string | null;
  /** A coordinator marked it (right or corrected). */
  revisado: boolean;
}

/** The figures of one source of suggestions (the catalog's phrases, or one model version). */
export interface CifrasDesempeno {
  /** Radicados that got a suggestion for this objetivo. */
  sugeridas: number;
  /** …and the clerk took it. */
  aceptadas: number;
  /** …and it was the final label. */
  acertadas: number;
  /** Of `sugeridas`, those a coordinator reviewed, and of those, the ones it got right. */
  revisadas: number;
  acertadasRevisadas: number;
  /** Taken by the clerk, then corrected in the review: the suggestion misled. */
  corregidasTrasAceptar: number;
}

/** A model the suggestions of the period may name: a station's stored model, or in the entity-wide view one of the entity's or of some station. */
export interface ModeloDeFuente {
  /** Its key in the `modelo` fields: the station's model id ('12'); centrally 'central/3' or 'local/2/01-03'. */
  clave: string;
  origen: ModeloVigente['origen'];
  version: number;
  /** Whose local model ('Sede 01 · ventanilla 03'), in the entity-wide view. */
  estacion?: string;
}

export interface FuenteDesempeno extends CifrasDesempeno {
  /** The model's key; null: the catalog's phrases. */
  modelo: string | null;
  /** null: a model no longer known (deleted from the station). */
  origen: ModeloVigente['origen'] | null;
  version: number | null;
  estacion: string | null;
}

export interface ConfusionSugerencia {
  sugerido: string;
  nombreSugerido: string;
  final: string;
  nombreFinal: string;
  veces: number;
  /** The first radicados of it (at most MAXIMO_NUMEROS), to look them up in Consulta. */
  numeros: string[];
}

export interface DesempenoObjetivo {
  objetivo: Objetivo;
  /** Newest model first, the catalog's phrases last. */
  fuentes: FuenteDesempeno[];
  total: CifrasDesempeno;
  /** Radicados of the period without a suggestion for this objetivo. */
  sinSugerencia: number;
  /** The most frequent wrong suggestions (suggested code → final code), most frequent first. */
  confusiones: ConfusionSugerencia[];
}

export interface DesempenoSugerencias {
  /**
   * 'estacion': this station's radicados; 'central': every ventanilla of the coordinator's sedes,
   * from the central store (only radicados whose station reports its suggestions).
   */
  alcance: 'estacion' | 'central';
  /** 'YYYY-MM-DD', Bogota, inclusive. */
  desde: string;
  hasta: string;
  semanas: string[];
  radicados: number;
  objetivos: DesempenoObjetivo[];
}

export const MAXIMO_CONFUSIONES = 5;
export const MAXIMO_NUMEROS = 10;

/** The key of the objetivo's model in a recorded `modelo` field ('tipo:12,dependencia:13'), or null (phrases). */
export function modeloDelObjetivo(modelo: string | null, objetivo: Objetivo): string | null {
  if (!modelo) return null;
  for (const parte of modelo.split(',')) {
    const [o, clave] = parte.split(':');
    if (o === objetivo && clave && /^[\w./-]+$/.test(clave)) return clave;
  }
  return null;
}

const vacias = (): CifrasDesempeno => ({ sugeridas: 0, aceptadas: 0, acertadas: 0, revisadas: 0, acertadasRevisadas: 0, corregidasTrasAceptar: 0 });

function campos(u: UsoSugerencia, objetivo: Objetivo) {
  return objetivo === 'tipo'
    ? { sugerido: u.tipoSugerido, aceptado: u.tipoAceptado, elegido: u.tipo, corregido: u.tipoCorregido }
    : { sugerido: u.dependenciaSugerida, aceptado: u.dependenciaAceptada, elegido: u.dependencia, corregido: u.dependenciaCorregida };
}

function sumar(c: CifrasDesempeno, acierto: boolean, aceptado: boolean, revisado: boolean, corregido: boolean): void {
  c.sugeridas++;
  if (aceptado) c.aceptadas++;
  if (acierto) c.acertadas++;
  if (revisado) {
    c.revisadas++;
    if (acierto) c.acertadasRevisadas++;
  }
  if (aceptado && corregido) c.corregidasTrasAceptar++;
}

/**
 * The figures per objetivo and source. `modelos`, newest first, names the models found in the
 * rows, in that order (one no longer known still counts, last, without origin or version);
 * `nombre` names a catalog code.
 */
export function desempenoSugerencias(
  usos: readonly UsoSugerencia[],
  modelos: readonly ModeloDeFuente[],
  nombre: (objetivo: Objetivo, codigo: string) => string = (_o, c) => c,
): Pick<DesempenoSugerencias, 'radicados' | 'objetivos'> {
  const porClave = new Map(modelos.map((m, i) => [m.clave, { ...m, orden: i }]));
  const ordenDe = (clave: string | null) => (clave === null ? modelos.length + 1 : (porClave.get(clave)?.orden ?? modelos.length));
  const objetivos = OBJETIVOS.map((objetivo): DesempenoObjetivo => {
    const fuentes = new Map<string | null, CifrasDesempeno>();
    const total = vacias();
    const confusiones = new Map<string, ConfusionSugerencia>();
    let sinSugerencia = 0;
    for (const u of usos) {
      const c = campos(u, objetivo);
      if (c.sugerido === null) {
        sinSugerencia++;
        continue;
      }
      const final = c.corregido ?? c.elegido;
      const acierto = c.sugerido === final;
      const corregido = c.corregido !== null && c.corregido !== c.elegido;
      const clave = modeloDelObjetivo(u.modelo, objetivo);
      let f = fuentes.get(clave);
      if (!f) fuentes.set(clave, (f = vacias()));
      sumar(f, acierto, c.aceptado === true, u.revisado, corregido);
      sumar(total, acierto, c.aceptado === true, u.revisado, corregido);
      if (!acierto) {
        const clave = `${c.sugerido}\u0000${final}`;
        const x = confusiones.get(clave) ?? { sugerido: c.sugerido, nombreSugerido: nombre(objetivo, c.sugerido), final, nombreFinal: nombre(objetivo, final), veces: 0, numeros: [] };
        x.veces++;
        if (x.numeros.length < MAXIMO_NUMEROS) x.numeros.push(u.numero);
        confusiones.set(clave, x);
      }
    }
    return {
      objetivo,
      fuentes: [...fuentes]
        // Known models in the given order (newest first), then unknown ones, the phrases last.
        .sort(([a], [b]) => ordenDe(a) - ordenDe(b) || (a ?? '').localeCompare(b ?? ''))
        .map(([clave, cifras]): FuenteDesempeno => {
          const m = clave === null ? undefined : porClave.get(clave);
          return { modelo: clave, origen: m?.origen ?? null, version: m?.version ?? null, estacion: m?.estacion ?? null, ...cifras };
        }),
      total,
      sinSugerencia,
      confusiones: [...confusiones.values()]
        .sort((a, b) => b.veces - a.veces || a.sugerido.localeCompare(b.sugerido) || a.final.localeCompare(b.final))
        .slice(0, MAXIMO_CONFUSIONES),
    };
  });
  return { radicados: usos.length, objetivos };
}

/** 'Frases del catálogo', 'Esta estación, versión 3', 'Sede 01 · ventanilla 03, versión 3', 'La entidad (central), versión 2'. */
export function nombreFuente(f: Pick<FuenteDesempeno, 'modelo' | 'origen' | 'version' | 'estacion'>): string {
  if (f.modelo === null) return 'Frases del catálogo';
  if (f.origen === null || f.version === null) return `Modelo ${f.modelo} (ya no está en la estación)`;
  const quien = f.origen === 'central' ? 'La entidad (central)' : (f.estacion ?? 'Esta estación');
  return `${quien}, versión ${f.version}`;
}
