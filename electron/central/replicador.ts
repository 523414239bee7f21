/**
 * The station's replicator: pushes the outbox to the central PostgreSQL store and pulls back what
 * the station needs. The station never waits on it: radicación commits locally, the outbox row
 * with it, and this catches up whenever the central store is reachable.
 *
 * One pass:
 *   1. connect; with an administrator's URL, register this station first (small installations) and
 *      keep the station's own URL in its configuration, so it never runs as administrator again;
 *   2. claim the series for this installation (`radica.reclamar`): a second installation claiming
 *      a series already owned is refused and sends nothing;
 *   3. push the outbox in order, in batches: each batch's payload is built from the current rows
 *      (outbox rows are references), merged centrally in one transaction (`radica.recibir_lote`,
 *      idempotent upserts keyed by radicado number and by station + outbox seq, with the station's
 *      audit entries after the last one the central store has), and marked sent locally only after
 *      that commit. A crash between the two re-sends the batch, which merges as a no-op;
 *   4. pull marks made centrally on this station's radicados, catalog versions and models;
 *   5. report pending rows, lag, version and printers for IT's status view.
 *
 * `continuo` repeats passes, with exponential backoff (and jitter) while the central store is down.
 */
import { createHash } from 'node:crypto';
import type { StationContext } from '../services/context';
import { ReplicacionRepo, type FilaOutbox, type RadicadoParaCentral } from '../store/replicacionRepo';
import { catalogoSchema } from '../../shared/domain/catalog';
import type { MarcaRevision, Veredicto } from '../../shared/domain/revision';
import { registrarMarca } from '../revision/fuenteEstacion';
import { RadicaError } from '../../shared/ipc/result';
import { cerrar, conectar, esErrorDeConexion, rolesDeConexion, SinConexion, tipoDeConexion, urlSinClave, type Cliente } from './conexion';
import { exigirVersion } from './esquema';
import { ClonRechazado, registrarCliente } from './registro';
import paquete from '../../package.json';

export const VERSION_RADICA: string = paquete.version;

/** Where the station keeps its central URL (its own role's) and the cursor of marks pulled back. */
export const CLAVE_URL = 'central.url';
const CLAVE_CURSOR_REVISIONES = 'central.revisiones';

export interface OpcionesReplicador {
  /** A station URL or an administrator's; by default the one kept in the station's configuration. */
  url?: string;
  /** Outbox rows per batch (and audit entries per batch). */
  lote?: number;
  /** The station's clock by default (lag is measured against the instants the outbox recorded). */
  reloj?: () => number;
  /** The printers' status for IT's view (JSON); asked at most every `intervaloImpresorasMs`. */
  impresoras?: () => Promise<unknown>;
  intervaloImpresorasMs?: number;
  /** Tests: changes a batch's payload before it is sent (to send it as an older Radica did). */
  ajustarLote?: (lote: Record<string, unknown>) => void;
  /** Tests: runs after a batch's central commit and before it is marked sent here. */
  despuesDeEnviar?: (seqs: readonly number[]) => void | Promise<void>;
  /** Progress (stderr in the CLI). */
  registro?: (mensaje: string) => void;
}

export interface ResultadoPasada {
  /** Outbox rows sent and marked in this pass. */
  enviados: number;
  /** Rows received from the central store (marks, catalog versions, models). */
  recibidos: number;
  /** Outbox rows still unsent. */
  pendientes: number;
  /** Age of the oldest unsent outbox row (0 when nothing is pending). */
  retrasoMs: number;
  /** Audit entries sent. */
  auditoria: number;
}

export interface EstadoReplicacion {
  conectado: boolean;
  /** The line the station shows: "sin conexión con el servidor central — radicando localmente". */
  mensaje: string;
  ultimaPasada: number | null;
  ultimoError: string | null;
  pendientes: number;
  retrasoMs: number;
}

/** Fields of a radicado that never change: their digest lets the central store spot a clone's numbers. */
export function huellaRadicado(r: RadicadoParaCentral): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        r.numero, r.serie, r.consecutivo, r.fecha_hora, r.radicador, r.remitente_tipo, r.remitente_numero, r.canal, r.asunto, r.tipo,
        r.dependencia, r.folios, r.anexos, r.termino, r.unidad_termino, r.vence_el, r.vence_en, r.catalogo_version, r.demo,
      ]),
    )
    .digest('hex');
}

/** Same host, port and database (users and passwords aside). */
function mismoServidor(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.hostname === y.hostname && (x.port || '5432') === (y.port || '5432') && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

const esperar = (ms: number, senal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (senal?.aborted) return resolve();
    const t = setTimeout(fin, ms);
    function fin() {
      clearTimeout(t);
      senal?.removeEventListener('abort', fin);
      resolve();
    }
    senal?.addEventListener('abort', fin, { once: true });
  });

export class Replicador {
  private readonly repo: ReplicacionRepo;
  private readonly lote: number;
  private readonly reloj: () => number;
  private cliente: Cliente | null = null;
  private auditoriaCentral = 0;
  private ultimoSondeoImpresoras = 0;
  private impresorasCache: unknown = undefined;
  private estadoActual: EstadoReplicacion = {
    conectado: false,
    mensaje: 'Sin contacto aún con el servidor central — radicando localmente.',
    ultimaPasada: null,
    ultimoError: null,
    pendientes: 0,
    retrasoMs: 0,
  };

  constructor(
    private readonly ctx: StationContext,
    private readonly o: OpcionesReplicador = {},
  ) {
    this.repo = new ReplicacionRepo(ctx.db);
    this.lote = Math.max(1, o.lote ?? 1000);
    this.reloj = o.reloj ?? ctx.clock;
  }

  estado(): EstadoReplicacion {
    // What is still to send is read from the outbox now, not from the last pass: while the server is
    // down the passes back off, and the clerk must see her new radicado counted at once.
    return { ...this.estadoActual, ...this.pendientesSeguro() };
  }

  private log(m: string) {
    this.o.registro?.(m);
  }

  private url(): string {
    const url = this.o.url ?? this.ctx.config.valor(CLAVE_URL);
    if (!url) {
      throw new RadicaError('NO_INICIALIZADA', 'Esta estación no tiene servidor central configurado. Use radica sync --url postgres://… (la dirección que TI generó con radica central estacion registrar).');
    }
    return url;
  }

  /** The station's connection, claimed for this installation; registers first with an administrator's URL. */
  private async conexion(): Promise<Cliente> {
    if (this.cliente) return this.cliente;
    const estacion = this.ctx.estacion();
    const instalacion = this.ctx.config.instalacion();
    const aplicacion = `radica estacion ${estacion.sede}-${estacion.ventanilla}`;
    let url = this.url();
    let c = await conectar(url, { aplicacion });
    try {
      const tipo = await tipoDeConexion(c, await rolesDeConexion(c));
      if (tipo === 'administrador') {
        // Small installations: the administrator's URL registers the station (refused, untouched,
        // when another installation owns the series) and the station continues with its own role.
        // A station URL already kept for the same server is used as it is: registering again
        // would change the password under the desktop app's feet.
        const guardada = this.ctx.config.valor(CLAVE_URL);
        const propia = guardada && mismoServidor(guardada, url) ? await this.conectarComoEstacion(guardada, aplicacion) : null;
        if (propia) {
          await cerrar(c);
          c = propia;
          url = guardada!;
        } else {
          const r = await registrarCliente(c, url, estacion.sede, estacion.ventanilla, { instalacion });
          this.log(`estación registrada en ${urlSinClave(url)} como ${r.rol}`);
          url = r.url;
          // The password just changed: keep it now, whatever happens next.
          this.ctx.config.fijarValor(CLAVE_URL, url);
          await cerrar(c);
          c = await conectar(url, { aplicacion });
        }
      } else if (tipo !== 'estacion') {
        throw new RadicaError('NO_AUTORIZADO', `El usuario de ${urlSinClave(url)} no es de una estación ni de un administrador. Pida a TI la dirección de esta estación (radica central estacion registrar).`);
      }
      await exigirVersion(c, 'clientes');
      const r = await c.query<{ r: { ok: boolean; mensaje?: string; ultimaAuditoria?: number } }>('SELECT radica.reclamar($1::jsonb) AS r', [
        JSON.stringify({ instalacion, sede: estacion.sede, ventanilla: estacion.ventanilla, version: VERSION_RADICA, entidad: estacion.entidad }),
      ]);
      const res = r.rows[0]!.r;
      if (!res.ok) throw new ClonRechazado(res.mensaje ?? 'El servidor central rechazó esta estación.');
      // Kept only once the central store accepted it as this station's.
      if (this.ctx.config.valor(CLAVE_URL) !== url) this.ctx.config.fijarValor(CLAVE_URL, url);
      this.auditoriaCentral = Number(res.ultimaAuditoria ?? 0);
      this.cliente = c;
      return c;
    } catch (err) {
      await cerrar(c);
      throw err;
    }
  }

  /** A connection with the kept station URL, or null if it no longer works as a station's. */
  private async conectarComoEstacion(url: string, aplicacion: string): Promise<Cliente | null> {
    let c: Cliente | null = null;
    try {
      c = await conectar(url, { aplicacion });
      if ((await tipoDeConexion(c, await rolesDeConexion(c))) === 'estacion') return c;
    } catch {
      // Wrong password (registered again elsewhere), role dropped: register anew.
    }
    await cerrar(c);
    return null;
  }

  private async soltar(): Promise<void> {
    const c = this.cliente;
    this.cliente = null;
    await cerrar(c);
  }

  /** One full pass: push everything pending, pull what came back, report status. */
  async pasada(): Promise<ResultadoPasada> {
    try {
      const c = await this.conexion();
      const { enviados, auditoria } = await this.enviar(c);
      const recibidos = await this.recibir(c);
      const { pendientes, retrasoMs } = this.pendientes();
      await this.informar(c, pendientes, retrasoMs);
      this.estadoActual = {
        conectado: true,
        mensaje: pendientes === 0 ? 'Conectado con el servidor central.' : `Conectado con el servidor central; ${pendientes} por enviar.`,
        ultimaPasada: this.reloj(),
        ultimoError: null,
        pendientes,
        retrasoMs,
      };
      return { enviados, recibidos, pendientes, retrasoMs, auditoria };
    } catch (err) {
      await this.soltar();
      const traducido = this.traducir(err);
      const { pendientes, retrasoMs } = this.pendientesSeguro();
      this.estadoActual = {
        conectado: false,
        mensaje: traducido instanceof ClonRechazado ? traducido.message : 'Sin conexión con el servidor central — radicando localmente.',
        ultimaPasada: this.estadoActual.ultimaPasada,
        ultimoError: traducido.message,
        pendientes,
        retrasoMs,
      };
      throw traducido;
    }
  }

  private traducir(err: unknown): Error {
    if (err instanceof RadicaError) return err;
    const e = err as { code?: string; message?: string };
    if (e.code === 'RDC01' || e.code === 'RDC04') return new ClonRechazado(e.message ?? 'Instalación rechazada por el servidor central.');
    if (e.code === 'RDC02' || e.code === 'RDC03') return new RadicaError('NO_AUTORIZADO', e.message ?? 'El servidor central rechazó los datos de esta estación.');
    if (esErrorDeConexion(err)) return new SinConexion(e.message ?? String(err), this.urlSegura());
    return err instanceof Error ? err : new Error(String(err));
  }

  private urlSegura(): string {
    try {
      return this.url();
    } catch {
      return '';
    }
  }

  pendientes(): { pendientes: number; retrasoMs: number } {
    const pendientes = this.repo.contarPendientes();
    const antiguo = this.repo.masAntiguoPendiente();
    return { pendientes, retrasoMs: antiguo === null ? 0 : Math.max(0, this.reloj() - antiguo) };
  }

  private pendientesSeguro() {
    try {
      return this.pendientes();
    } catch {
      return { pendientes: this.estadoActual.pendientes, retrasoMs: this.estadoActual.retrasoMs };
    }
  }

  /**
   * Batches in order. While the central store merges one batch, the next one is read and built
   * here (rows after the batch in flight: it is not marked yet); a batch is marked sent only after
   * its own commit, so a failure anywhere leaves the rest for the next pass.
   */
  private async enviar(c: Cliente): Promise<{ enviados: number; auditoria: number }> {
    const instalacion = this.ctx.config.instalacion();
    let enviados = 0;
    let auditoria = 0;
    const preparar = (desdeSeq: number, desdeAuditoria: number) => {
      const filas = this.repo.pendientesDesde(desdeSeq, this.lote);
      const entradas = this.repo.auditoriaDesde(desdeAuditoria, this.lote);
      if (filas.length === 0 && entradas.length === 0) return null;
      return {
        seqs: filas.map((f) => f.seq),
        entradas: entradas.length,
        ultimoSeq: filas.length ? filas[filas.length - 1]!.seq : desdeSeq,
        ultimaAuditoria: entradas.length ? entradas[entradas.length - 1]!.id : desdeAuditoria,
        json: JSON.stringify(this.ajustado({ instalacion, ...this.construir(filas), auditoria: entradas })),
      };
    };
    let actual = preparar(0, this.auditoriaCentral);
    while (actual) {
      const envio = c.query('SELECT radica.recibir_lote($1::jsonb)', [actual.json]);
      envio.catch(() => {}); // awaited below; handled now so a quick failure is not "unhandled" meanwhile
      // Let the payload reach the socket before building the next one.
      await new Promise((r) => setImmediate(r));
      let siguiente: ReturnType<typeof preparar> = null;
      let errorSiguiente: unknown = null;
      try {
        siguiente = preparar(actual.ultimoSeq, actual.ultimaAuditoria);
      } catch (err) {
        errorSiguiente = err;
      }
      await envio;
      if (this.o.despuesDeEnviar) await this.o.despuesDeEnviar(actual.seqs);
      if (actual.seqs.length) this.repo.marcarEnviados(actual.seqs, this.reloj());
      this.auditoriaCentral = actual.ultimaAuditoria;
      enviados += actual.seqs.length;
      auditoria += actual.entradas;
      if (actual.seqs.length) this.log(`enviadas ${enviados} filas (hasta la ${actual.ultimoSeq})`);
      if (errorSiguiente) throw errorSiguiente;
      actual = siguiente;
    }
    return { enviados, auditoria };
  }

  private ajustado<T extends Record<string, unknown>>(lote: T): T {
    this.o.ajustarLote?.(lote);
    return lote;
  }

  /** The batch's payload from the current rows its outbox entries point to. */
  private construir(filas: readonly FilaOutbox[]) {
    const numeros = new Set<string>();
    const anexos = new Set<string>();
    const revisiones = new Set<string>();
    for (const f of filas) {
      if (f.entidad === 'radicado') numeros.add(f.clave);
      else if (f.entidad === 'anexo') anexos.add(f.clave);
      else if (f.entidad === 'revision') revisiones.add(f.clave);
      else {
        throw new RadicaError(
          'INTERNO',
          `La bandeja de salida tiene una fila de tipo «${f.entidad}» (n.º ${f.seq}) que esta versión de Radica no sabe enviar al servidor central. Actualice Radica; no se perdió nada.`,
        );
      }
    }
    const radicados = this.repo.radicados([...numeros]).map((r) => ({ ...r, huella: huellaRadicado(r) }));
    const filasAnexos = this.repo.anexos([...anexos]);
    const filasRevisiones = this.repo.revisiones([...revisiones]);
    if (radicados.length !== numeros.size || filasAnexos.length !== anexos.size || filasRevisiones.length !== revisiones.size) {
      const faltan = [
        ...[...numeros].filter((n) => !radicados.some((r) => r.numero === n)),
        ...[...anexos].filter((k) => !filasAnexos.some((a) => `${a.numero}/${a.sha256}` === k)),
        ...[...revisiones].filter((u) => !filasRevisiones.some((v) => v.uid === u)),
      ];
      throw new RadicaError('INTERNO', `La bandeja de salida apunta a filas que no están en la estación (${faltan.slice(0, 3).join(', ')}). Ejecute radica verificar.`);
    }
    return {
      outbox: filas,
      radicados,
      anexos: filasAnexos,
      revisiones: filasRevisiones,
      // Always present (empty too): it tells the central store this station reports its
      // suggestions, so a radicado of the batch without one counts as "nothing suggested".
      sugerencias: this.repo.sugerencias([...numeros], this.ctx.clasificacion.modelosGuardados()),
    };
  }

  /** Marks made centrally, catalog versions and models. Returns how many rows arrived. */
  private async recibir(c: Cliente): Promise<number> {
    const instalacion = this.ctx.config.instalacion();
    let recibidos = 0;
    // Marks on this station's radicados, after the cursor; idempotent by uid.
    for (;;) {
      const desde = Number(this.ctx.config.valor(CLAVE_CURSOR_REVISIONES) ?? 0);
      const r = await c.query<{
        orden: string;
        uid: string;
        numero: string;
        veredicto: Veredicto;
        tipo_correcto: string | null;
        dependencia_correcta: string | null;
        observacion: string | null;
        revisor: string;
        revisor_nombre: string;
        revisado_en: string;
      }>('SELECT * FROM radica.revisiones_de_vuelta($1, $2, $3)', [instalacion, desde, this.lote]);
      if (r.rows.length === 0) break;
      this.repo.enTransaccion(() => {
        for (const f of r.rows) {
          if (this.ctx.revisiones.radicadoId(f.numero) === null) continue;
          const m: MarcaRevision = {
            uid: f.uid,
            numero: f.numero,
            veredicto: f.veredicto,
            tipoCorrecto: f.tipo_correcto,
            dependenciaCorrecta: f.dependencia_correcta,
            observacion: f.observacion,
            revisor: f.revisor,
            revisorNombre: f.revisor_nombre,
            revisadoEn: Number(f.revisado_en),
          };
          if (registrarMarca(this.ctx, m, 'central')) recibidos++;
        }
        this.ctx.config.fijarValor(CLAVE_CURSOR_REVISIONES, String(r.rows[r.rows.length - 1]!.orden));
      });
      if (r.rows.length < this.lote) break;
    }
    // Catalog versions newer than the station's.
    const catalogos = await c.query<{ version: number; contenido: string; creado_en: string; creado_por: string }>(
      'SELECT * FROM radica.catalogos_desde($1, $2)',
      [instalacion, this.repo.versionCatalogo()],
    );
    for (const f of catalogos.rows) {
      const valido = catalogoSchema.safeParse(JSON.parse(f.contenido));
      if (!valido.success || valido.data.version !== f.version) {
        this.log(`la versión ${f.version} del catálogo central no es válida; se ignora`);
        continue;
      }
      if (this.repo.enTransaccion(() => this.repo.guardarCatalogoCentral(f.version, f.contenido, Number(f.creado_en), f.creado_por))) recibidos++;
    }
    // Classifier models newer than the station's, per objetivo.
    const modelos = await c.query<{ objetivo: 'tipo' | 'dependencia'; version: number; creado_en: string; ejemplos: number; metricas: string; contenido: Buffer }>(
      'SELECT * FROM radica.modelos_desde($1, $2::jsonb)',
      [instalacion, JSON.stringify(this.repo.versionesModelos())],
    );
    if (modelos.rows.length) {
      this.repo.enTransaccion(() => {
        for (const m of modelos.rows) {
          if (this.repo.guardarModeloCentral({ objetivo: m.objetivo, version: m.version, creadoEn: Number(m.creado_en), ejemplos: m.ejemplos, metricas: m.metricas, contenido: m.contenido })) recibidos++;
        }
      });
    }
    return recibidos;
  }

  private async informar(c: Cliente, pendientes: number, retrasoMs: number): Promise<void> {
    if (this.o.impresoras && this.reloj() - this.ultimoSondeoImpresoras >= (this.o.intervaloImpresorasMs ?? 60_000)) {
      this.ultimoSondeoImpresoras = this.reloj();
      this.impresorasCache = await this.o.impresoras().catch(() => undefined);
    }
    await c.query('SELECT radica.informar_estado($1::jsonb)', [
      JSON.stringify({ instalacion: this.ctx.config.instalacion(), pendientes, retrasoMs, version: VERSION_RADICA, impresoras: this.impresorasCache }),
    ]);
  }

  /**
   * Passes until `senal` aborts: every `intervaloMs` while the central store answers, backing off
   * exponentially (up to `maximoMs`, with jitter) while it does not. A refused installation stops
   * (it would be refused forever), and so do errors only a person can fix (wrong password, a central
   * schema of another version, a station not initialised); anything else is retried.
   */
  async continuo(opciones: {
    senal?: AbortSignal;
    intervaloMs?: number;
    maximoMs?: number;
    alTerminarPasada?: (r: ResultadoPasada | Error) => void;
  } = {}): Promise<void> {
    const intervalo = opciones.intervaloMs ?? 1_000;
    const maximo = opciones.maximoMs ?? 60_000;
    let fallos = 0;
    try {
      while (!opciones.senal?.aborted) {
        try {
          const r = await this.pasada();
          fallos = 0;
          opciones.alTerminarPasada?.(r);
          await esperar(intervalo, opciones.senal);
        } catch (err) {
          const e = err as Error;
          opciones.alTerminarPasada?.(e);
          if (e instanceof ClonRechazado || (e instanceof RadicaError && ['NO_AUTORIZADO', 'NO_INICIALIZADA', 'CONFLICTO', 'VALIDACION', 'NO_ENCONTRADO'].includes(e.code))) throw e;
          fallos++;
          const espera = Math.min(maximo, intervalo * 2 ** Math.min(fallos, 16));
          await esperar(espera / 2 + Math.random() * (espera / 2), opciones.senal);
        }
      }
    } finally {
      await this.soltar();
    }
  }

  async cerrar(): Promise<void> {
    await this.soltar();
  }
}
