/**
 * The weekly misclassification review (issue 6): the coordinator's queue (everything, a sample per
 * ventanilla, or ranked by risk), her marks, the weekly report in four formats, the clerk's own
 * feedback and the dashboard. Reads and writes through a FuenteRevision: this station's store now,
 * the central PostgreSQL store in coordinator mode.
 */
import { randomUUID } from 'node:crypto';
import type { StationContext } from './context';
import type { ClasificacionService } from './clasificacionService';
import type { FuenteRevision, AlcanceConsulta } from '../revision/fuente';
import { FuenteRevisionEstacion } from '../revision/fuenteEstacion';
import { generarArchivoInforme } from '../informes';
import { RadicaError } from '../../shared/ipc/result';
import type { Usuario } from '../../shared/domain/radicado';
import { CANALES } from '../../shared/domain/radicado';
import { semanaPedida } from './semanas';
import { describeTermino, findDependencia, findTipo, type Catalogo } from '../../shared/domain/catalog';
import { calcularVencimiento, describeVencimiento } from '../../shared/domain/terms';
import {
  semanasHasta,
  type ColaRevision,
  type InformeSemanal,
  type ItemRevision,
  type MarcaRevision,
  type ObservacionInforme,
  type RadicadoRevisable,
  type ResultadoMarca,
  type Retroalimentacion,
  type SemanaIso,
  type SugerenciasInforme,
  type Tablero,
} from '../../shared/domain/revision';
import { calcularRiesgos, type Puntajes, type Riesgo } from '../../shared/revision/riesgo';
import { confusion, conteo, figurasDe, porFuncionario, porVentanilla, tendencia } from '../../shared/revision/estadisticas';
import { muestraPorGrupo, semillaDe } from '../../shared/revision/muestra';
import { desempenoSugerencias, type DesempenoSugerencias } from '../../shared/sugerencias/desempeno';
import type { ArchivoInforme, ValidadoDe } from '../../shared/ipc/contract';

/** Weeks of trend in the report and of feedback by default. */
export const SEMANAS_TENDENCIA = 8;
/** Background scoring looks this far back (a week under review and the one before). */
const PRECALCULAR_DIAS = 15;

export class RevisionService {
  /** Bumped whenever stored scores change, so a memoised ranking is not reused. */
  private generacionPuntajes = 0;
  private memo: { clave: string; puntajes: Puntajes[]; riesgos: Riesgo[] } | null = null;

  /** This station's radicados, or in coordinator mode the central store (electron/central/coordinacion.ts). */
  private fuente: FuenteRevision;

  constructor(
    private readonly ctx: StationContext,
    private readonly clasificacion: ClasificacionService,
  ) {
    this.fuente = new FuenteRevisionEstacion(ctx);
  }

  /** Coordinator mode switched on (the central store) or off (null: this station's radicados). */
  usarFuente(fuente: FuenteRevision | null): void {
    this.fuente = fuente ?? new FuenteRevisionEstacion(this.ctx);
    this.memo = null;
  }

  private semana(texto: string): SemanaIso {
    return semanaPedida(texto, this.ctx.clock());
  }

  private alcance(s: SemanaIso, input: { sede?: string; ventanillas?: string[] }): AlcanceConsulta {
    return { inicioMs: s.inicioMs, finMs: s.finMs, sede: input.sede, ventanillas: input.ventanillas };
  }

  /** What the classifier thinks of an asunto now (the top tipos and dependencias). */
  private puntuar(asunto: string): Puntajes {
    const sug = this.clasificacion.sugerir(asunto);
    return {
      tipo: sug.tipos.map((t) => ({ codigo: t.codigo, probabilidad: t.probabilidad })),
      dependencia: sug.dependencias.map((d) => ({ codigo: d.codigo, probabilidad: d.probabilidad })),
    };
  }

  /**
   * Scores of the queue's radicados from the cache; only radicados never scored are scored now.
   * A score from an older model is used as it is (the background job refreshes it): the queue
   * must open in a second on Monday even if the model was retrained on Sunday.
   */
  private puntajesDe(radicados: readonly RadicadoRevisable[]): Puntajes[] {
    const guardados = this.ctx.revisiones.puntajes(radicados.map((r) => r.numero));
    const nuevos: { numero: string; puntajes: string }[] = [];
    const out = radicados.map((r) => {
      const g = guardados.get(r.numero);
      if (g) return JSON.parse(g.puntajes) as Puntajes;
      const p = this.puntuar(r.asunto);
      nuevos.push({ numero: r.numero, puntajes: JSON.stringify(p) });
      return p;
    });
    if (nuevos.length > 0) this.ctx.revisiones.guardarPuntajes(nuevos, this.clasificacion.versionModelos(), this.ctx.clock());
    return out;
  }

  /**
   * The risks of the week's radicados. They depend on the radicados, the scores and the catalog,
   * not on the marks: the coordinator reloads the queue after every few marks, and the same week
   * is not ranked again unless a radicado, a score or the model changed.
   */
  private riesgosDe(semana: SemanaIso, input: { sede?: string; ventanillas?: string[] }, radicados: readonly RadicadoRevisable[], catalogo: Catalogo) {
    const clave = JSON.stringify([semana.semana, input.sede, input.ventanillas, radicados.length, radicados.at(-1)?.numero, this.generacionPuntajes, catalogo.version, this.clasificacion.versionModelos()]);
    if (this.memo?.clave !== clave) {
      const puntajes = this.puntajesDe(radicados);
      this.memo = { clave, puntajes, riesgos: calcularRiesgos(radicados, puntajes, catalogo) };
    }
    return this.memo;
  }

  /**
   * Scores up to `limite` recent radicados that the current models have not scored yet (new ones,
   * or all of them after a retraining). The app calls it on a timer, a few hundred at a time.
   */
  precalcular(limite = 200): number {
    const version = this.clasificacion.versionModelos();
    const pendientes = this.ctx.revisiones.sinPuntaje(this.ctx.clock() - PRECALCULAR_DIAS * 86_400_000, version, limite);
    if (pendientes.length === 0) return 0;
    const filas = pendientes.map((r) => ({ numero: r.numero, puntajes: JSON.stringify(this.puntuar(r.asunto)) }));
    this.ctx.revisiones.guardarPuntajes(filas, version, this.ctx.clock());
    this.generacionPuntajes++;
    return filas.length;
  }

  async cola(input: ValidadoDe<'revision:cola'>): Promise<ColaRevision> {
    const semana = this.semana(input.semana);
    const radicados = await this.fuente.radicados(this.alcance(semana, input));
    const { catalogo } = this.ctx.catalogoVigente();
    const { puntajes, riesgos } = this.riesgosDe(semana, input, radicados, catalogo);
    let items = radicados.map((r, i) => itemDe(r, puntajes[i]!, riesgos[i]!, catalogo));
    const porRiesgo = (a: ItemRevision, b: ItemRevision) => b.riesgo - a.riesgo || a.fechaHora - b.fechaHora || a.numero.localeCompare(b.numero);
    if (input.modo === 'muestra') {
      const n = input.muestra ?? 20;
      items = muestraPorGrupo(items, (i) => `${i.sede}-${i.ventanilla}`, n, input.semilla ?? semillaDe(semana.semana)).sort(porRiesgo);
    } else if (input.modo === 'riesgo') {
      items.sort(porRiesgo);
    }
    // Every ventanilla of the week, whatever the filter: the coordinator picks from this list.
    const todas = input.ventanillas?.length ? await this.fuente.resumen(this.alcance(semana, { sede: input.sede })) : radicados;
    const ventanillas = [...new Set(todas.map((r) => `${r.sede}\u0000${r.ventanilla}`))].sort().map((k) => {
      const [sede, ventanilla] = k.split('\u0000') as [string, string];
      return { sede, ventanilla };
    });
    return { semana, modo: input.modo, total: radicados.length, revisados: radicados.filter((r) => r.marca).length, ventanillas, items };
  }

  async marcar(input: ValidadoDe<'revision:marcar'>, sesion: Usuario): Promise<ResultadoMarca> {
    const r = await this.fuente.radicado(input.numero);
    if (!r) throw new RadicaError('NO_ENCONTRADO', `No existe el radicado ${input.numero}. Revise el número.`);
    if (r.anulado) throw new RadicaError('CONFLICTO', `El radicado ${input.numero} está anulado: no entra en la revisión.`);
    const { catalogo, calendario } = this.ctx.catalogoVigente();
    const tipo = input.tipoCorrecto ? findTipo(catalogo, input.tipoCorrecto) : null;
    if (input.tipoCorrecto && !tipo) {
      throw new RadicaError('VALIDACION', `El tipo documental ${input.tipoCorrecto} no está en el catálogo.`, { tipoCorrecto: 'Elija un tipo del catálogo.' });
    }
    if (input.tipoCorrecto === r.tipo) {
      throw new RadicaError('VALIDACION', `${r.numero} ya está radicado como ${r.tipo}: si el tipo está bien, no lo corrija.`, { tipoCorrecto: 'Es el mismo tipo con que se radicó.' });
    }
    if (input.dependenciaCorrecta && !findDependencia(catalogo, input.dependenciaCorrecta)) {
      throw new RadicaError('VALIDACION', `La dependencia ${input.dependenciaCorrecta} no está en el catálogo.`, { dependenciaCorrecta: 'Elija una dependencia del catálogo.' });
    }
    if (input.dependenciaCorrecta === r.dependencia) {
      throw new RadicaError('VALIDACION', `${r.numero} ya está dirigido a ${r.dependencia}: si la dependencia está bien, no la corrija.`, {
        dependenciaCorrecta: 'Es la misma dependencia a la que se dirigió.',
      });
    }
    const marca: MarcaRevision = {
      uid: randomUUID(),
      numero: r.numero,
      veredicto: input.veredicto,
      tipoCorrecto: input.tipoCorrecto,
      dependenciaCorrecta: input.dependenciaCorrecta,
      observacion: input.observacion,
      revisor: sesion.usuario,
      revisorNombre: sesion.nombre,
      revisadoEn: this.ctx.clock(),
    };
    await this.fuente.marcar(marca);
    let terminoCorrecto: string | null = null;
    if (tipo) {
      const v = calcularVencimiento(r.fechaHora, { cantidad: tipo.termino, unidad: tipo.unidad }, calendario);
      const radicado = describeVencimiento(r);
      const vence = v.venceEl || v.venceEn ? `, vencía el ${describeVencimiento(v)}` : '';
      terminoCorrecto =
        `Con ${tipo.codigo} · ${tipo.nombre}: ${describeTermino(tipo)}${vence}` +
        ` (se radicó como ${r.tipo} con ${describeTermino({ termino: r.termino, unidad: r.unidadTermino })}${radicado === 'Sin término' ? '' : `, vence el ${radicado}`}).`;
    }
    return { marca, terminoCorrecto };
  }

  async mia(input: ValidadoDe<'revision:mia'>, sesion: Usuario): Promise<Retroalimentacion> {
    const semanas = semanasHasta(this.semana('actual'), input.semanas);
    const alcance = { inicioMs: semanas[0]!.inicioMs, finMs: semanas.at(-1)!.finMs, radicador: sesion.usuario };
    const radicados = await this.fuente.radicados(alcance);
    return {
      funcionario: sesion.usuario,
      nombre: sesion.nombre,
      semanas: tendencia(radicados, semanas),
      // Newest first: what she did wrong last is what she wants to read first.
      observaciones: observacionesDe(radicados, true).reverse(),
    };
  }

  async informe(input: ValidadoDe<'informe:semanal'>, sesion: Usuario): Promise<InformeSemanal> {
    const semana = this.semana(input.semana);
    const semanas = semanasHasta(semana, SEMANAS_TENDENCIA);
    const radicados = await this.fuente.radicados(this.alcance(semana, input));
    const anteriores = await this.fuente.tendencia({ sede: input.sede, ventanillas: input.ventanillas }, semanas.slice(0, -1));
    const { catalogo } = this.ctx.catalogoVigente();
    const estacion = this.ctx.estacion();
    const sedes = input.sede ? [input.sede] : [...new Set(radicados.map((r) => r.sede))].sort();
    return {
      semana: semana.semana,
      desde: semana.desde,
      hasta: semana.hasta,
      entidad: estacion.entidad,
      sedes: sedes.length ? sedes : [estacion.sede],
      generadoEn: this.ctx.clock(),
      firmadoPor: sesion.nombre,
      totales: figurasDe(radicados),
      ventanillas: porVentanilla(radicados),
      funcionarios: porFuncionario(radicados),
      confusion: confusion(radicados, 'tipo'),
      direccionamiento: confusion(radicados, 'dependencia'),
      observaciones: observacionesDe(radicados, false),
      tendencia: [...anteriores, ...tendencia(radicados, semanas.slice(-1))],
      sugerencias: await this.sugerenciasDe(this.alcance(semana, input)),
      nombres: {
        tipos: Object.fromEntries(catalogo.tipos.map((t) => [t.codigo, t.nombre])),
        dependencias: Object.fromEntries(catalogo.dependencias.map((d) => [d.codigo, d.nombre])),
      },
    };
  }

  async archivo(input: ValidadoDe<'informe:archivo'>, sesion: Usuario): Promise<ArchivoInforme> {
    const informe = await this.informe(input, sesion);
    const a = await generarArchivoInforme(informe, input.formato);
    return { nombre: a.nombre, tipoMime: a.tipoMime, base64: Buffer.from(a.bytes).toString('base64') };
  }

  async tablero(input: ValidadoDe<'tablero:obtener'>): Promise<Tablero> {
    const semanas = semanasHasta(this.semana(input.hasta), input.semanas);
    const filas = await this.fuente.resumen({ inicioMs: semanas[0]!.inicioMs, finMs: semanas.at(-1)!.finMs, sede: input.sede });
    const { catalogo } = this.ctx.catalogoVigente();
    const nombreDe = (entradas: { codigo: string; nombre: string }[]) => {
      const m = new Map(entradas.map((e) => [e.codigo, e.nombre]));
      return (c: string) => m.get(c) ?? c;
    };
    return {
      desde: semanas[0]!.desde,
      hasta: semanas.at(-1)!.hasta,
      semanas: semanas.map((s) => s.semana),
      porTipo: conteo(filas, (f) => f.tipo, nombreDe(catalogo.tipos)),
      porCanal: conteo(filas, (f) => f.canal, (c) => CANALES[c as keyof typeof CANALES] ?? c),
      porDependencia: conteo(filas, (f) => f.dependencia, nombreDe(catalogo.dependencias)),
      porVentanilla: conteo(
        filas,
        (f) => `${f.sede}-${f.ventanilla}`,
        (c) => `Sede ${c.split('-')[0]} · ventanilla ${c.split('-')[1]}`,
      ),
      serie: await this.fuente.tendencia({ sede: input.sede }, semanas),
    };
  }

  /**
   * How the suggestions did at the window over some weeks, per objetivo and model, judged against
   * the review (shared/sugerencias/desempeno.ts): this station's, or in coordinator mode every
   * ventanilla of her sedes.
   */
  async desempenoSugerencias(input: ValidadoDe<'clasificador:desempeno'>): Promise<DesempenoSugerencias> {
    const semanas = semanasHasta(this.semana(input.hasta), input.semanas);
    return {
      desde: semanas[0]!.desde,
      hasta: semanas.at(-1)!.hasta,
      semanas: semanas.map((s) => s.semana),
      ...(await this.sugerenciasDe({ inicioMs: semanas[0]!.inicioMs, finMs: semanas.at(-1)!.finMs })),
    };
  }

  private async sugerenciasDe(a: Omit<AlcanceConsulta, 'radicador'>): Promise<SugerenciasInforme> {
    const { usos, modelos } = await this.fuente.usosSugerencias(a);
    const n = nombresDe(this.ctx.catalogoVigente().catalogo);
    return { alcance: this.fuente.alcance, ...desempenoSugerencias(usos, modelos, (o, c) => (o === 'tipo' ? n.tipos : n.dependencias).get(c) ?? c) };
  }
}

const nombres = new WeakMap<Catalogo, { tipos: Map<string, string>; dependencias: Map<string, string> }>();

function nombresDe(catalogo: Catalogo) {
  let n = nombres.get(catalogo);
  if (!n) {
    n = { tipos: new Map(catalogo.tipos.map((t) => [t.codigo, t.nombre])), dependencias: new Map(catalogo.dependencias.map((d) => [d.codigo, d.nombre])) };
    nombres.set(catalogo, n);
  }
  return n;
}

function itemDe(r: RadicadoRevisable, p: Puntajes, riesgo: { riesgo: number; motivos: string[] }, catalogo: Catalogo): ItemRevision {
  const n = nombresDe(catalogo);
  return {
    numero: r.numero,
    fechaHora: r.fechaHora,
    sede: r.sede,
    ventanilla: r.ventanilla,
    radicador: r.radicador,
    radicadorNombre: r.radicadorNombre,
    canal: r.canal,
    asunto: r.asunto,
    tipo: r.tipo,
    tipoNombre: n.tipos.get(r.tipo) ?? r.tipo,
    dependencia: r.dependencia,
    dependenciaNombre: n.dependencias.get(r.dependencia) ?? r.dependencia,
    termino: describeTermino({ termino: r.termino, unidad: r.unidadTermino }),
    venceEl: r.venceEl,
    riesgo: riesgo.riesgo,
    motivos: riesgo.motivos,
    clasificador: { tipo: p.tipo[0] ?? null, dependencia: p.dependencia[0] ?? null },
    marca: r.marca,
  };
}

/**
 * The observations of the reviewed radicados, oldest first. For the report: the marks with a text.
 * For the clerk's feedback also every correction, so she sees each mistake even without a comment.
 */
function observacionesDe(radicados: readonly RadicadoRevisable[], conCorrecciones: boolean): ObservacionInforme[] {
  const out: ObservacionInforme[] = [];
  for (const r of radicados) {
    const m = r.marca;
    if (!m || !(m.observacion || (conCorrecciones && m.veredicto === 'incorrecto'))) continue;
    out.push({
      numero: r.numero,
      fechaHora: r.fechaHora,
      sede: r.sede,
      ventanilla: r.ventanilla,
      funcionario: r.radicador,
      nombre: r.radicadorNombre,
      veredicto: m.veredicto,
      tipo: r.tipo,
      tipoCorrecto: m.tipoCorrecto,
      dependencia: r.dependencia,
      dependenciaCorrecta: m.dependenciaCorrecta,
      observacion: m.observacion ?? '',
      revisorNombre: m.revisorNombre,
      revisadoEn: m.revisadoEn,
    });
  }
  return out;
}
