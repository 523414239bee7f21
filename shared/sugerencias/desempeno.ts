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
  /** The `modelo` field recorded with the suggestion ('tipo:12,dependencia:13'); null: no suggestion row. */
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

export interface FuenteDesempeno extends CifrasDesempeno {
  /** null: the catalog's phrases. */
  modeloId: number | null;
  origen: ModeloVigente['origen'] | null;
  version: number | null;
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
  /** 'YYYY-MM-DD', Bogota, inclusive. */
  desde: string;
  hasta: string;
  semanas: string[];
  radicados: number;
  objetivos: DesempenoObjetivo[];
}

export const MAXIMO_CONFUSIONES = 5;
export const MAXIMO_NUMEROS = 10;

/** The model of the objetivo in a recorded `modelo` field ('tipo:12,dependencia:13'), or null (phrases). */
export function modeloDelObjetivo(modelo: string | null, objetivo: Objetivo): number | null {
  if (!modelo) return null;
  for (const parte of modelo.split(',')) {
    const [o, id] = parte.split(':');
    if (o === objetivo && id && /^\d+$/.test(id)) return Number(id);
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
 * The figures per objetivo and source. `modelos` names the model ids found in the rows (a model
 * no longer stored still counts, without origin or version); `nombre` names a catalog code.
 */
export function desempenoSugerencias(
  usos: readonly UsoSugerencia[],
  modelos: readonly Pick<ModeloVigente, 'id' | 'origen' | 'version'>[],
  nombre: (objetivo: Objetivo, codigo: string) => string = (_o, c) => c,
): Pick<DesempenoSugerencias, 'radicados' | 'objetivos'> {
  const porId = new Map(modelos.map((m) => [m.id, m]));
  const objetivos = OBJETIVOS.map((objetivo): DesempenoObjetivo => {
    const fuentes = new Map<number | null, CifrasDesempeno>();
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
      const id = modeloDelObjetivo(u.modelo, objetivo);
      let f = fuentes.get(id);
      if (!f) fuentes.set(id, (f = vacias()));
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
        .map(([id, cifras]): FuenteDesempeno => {
          const m = id === null ? undefined : porId.get(id);
          return { modeloId: id, origen: m?.origen ?? null, version: m?.version ?? null, ...cifras };
        })
        // Newest model first (ids grow with each model stored), the phrases last.
        .sort((a, b) => (b.modeloId ?? -1) - (a.modeloId ?? -1)),
      total,
      sinSugerencia,
      confusiones: [...confusiones.values()]
        .sort((a, b) => b.veces - a.veces || a.sugerido.localeCompare(b.sugerido) || a.final.localeCompare(b.final))
        .slice(0, MAXIMO_CONFUSIONES),
    };
  });
  return { radicados: usos.length, objetivos };
}

/** 'Frases del catálogo', 'Esta estación, versión 3', 'La entidad (central), versión 2'. */
export function nombreFuente(f: Pick<FuenteDesempeno, 'modeloId' | 'origen' | 'version'>): string {
  if (f.modeloId === null) return 'Frases del catálogo';
  if (f.origen === null || f.version === null) return `Modelo ${f.modeloId} (ya no está en la estación)`;
  return `${f.origen === 'central' ? 'La entidad (central)' : 'Esta estación'}, versión ${f.version}`;
}
