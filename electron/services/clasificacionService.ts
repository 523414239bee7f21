import type { StationContext } from './context';
import type { EjemploEtiquetado, FilaModelo } from '../store/clasificacionRepo';
import { explicar, type Ejemplo, type Explicacion } from '../../shared/classifier';
import type { Catalogo } from '../../shared/domain/catalog';
import {
  OBJETIVOS,
  combinar,
  describirModelos,
  objetivosDeLaEntidad,
  fuenteGeneral,
  frasesQueApuntan,
  indiceFrases,
  MAXIMO_POR,
  normalizarFrase,
  puntuarFrases,
  type EstadoClasificador,
  type FuenteSugerencia,
  type IndiceFrases,
  type Objetivo,
  type ResultadoSugerencias,
  type Sugerido,
} from '../../shared/sugerencias';
import { RadicaError } from '../../shared/ipc/result';
import { formatFechaHora } from '../../shared/domain/bogota';
import { validarEjemplos } from '../../shared/sugerencias/importacion';
import { cargarModelo, predecirCodigos, type Modelo } from './motorClasificador';
import type { Entrenador } from './entrenador';


/** Newest radicados used for training: a station's recent practice, and a bounded training time. */
export const MAXIMO_EJEMPLOS = 20_000;
/** A radicado a coordinator reviewed (its labels confirmed or corrected) counts as this many. */
export const PESO_CORRECCION = 3;
/** Retrain when this many review marks arrived since the last model: corrections reach suggestions the same day. */
export const REVISIONES_PARA_REENTRENAR = 25;
/** Retrain when this many radicados arrived since the last model… */
export const NUEVOS_PARA_REENTRENAR = 200;
/** …or every day if any arrived; and a first model once this many examples exist. */
export const REENTRENAR_CADA_MS = 24 * 3600_000;
export const MINIMO_PRIMER_MODELO = 20;
/** The longest text read for a suggestion (a pasted OCR page is cut here), and kept of an imported one. */
export const MAX_TEXTO = 4000;

interface ModeloEnMemoria {
  fila: FilaModelo;
  modelo: Modelo;
}

export interface FilaImportar {
  texto: string;
  tipo?: string | null;
  dependencia?: string | null;
  peso?: number | null;
}

export interface ResultadoImportacion {
  importados: number;
  rechazados: { fila: number; motivo: string }[];
}

/**
 * Suggestions of tipo and dependencia while the clerk types (catalog phrases + learned models),
 * training of new model versions from the station's radicados, coordinators' corrections and
 * imported examples, and the import of a previous system's labelled texts.
 */
export class ClasificacionService {
  private readonly modelos = new Map<Objetivo, ModeloEnMemoria | null>();
  private indice: IndiceFrases | null = null;
  private enCurso: Promise<EstadoClasificador> | null = null;
  private ultimo: EstadoClasificador['ultimoEntrenamiento'] = null;

  constructor(
    private readonly ctx: StationContext,
    private readonly entrenador: Entrenador,
  ) {}

  /** Fast path (each keystroke, debounced): phrases and cached models, one tiny query per objetivo. */
  sugerir(texto: string): ResultadoSugerencias {
    const t = texto.slice(0, MAX_TEXTO);
    const normalizado = normalizarFrase(t);
    if (normalizado === '') return { tipos: [], dependencias: [], modelo: null, fuente: null };
    const { catalogo } = this.ctx.catalogoVigente();
    const indice = this.indiceDe(catalogo);
    const usados: Partial<Record<Objetivo, number>> = {};
    const fuentes: (FuenteSugerencia | null)[] = [];
    const listas = {} as Record<Objetivo, Sugerido[]>;
    for (const objetivo of OBJETIVOS) {
      const m = this.modeloVigente(objetivo);
      const entradas = objetivo === 'tipo' ? catalogo.tipos : catalogo.dependencias;
      const validos = new Set(entradas.filter((e) => e.activo).map((e) => e.codigo));
      const frases = puntuarFrases(indice, objetivo, normalizado);
      const c = combinar(frases, m ? { predicciones: predecirCodigos(m.modelo, t), ejemplos: m.fila.ejemplos } : null, validos);
      if (m && c.pesoModelo > 0) usados[objetivo] = m.fila.id;
      fuentes.push(c.fuente);
      const nombres = new Map(entradas.map((e) => [e.codigo, e.nombre]));
      // The model's reasons are computed only when a suggestion has no phrase to show.
      let explicacion: Explicacion | null = null;
      const palabrasDelModelo = (codigo: string) => (explicacion ??= explicar(m!.modelo, t)).palabras(codigo, MAXIMO_POR);
      listas[objetivo] = c.puntajes.map((p) => {
        let por = frasesQueApuntan(frases, p.codigo, c.pesoModelo);
        if (por.length === 0 && m && c.pesoModelo > 0) por = palabrasDelModelo(p.codigo);
        return { codigo: p.codigo, nombre: nombres.get(p.codigo) ?? p.codigo, probabilidad: redondear(p.probabilidad), ...(por.length ? { por } : {}) };
      });
    }
    return { tipos: listas.tipo, dependencias: listas.dependencia, modelo: describirModelos(usados), fuente: fuenteGeneral(fuentes) };
  }

  /** Changes when a suggestion could change: a new model of either objetivo, or a new catalog. */
  versionModelos(): string {
    const c = this.ctx.catalogoVigente().catalogo.version;
    return `${c}/${this.ctx.clasificacion.ultimoModeloId('tipo') ?? 0}/${this.ctx.clasificacion.ultimoModeloId('dependencia') ?? 0}`;
  }

  private indiceDe(catalogo: Catalogo): IndiceFrases {
    if (this.indice?.version !== catalogo.version) this.indice = indiceFrases(catalogo);
    return this.indice;
  }

  /** The newest model of the objetivo; another process (the CLI, a scheduled run) may have trained one. */
  private modeloVigente(objetivo: Objetivo): ModeloEnMemoria | null {
    const id = this.ctx.clasificacion.ultimoModeloId(objetivo);
    const actual = this.modelos.get(objetivo);
    if (id === null) return null;
    if (actual && actual.fila.id === id) return actual;
    const fila = this.ctx.clasificacion.modelo(id);
    if (!fila) return null;
    const { contenido, ...resto } = fila;
    const nuevo = { fila: resto, modelo: cargarModelo(contenido) };
    this.modelos.set(objetivo, nuevo);
    return nuevo;
  }

  estado(): EstadoClasificador {
    const modelos = this.ctx.clasificacion.vigentes();
    return {
      modelos,
      ejemplosImportados: this.ctx.clasificacion.contarImportados(),
      radicadosNuevos: this.ctx.clasificacion.radicadosDesde(hastaRadicado(modelos)),
      entrenando: this.enCurso !== null,
      ultimoEntrenamiento: this.ultimo,
    };
  }

  /**
   * Trains new versions of both models. Reading the examples takes a few milliseconds here; the
   * training itself runs in the entrenador (a worker thread in the app). A second call while one
   * runs joins it.
   */
  entrenar(): Promise<EstadoClasificador> {
    this.enCurso ??= this.entrenarAhora().finally(() => {
      this.enCurso = null;
    });
    return this.enCurso;
  }

  private async entrenarAhora(): Promise<EstadoClasificador> {
    const { ctx } = this;
    const vigentes = ctx.clasificacion.vigentes();
    const deLaEntidad = objetivosDeLaEntidad(vigentes);
    if (deLaEntidad.length === OBJETIVOS.length) {
      // A local model would not be used (the entity's wins) and has seen only this window.
      const central = vigentes.reduce((a, m) => (m.creadoEn > a.creadoEn ? m : a));
      throw new RadicaError(
        'VALIDACION',
        `Esta estación usa el modelo de la entidad (versión ${central.version} del servidor central, del ${formatFechaHora(central.creadoEn)}), ` +
          'entrenado con los radicados de todas las ventanillas y las correcciones de los coordinadores. ' +
          'Para actualizarlo, el administrador ejecuta «radica central modelo entrenar» y las estaciones lo reciben al sincronizar.',
      );
    }
    const inicio = performance.now();
    const hasta = ctx.clasificacion.maxRadicadoId();
    const hastaRevision = ctx.clasificacion.maxRevisionId();
    const { ejemplos: radicados, demo, revisados } = ctx.clasificacion.ejemplosRadicados(MAXIMO_EJEMPLOS, PESO_CORRECCION);
    const importados = ctx.clasificacion.ejemplosImportados(MAXIMO_EJEMPLOS);
    const todos = [...radicados, ...importados];
    const ejemplos = ejemplosPorObjetivo(todos);
    for (const o of deLaEntidad) ejemplos[o] = [];
    if (ejemplos.tipo.length === 0 && ejemplos.dependencia.length === 0) {
      throw new RadicaError('VALIDACION', 'Todavía no hay radicados ni ejemplos importados para entrenar el clasificador. Las sugerencias siguen saliendo de las frases del catálogo.');
    }
    try {
      const entrenados = await this.entrenador({ ejemplos, creado: new Date(ctx.clock()).toISOString() });
      const en = ctx.clock();
      for (const m of entrenados) {
        ctx.clasificacion.guardarModelo({
          objetivo: m.objetivo,
          creadoEn: en,
          ejemplos: m.ejemplos,
          contenido: m.contenido,
          metricas: { ...m.metricas, hastaRadicado: hasta, hastaRevision, fuentes: { radicados: radicados.length, importados: importados.length, revisados, demo } },
        });
      }
      this.ultimo = { en, ms: Math.round(performance.now() - inicio), error: null };
    } catch (err) {
      this.ultimo = { en: ctx.clock(), ms: Math.round(performance.now() - inicio), error: err instanceof Error ? err.message : String(err) };
      throw new RadicaError('INTERNO', `No se pudo entrenar el clasificador: ${this.ultimo.error}. Las sugerencias siguen con el modelo anterior.`);
    }
    return { ...this.estado(), entrenando: false };
  }

  /**
   * For the schedule: a first model once there are examples, then after enough new radicados, or
   * daily; never once both models in use are the entity's (from the central store).
   */
  debeReentrenar(): boolean {
    if (this.enCurso) return false;
    const vigentes = this.ctx.clasificacion.vigentes();
    // The entity's model is retrained centrally; the station only receives it.
    if (objetivosDeLaEntidad(vigentes).length === OBJETIVOS.length) return false;
    // What the station trains itself: the entity's models say nothing about when that was.
    const modelos = vigentes.filter((m) => m.origen === 'local');
    const nuevos = this.ctx.clasificacion.radicadosDesde(hastaRadicado(modelos));
    if (modelos.length === 0) return nuevos + this.ctx.clasificacion.contarImportados() >= MINIMO_PRIMER_MODELO;
    const ultimo = Math.max(...modelos.map((m) => m.creadoEn));
    const marcas = this.ctx.clasificacion.revisionesDesde(hastaMetrica(modelos, 'hastaRevision'));
    return nuevos >= NUEVOS_PARA_REENTRENAR || marcas >= REVISIONES_PARA_REENTRENAR || (nuevos + marcas > 0 && this.ctx.clock() - ultimo >= REENTRENAR_CADA_MS);
  }

  /** Called by the app's timer. */
  async reentrenarSiToca(): Promise<boolean> {
    if (!this.debeReentrenar()) return false;
    await this.entrenar();
    return true;
  }

  /**
   * Labelled texts of a previous system, checked against the station's catalog (validarEjemplos,
   * the same rule as the central store's import): bad rows are reported by number, the rest kept.
   */
  importar(filas: FilaImportar[], origen: string): ResultadoImportacion {
    const { buenas, rechazados } = validarEjemplos(filas, this.ctx.catalogoVigente().catalogo, MAX_TEXTO);
    const importados = this.ctx.clasificacion.importar(buenas, origen, this.ctx.clock());
    return { importados, rechazados };
  }
}

/** Labelled texts as training examples of each objetivo (a text without that label is left out of it). */
export function ejemplosPorObjetivo(filas: readonly EjemploEtiquetado[]): Record<Objetivo, Ejemplo[]> {
  const ejemplos = {} as Record<Objetivo, Ejemplo[]>;
  for (const o of OBJETIVOS) {
    ejemplos[o] = filas.flatMap((e) => {
      const etiqueta = o === 'tipo' ? e.tipo : e.dependencia;
      return etiqueta ? [{ texto: e.texto, etiqueta, peso: e.peso }] : [];
    });
  }
  return ejemplos;
}

function hastaMetrica(modelos: FilaModelo[], clave: 'hastaRadicado' | 'hastaRevision'): number {
  return Math.max(0, ...modelos.map((m) => (typeof m.metricas[clave] === 'number' ? m.metricas[clave] : 0)));
}

function hastaRadicado(modelos: FilaModelo[]): number {
  return hastaMetrica(modelos, 'hastaRadicado');
}


function redondear(p: number): number {
  return Math.round(p * 1000) / 1000;
}
