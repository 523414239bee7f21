import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StationContext } from './context';
import type { RadicacionService } from './radicacionService';
import type { ConfigImpresion, EstadoImpresora, ImpresoraConfig, TrabajoImpresion } from '../../shared/domain/impresion';
import type { Radicado, Usuario } from '../../shared/domain/radicado';
import type { ValidadoDe } from '../../shared/ipc/contract';
import { configImpresionSchema } from '../../shared/ipc/contract';
import { RadicaError } from '../../shared/ipc/result';
import { formatFechaHora } from '../../shared/domain/bogota';
import { describeVencimiento } from '../../shared/domain/terms';
import { construirLayout } from '../../shared/sticker/layout';
import { ajustarATamano } from '../../shared/sticker/escala';
import type { DatosSticker, Documento, Plantilla, StickerLayout } from '../../shared/sticker/types';
import type { FilaTrabajo } from '../store/trabajosRepo';
import { describirImpresora, FalloImpresion, type FabricaTransportes } from '../printing/transports';
import { layoutAPdf } from '../printing/pdf';
import { layoutAEscPos } from '../printing/escpos';
import { logError } from '../log';

/** Waits between automatic retries of a job: quick at first (a cable put back), then every 5 min. */
export const ESPERAS_REINTENTO_MS = [5_000, 15_000, 60_000, 300_000] as const;
export function esperaReintento(intentos: number): number {
  return ESPERAS_REINTENTO_MS[Math.min(Math.max(intentos, 1), ESPERAS_REINTENTO_MS.length) - 1]!;
}

/**
 * While one process sends a job, others leave it alone for this long (the job's proximo_intento is
 * moved forward as a lease). A process that dies mid-send frees the job when the lease runs out.
 */
const ARRIENDO_MS = 60_000;

const CLAVE_CONFIG = 'impresion';

/** Default for a new station: PDF files in the data directory, so radicar works before IT sets printers up. */
export function configPorDefecto(dataDir: string): ConfigImpresion {
  return {
    impresoras: [
      {
        id: 'pdf',
        nombre: 'Rótulos en PDF',
        uri: pathToFileURL(path.resolve(dataDir, 'rotulos')).href.replace(/^file:/, 'pdf:'),
        formato: 'pdf',
        plantilla: 'etiqueta-100x50',
        modoCodigos: 'nativo',
        predeterminada: true,
        constancias: true,
        tamano: null,
      },
    ],
    imprimirAlRadicar: true,
    imprimirConstancia: false,
    urlConsulta: 'https://ventanilla.example.gov.co/consulta?numero={numero}&codigo={codigo}',
    urlEncuesta: null,
  };
}

/** {numero} and {codigo} in the consultation URL, URL-encoded. */
export function urlDeConsulta(plantilla: string, numero: string, codigo: string): string {
  return plantilla.replaceAll('{numero}', encodeURIComponent(numero)).replaceAll('{codigo}', encodeURIComponent(codigo));
}

/** The layout at the size of the labels loaded in this printer. */
export function paraImpresora(layout: StickerLayout, impresora: ImpresoraConfig): StickerLayout {
  return impresora.tamano && impresora.formato === 'pdf' ? ajustarATamano(layout, impresora.tamano) : layout;
}

/** What the sticker says about a radicado, resolved to text in Bogotá time. */
export function datosSticker(
  r: Radicado,
  o: { entidad: string; codigoVerificacion: string; config: ConfigImpresion; copia: boolean },
): DatosSticker {
  return {
    entidad: o.entidad,
    numero: r.numero,
    fechaHora: formatFechaHora(r.fechaHora),
    sede: r.sede,
    ventanilla: r.ventanilla,
    radicador: r.radicadorNombre,
    tipo: `${r.tipo} · ${r.tipoNombre}`,
    dependencia: `${r.dependencia} · ${r.dependenciaNombre}`,
    folios: r.folios,
    anexos: r.anexos,
    remitente: r.remitente.nombres,
    asunto: r.asunto,
    vence: describeVencimiento(r),
    codigoVerificacion: o.codigoVerificacion,
    urlConsulta: urlDeConsulta(o.config.urlConsulta, r.numero, o.codigoVerificacion),
    urlEncuesta: o.config.urlEncuesta,
    copia: o.copia,
    anulado: r.estado === 'ANULADO',
  };
}

/** What a test print says: plainly not a radicado (no number of any series, no real code). */
export function datosPrueba(entidad: string, ahora: number, config: ConfigImpresion, impresora: ImpresoraConfig): DatosSticker {
  return {
    entidad,
    numero: 'PRUEBA-0000',
    fechaHora: formatFechaHora(ahora),
    sede: '00',
    ventanilla: '00',
    radicador: 'Prueba de impresión',
    tipo: 'PRUEBA · Página de prueba (no es un radicado)',
    dependencia: `Impresora: ${impresora.nombre}`,
    folios: 0,
    anexos: null,
    remitente: 'Ñandú Pérez — áéíóú ÁÉÍÓÚ ü ¿? ¡!',
    asunto: 'Prueba de impresión: si lee bien las tildes y la ñ, y el lector lee el código de barras y el QR, la impresora está lista.',
    vence: 'Sin término',
    codigoVerificacion: '0000-0000',
    urlConsulta: urlDeConsulta(config.urlConsulta, 'PRUEBA-0000', '0000-0000'),
    urlEncuesta: config.urlEncuesta,
    copia: false,
    anulado: false,
  };
}

/** Where a literal URI given on the command line is sent, when no --formato/--plantilla says otherwise. */
export function impresoraDeUri(uri: string, o: { formato?: 'escpos' | 'pdf'; plantilla?: Plantilla } = {}): ImpresoraConfig {
  const termica = uri.startsWith('tcp://') || uri.startsWith('/dev/') || uri.startsWith('file://');
  const formato = o.formato ?? (termica ? 'escpos' : 'pdf');
  return {
    id: uri,
    nombre: uri,
    uri,
    formato,
    plantilla: o.plantilla ?? (formato === 'escpos' ? 'recibo-80' : 'etiqueta-100x50'),
    modoCodigos: 'nativo',
    predeterminada: false,
    constancias: false,
    tamano: null,
  };
}

/**
 * The print queue. The radicado is committed before anything here runs (radicar never waits for a
 * printer); a job is persisted first and sent after, so a printer that is off, out of paper or
 * unreachable leaves it waiting with a clear status while the clerk keeps radicating.
 */
export class ImpresionService {
  /** Jobs this process is sending right now (the queue timer and a clerk's retry must not overlap). */
  private readonly enCurso = new Set<number>();
  private procesando: Promise<TrabajoImpresion[]> | null = null;

  constructor(
    private readonly ctx: StationContext,
    private readonly radicacion: RadicacionService,
    private readonly transportes: FabricaTransportes,
  ) {}

  // ----- configuration ---------------------------------------------------------------------------

  config(): ConfigImpresion {
    const guardada = this.ctx.config.valor(CLAVE_CONFIG);
    if (!guardada) return configPorDefecto(this.ctx.dataDir);
    return configImpresionSchema.parse(JSON.parse(guardada)) as ConfigImpresion;
  }

  configurar(input: ValidadoDe<'impresion:configurar'>, actor: Usuario): ConfigImpresion {
    const config = input as ConfigImpresion;
    validarConfig(config);
    const { ctx } = this;
    ctx.db
      .transaction(() => {
        ctx.config.fijarValor(CLAVE_CONFIG, JSON.stringify(config));
        ctx.audit.append({
          en: ctx.clock(),
          actor: actor.usuario,
          accion: 'configurar_impresion',
          radicadoId: null,
          detalle: { impresoras: config.impresoras.map((i) => ({ id: i.id, uri: i.uri, formato: i.formato, plantilla: i.plantilla })) },
        });
      })
      .immediate();
    return config;
  }

  private impresoraConfigurada(id: string, config = this.config()): ImpresoraConfig {
    const i = config.impresoras.find((x) => x.id === id);
    if (!i) {
      const ids = config.impresoras.map((x) => x.id).join(', ');
      throw new RadicaError('VALIDACION', `No hay una impresora «${id}» en esta estación. Impresoras configuradas: ${ids || 'ninguna'}.`, {
        impresora: 'Elija una impresora configurada.',
      });
    }
    return i;
  }

  /** The printer for this document: the one asked for, or the station's default (receipts: the receipt printer). */
  private elegirImpresora(id: string | null | undefined, documento: Documento, config = this.config()): ImpresoraConfig {
    if (id) return this.impresoraConfigurada(id, config);
    const elegida =
      (documento === 'constancia' ? config.impresoras.find((i) => i.constancias) : undefined) ??
      config.impresoras.find((i) => i.predeterminada) ??
      config.impresoras[0];
    if (!elegida) throw new RadicaError('VALIDACION', 'Esta estación no tiene impresoras configuradas. Pida al administrador que configure una.');
    return elegida;
  }

  // ----- the sticker -----------------------------------------------------------------------------

  private layoutDe(r: Radicado, plantilla: Plantilla, documento: Documento, copia: boolean, config = this.config()): StickerLayout {
    const datos = datosSticker(r, {
      entidad: this.ctx.estacion().entidad,
      codigoVerificacion: this.ctx.codigoVerificacion(r.numero, r.fechaHora),
      config,
      copia,
    });
    return construirLayout(datos, plantilla, documento);
  }

  /** The layout the UI previews (and every printer draws). */
  vista(input: ValidadoDe<'sticker:vista'>, actor: Usuario): StickerLayout {
    const { radicado } = this.radicacion.visible(input.numero, actor);
    const config = this.config();
    const impresora = this.elegirImpresora(null, input.documento, config);
    const plantilla = input.plantilla ?? impresora.plantilla;
    const layout = this.layoutDe(radicado, plantilla, input.documento, input.copia, config);
    // The preview shows the stock of the printer that will print it.
    return plantilla === impresora.plantilla ? paraImpresora(layout, impresora) : layout;
  }

  /** The sticker's bytes for one printer: PDF or ESC/POS (`radica sticker` writes them to a file). */
  async bytes(layout: StickerLayout, formato: 'escpos' | 'pdf', modoCodigos: 'nativo' | 'raster' = 'nativo'): Promise<Buffer> {
    return formato === 'pdf' ? layoutAPdf(layout) : layoutAEscPos(layout, { modoCodigos });
  }

  async archivo(
    input: { numero: string; plantilla: Plantilla; documento: Documento; copia: boolean; formato: 'escpos' | 'pdf' },
    actor: Usuario,
  ): Promise<Buffer> {
    const { radicado } = this.radicacion.visible(input.numero, actor);
    return this.bytes(this.layoutDe(radicado, input.plantilla, input.documento, input.copia), input.formato);
  }

  verificarCodigo(input: ValidadoDe<'sticker:verificarCodigo'>): { valido: boolean; numero: string } {
    const numero = input.numero.trim().toUpperCase();
    const r = this.radicacion.porNumero(numero);
    // An unknown number is simply not valid: the answer does not say which numbers exist.
    return { valido: r !== null && this.ctx.codigoValido(r.radicado.numero, r.radicado.fechaHora, input.codigo), numero };
  }

  // ----- the queue -------------------------------------------------------------------------------

  /**
   * Queues and sends at once. An ANULADO radicado keeps its number visible but gets no new
   * original sticker: only a reprint, which says ANULADO (the clerk may need to show what was
   * annulled). A second "original" of a sticker already printed is a reprint (COPIA, audited);
   * an original still waiting in the queue is retried (on the printer asked for) instead of queued twice.
   */
  async imprimir(input: ValidadoDe<'sticker:imprimir'> & { impresoraLiteral?: ImpresoraConfig }, actor: Usuario): Promise<TrabajoImpresion> {
    const { id: radicadoId, radicado } = this.radicacion.visible(input.numero, actor);
    const config = this.config();
    const impresora = input.impresoraLiteral ?? this.elegirImpresora(input.impresora, input.documento, config);
    const { ctx } = this;
    const creado = ctx.db
      .transaction((): { trabajo: number; nuevo: boolean } => {
        const original = ctx.trabajos.original(radicadoId, input.documento);
        let copia = input.copia;
        if (!copia && original) {
          if (original.estado !== 'impreso') return { trabajo: original.id, nuevo: false };
          copia = true;
        }
        if (!copia && radicado.estado === 'ANULADO') {
          throw new RadicaError(
            'CONFLICTO',
            `El radicado ${radicado.numero} está anulado: no se imprime su rótulo original. Si necesita el rótulo, imprima una copia (saldrá marcada ANULADO).`,
          );
        }
        const en = ctx.clock();
        const n = copia ? ctx.trabajos.siguienteCopia(radicadoId, input.documento) : 0;
        const trabajo = ctx.trabajos.crear({
          radicadoId,
          impresora,
          plantilla: input.documento === 'constancia' ? 'recibo-80' : impresora.plantilla,
          documento: input.documento,
          copia: n,
          creadoEn: en,
          creadoPor: actor.usuario,
          // Created already leased to this process: the queue timer of another process waits.
          proximoIntento: en + ARRIENDO_MS,
        });
        if (copia) {
          ctx.audit.append({
            en,
            actor: actor.usuario,
            accion: 'reimprimir',
            radicadoId,
            detalle: { copia: n, documento: input.documento, impresora: impresora.id, trabajo },
          });
        }
        return { trabajo, nuevo: true };
      })
      .immediate();
    if (!creado.nuevo) return this.reintentar({ trabajo: creado.trabajo, impresora: input.impresora ?? null, impresoraLiteral: input.impresoraLiteral }, actor);
    return this.enviar(creado.trabajo);
  }

  /** The clerk's retry, optionally on another printer. A printed job is not sent again: that is a reprint. */
  async reintentar(
    input: ValidadoDe<'impresion:reintentar'> & { impresoraLiteral?: ImpresoraConfig },
    actor: Usuario,
  ): Promise<TrabajoImpresion> {
    const fila = this.ctx.trabajos.porId(input.trabajo);
    if (!fila) throw new RadicaError('NO_ENCONTRADO', `No existe el trabajo de impresión ${input.trabajo}.`);
    // Same visibility as the radicado itself.
    this.radicacion.visible(fila.numero, actor);
    if (fila.estado === 'impreso') {
      throw new RadicaError(
        'CONFLICTO',
        `El trabajo ${fila.id} (${fila.numero}) ya se imprimió el ${formatFechaHora(fila.impresoEn!)}. Para otro rótulo use «Reimprimir»: saldrá marcado COPIA.`,
      );
    }
    if (this.enCurso.has(fila.id)) return this.aTrabajo(fila);
    const nueva = input.impresoraLiteral ?? (input.impresora ? this.impresoraConfigurada(input.impresora) : null);
    const ahora = this.ctx.clock();
    this.ctx.trabajos.reencolar(fila.id, nueva, ahora + ARRIENDO_MS);
    return this.enviar(fila.id);
  }

  /**
   * Sends the jobs whose retry time has come, one after another (the printers are slow, the
   * station is not in a hurry). Electron's main process calls it every few seconds; tests call it
   * with an injected clock. Overlapping calls share the run in progress.
   */
  procesarPendientes(limite = 20): Promise<TrabajoImpresion[]> {
    if (this.procesando) return this.procesando;
    const run = (async () => {
      const hechos: TrabajoImpresion[] = [];
      for (const id of this.ctx.trabajos.vencidos(this.ctx.clock(), limite)) {
        if (this.enCurso.has(id)) continue;
        if (!this.ctx.trabajos.tomar(id, this.ctx.clock(), this.ctx.clock() + ARRIENDO_MS, false)) continue;
        hechos.push(await this.enviar(id));
      }
      return hechos;
    })();
    this.procesando = run;
    const limpiar = () => {
      this.procesando = null;
    };
    run.then(limpiar, limpiar);
    return run;
  }

  /** One try: regenerate the bytes from the radicado, hand them to the transport, record the outcome. */
  private async enviar(trabajoId: number): Promise<TrabajoImpresion> {
    this.enCurso.add(trabajoId);
    try {
      const fila = this.ctx.trabajos.porId(trabajoId)!;
      const impresora = this.impresoraDeTrabajo(fila);
      try {
        const r = this.radicacion.porNumero(fila.numero)!;
        const layout = paraImpresora(this.layoutDe(r.radicado, fila.plantilla, fila.documento, fila.copia > 0), impresora);
        const datos = await this.bytes(layout, impresora.formato, impresora.modoCodigos);
        await this.transportes(impresora).enviar(datos, {
          titulo: `Radicado ${fila.numero}${fila.documento === 'constancia' ? ' constancia' : ''}${fila.copia > 0 ? ` (copia ${fila.copia})` : ''}`,
          anchoMm: layout.anchoMm,
          altoMm: layout.altoMm,
          formato: impresora.formato,
          archivo: `${fila.numero}${fila.documento === 'constancia' ? '-constancia' : ''}${fila.copia > 0 ? `-copia-${fila.copia}` : ''}`,
        });
        this.ctx.trabajos.impreso(trabajoId, this.ctx.clock());
      } catch (err) {
        const { mensaje, reintentable } = this.explicar(err, impresora);
        this.ctx.trabajos.fallo(trabajoId, mensaje, reintentable ? this.ctx.clock() + esperaReintento(fila.intentos + 1) : null);
      }
      return this.aTrabajo(this.ctx.trabajos.porId(trabajoId)!);
    } finally {
      this.enCurso.delete(trabajoId);
    }
  }

  private explicar(err: unknown, impresora: ImpresoraConfig): { mensaje: string; reintentable: boolean } {
    if (err instanceof FalloImpresion) return { mensaje: err.message, reintentable: err.reintentable };
    if (err instanceof RadicaError) return { mensaje: err.message, reintentable: false };
    // An encoder failure is a defect, not a printer problem: retrying gives the same bytes.
    logError('imprimir', err);
    return {
      mensaje: `Radica no pudo preparar el rótulo para ${describirImpresora(impresora)} (error interno). Pruebe otra plantilla o impresora y avise a soporte.`,
      reintentable: false,
    };
  }

  /** The printer as configured now (IT may have fixed its address), or as it was when queued. */
  private impresoraDeTrabajo(fila: FilaTrabajo): ImpresoraConfig {
    return this.config().impresoras.find((i) => i.id === fila.impresora) ?? fila.impresoraConfig;
  }

  private aTrabajo(f: FilaTrabajo): TrabajoImpresion {
    return {
      id: f.id,
      numero: f.numero,
      impresora: f.impresora,
      plantilla: f.plantilla,
      documento: f.documento,
      copia: f.copia > 0,
      estado: f.estado,
      intentos: f.intentos,
      ultimoError: f.ultimoError,
      creadoEn: f.creadoEn,
      impresoEn: f.impresoEn,
      proximoIntento: f.estado === 'pendiente' ? f.proximoIntento : null,
    };
  }

  trabajo(id: number): TrabajoImpresion | null {
    const f = this.ctx.trabajos.porId(id);
    return f ? this.aTrabajo(f) : null;
  }

  /** One job, for following it from the UI; a radicador only sees jobs of her own radicados. */
  trabajoVisible(id: number, actor: Usuario): TrabajoImpresion {
    const t = this.trabajo(id);
    if (!t) throw new RadicaError('NO_ENCONTRADO', `No existe el trabajo de impresión ${id}.`);
    this.radicacion.visible(t.numero, actor);
    return t;
  }

  /** Printers with a live probe, and every job not printed yet. */
  async estado(): Promise<{ impresoras: EstadoImpresora[]; trabajos: TrabajoImpresion[] }> {
    const filas = this.ctx.trabajos.sinImprimir(500);
    const config = this.config();
    // Printers given as literal URIs (radica imprimir --impresora tcp://…) show while they hold jobs.
    const extra = new Map<string, ImpresoraConfig>();
    for (const f of filas) if (!config.impresoras.some((i) => i.id === f.impresora)) extra.set(f.impresora, f.impresoraConfig);
    const todas = [...config.impresoras, ...extra.values()];
    const impresoras = await Promise.all(
      todas.map(async (i): Promise<EstadoImpresora> => {
        let sondeo;
        try {
          sondeo = await this.transportes(i).sondear();
        } catch {
          sondeo = { estado: 'desconocido' as const, detalle: 'No se pudo consultar el estado.' };
        }
        return {
          id: i.id,
          nombre: i.nombre,
          uri: i.uri,
          estado: sondeo.estado,
          detalle: sondeo.detalle,
          pendientes: filas.filter((f) => f.impresora === i.id && f.estado === 'pendiente').length,
        };
      }),
    );
    return { impresoras, trabajos: filas.map((f) => this.aTrabajo(f)) };
  }

  /** A test sticker, not a radicado: nothing is numbered or queued; the attempt is audited. */
  async probar(input: ValidadoDe<'impresion:probar'>, actor: Usuario): Promise<TrabajoImpresion> {
    const config = this.config();
    const impresora = this.impresoraConfigurada(input.impresora, config);
    const ahora = this.ctx.clock();
    const layout = paraImpresora(construirLayout(datosPrueba(this.ctx.estacion().entidad, ahora, config, impresora), impresora.plantilla, 'rotulo'), impresora);
    let error: { mensaje: string } | null = null;
    try {
      const datos = await this.bytes(layout, impresora.formato, impresora.modoCodigos);
      await this.transportes(impresora).enviar(datos, {
        titulo: 'Prueba de impresión Radica',
        anchoMm: layout.anchoMm,
        altoMm: layout.altoMm,
        formato: impresora.formato,
        archivo: `prueba-${ahora}`,
      });
    } catch (err) {
      error = this.explicar(err, impresora);
    }
    const { ctx } = this;
    ctx.db
      .transaction(() => {
        ctx.audit.append({ en: ahora, actor: actor.usuario, accion: 'probar_impresora', radicadoId: null, detalle: { impresora: impresora.id, ok: error === null } });
      })
      .immediate();
    return {
      id: 0,
      numero: 'PRUEBA-0000',
      impresora: impresora.id,
      plantilla: impresora.plantilla,
      documento: 'rotulo',
      copia: false,
      estado: error ? 'error' : 'impreso',
      intentos: 1,
      ultimoError: error?.mensaje ?? null,
      creadoEn: ahora,
      impresoEn: error ? null : ctx.clock(),
      proximoIntento: null,
    };
  }
}

/** Combinations the schema cannot see: a PDF-only destination with ESC/POS bytes, duplicate ids. */
function validarConfig(c: ConfigImpresion): void {
  const campos: Record<string, string> = {};
  const vistos = new Set<string>();
  c.impresoras.forEach((i, n) => {
    if (vistos.has(i.id)) campos[`impresoras.${n}.id`] = `El identificador «${i.id}» está repetido.`;
    vistos.add(i.id);
    if (/^(cups|os|pdf):\/\//.test(i.uri) && i.formato !== 'pdf') {
      campos[`impresoras.${n}.formato`] = `La impresora «${i.nombre}» (${i.uri.split(':')[0]}://) recibe PDF: elija el formato pdf.`;
    }
  });
  if (c.impresoras.filter((i) => i.predeterminada).length > 1) campos.impresoras = 'Solo una impresora puede ser la predeterminada para rótulos.';
  const mensajes = Object.values(campos);
  if (mensajes.length > 0) throw new RadicaError('VALIDACION', mensajes.length === 1 ? mensajes[0]! : `Revise ${mensajes.length} campos: ${mensajes.join(' ')}`, campos);
}
