/**
 * Attachments: from scanner pages, files or a batch to sealed PDFs of the right radicados, with
 * their OCR text searchable.
 *
 * Order of operations, so nothing is lost or half written:
 *   1. every input is read and validated (type by content, size, pages) before anything is written;
 *   2. each PDF is written content-addressed (temp file, fsync, rename);
 *   3. one transaction records the rows with their audit entries and outbox rows;
 *   4. if 3 fails, the files 2 created are removed.
 * OCR runs afterwards, one attachment at a time, and never holds up sealing: a crash leaves the
 * attachment 'pendiente' and the next start picks it up.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { StationContext } from './context';
import type { RadicacionService } from './radicacionService';
import type { Usuario } from '../../shared/domain/radicado';
import {
  LIMITES_POR_DEFECTO,
  type Anexo,
  type ItemBandeja,
  type LimitesAnexos,
  type MotivoBandeja,
  type OrigenAnexo,
  type PaginasAnexo,
  type ResultadoLote,
  type Rotacion,
} from '../../shared/domain/anexos';
import { patronNumero } from '../../shared/domain/numbering';
import type { ConfigEscaner, EstadoEscaneo } from '../../shared/domain/escaneo';
import { RadicaError } from '../../shared/ipc/result';
import { AlmacenAnexos } from '../anexos/almacen';
import {
  completarImagenes,
  componerPdf,
  imagenDe,
  leerDocumento,
  rotacionDe,
  textoDePaginas,
  type DocumentoLeido,
  type ImagenPagina,
  type Pagina,
} from '../anexos/documento';
import { archivoInvalido, detectarFormato, nombreSeguro } from '../anexos/formato';
import type { MotorOcr } from '../anexos/ocr';
import type { CodigoLeido } from '../anexos/codigos';
import { AnexosRepo } from '../store/anexosRepo';
import { contenidoAnexo } from '../store/auditRepo';
import type { Escaner, OpcionesEscaneo, PaginaEscaneada } from '../scanning/types';
import { FalloEscaner } from '../scanning/types';
import { logError } from '../log';

export interface ArchivoEntrante {
  nombre: string;
  bytes: Buffer;
}

export interface DependenciasAnexos {
  ocr: MotorOcr;
  /** Null where the station has no scanner configured (the CLI on a server, tests). */
  escaner: Escaner | null;
  leerCodigos: (imagen: Uint8Array) => Promise<CodigoLeido[]>;
}

/** A scan in progress in the Radicar screen: pages wait here until the radicado has its number. */
interface EscaneoEnCurso {
  id: string;
  usuario: string;
  carpeta: string;
  estado: 'escaneando' | 'listo' | 'fallido';
  error: string | null;
  paginas: { indice: number; imagen: ImagenPagina; texto: string | null }[];
  resolucion: number;
}

const MAX_TEXTO_SUGERENCIAS = 4000;

export class AnexosService {
  readonly almacen: AlmacenAnexos;
  readonly repo: AnexosRepo;
  private colaOcr: Promise<void> = Promise.resolve();
  private ocrProgramado = false;
  private readonly escaneos = new Map<string, EscaneoEnCurso>();
  /** Told when the administrador saves the scanner settings (the hot-folder watcher follows the folder). */
  private readonly alConfigurar = new Set<(c: ConfigEscaner) => void>();
  /** Set when the station closes: the OCR queue stops before touching a closed database. */
  private cerrado = false;

  constructor(
    private readonly ctx: StationContext,
    private readonly radicacion: RadicacionService,
    private readonly dep: DependenciasAnexos,
  ) {
    this.almacen = new AlmacenAnexos(ctx.dataDir);
    this.repo = ctx.anexos;
  }

  limites(): LimitesAnexos {
    const v = this.ctx.config.valor('anexos.limites');
    return v ? { ...LIMITES_POR_DEFECTO, ...(JSON.parse(v) as Partial<LimitesAnexos>) } : LIMITES_POR_DEFECTO;
  }

  configurarLimites(l: Partial<LimitesAnexos>): LimitesAnexos {
    const nuevos = { ...this.limites(), ...l };
    this.ctx.config.fijarValor('anexos.limites', JSON.stringify(nuevos));
    return nuevos;
  }

  // ------------------------------------------------------------------------------------------
  // Attaching

  /** A radicado that can take attachments: visible to the caller and not annulled. */
  private destino(numero: string, actor: Usuario): { id: number; numero: string } {
    const { id, radicado } = this.radicacion.visible(numero, actor);
    if (radicado.estado === 'ANULADO') {
      throw new RadicaError('CONFLICTO', `El radicado ${radicado.numero} está ANULADO: no recibe anexos.`);
    }
    return { id, numero: radicado.numero };
  }

  /** Files from disk, read with the size limit checked before reading (a 4 GB file is not loaded). */
  leerArchivos(rutas: string[]): ArchivoEntrante[] {
    const { maxBytes } = this.limites();
    return rutas.map((ruta) => {
      const nombre = nombreSeguro(path.basename(ruta));
      let tam: number;
      try {
        const st = statSync(ruta);
        if (!st.isFile()) throw archivoInvalido(nombre, 'no es un archivo.');
        tam = st.size;
      } catch (err) {
        if (err instanceof RadicaError) throw err;
        throw archivoInvalido(nombre, 'no existe o no se puede leer.');
      }
      if (tam > maxBytes) {
        throw archivoInvalido(nombre, `pesa ${(tam / 1048576).toFixed(1)} MB y el máximo de esta estación es ${(maxBytes / 1048576).toFixed(1)} MB.`);
      }
      return { nombre, bytes: readFileSync(ruta) };
    });
  }

  /**
   * Files a clerk or the CLI attaches: each PDF is sealed exactly as received (a signed PDF keeps
   * its signature), and the images of one call become one PDF, in the order given.
   */
  async anexarArchivos(numero: string, archivos: ArchivoEntrante[], actor: Usuario, origen: OrigenAnexo = 'archivo'): Promise<Anexo[]> {
    if (archivos.length === 0) throw new RadicaError('VALIDACION', 'Indique al menos un archivo para anexar.');
    const destino = this.destino(numero, actor);
    const limites = this.limites();
    const docs: DocumentoLeido[] = [];
    for (const a of archivos) docs.push(await leerDocumento(a.bytes, nombreSeguro(a.nombre), limites));
    const piezas: { bytes: Buffer; paginas: number; nombre: string; textoPaginas: null }[] = [];
    for (const d of docs.filter((x) => x.formato === 'pdf')) piezas.push({ bytes: d.bytes, paginas: d.paginas.length, nombre: d.nombre, textoPaginas: null });
    const imagenes = docs.filter((x) => x.formato !== 'pdf');
    if (imagenes.length > 0) {
      const paginas = imagenes.flatMap((d) => d.paginas);
      if (paginas.length > limites.maxPaginas) {
        throw archivoInvalido(imagenes[0]!.nombre, `las imágenes suman ${paginas.length} páginas y el máximo de esta estación es ${limites.maxPaginas}.`);
      }
      const nombre = imagenes.length === 1 ? imagenes[0]!.nombre.replace(/\.[^.]+$/, '') + '.pdf' : `imagenes-${destino.numero}.pdf`;
      piezas.push({ bytes: await this.pdf(paginas, destino.numero), paginas: paginas.length, nombre, textoPaginas: null });
    }
    return this.sellar(destino, piezas, origen, actor);
  }

  private pdf(paginas: readonly Pagina[], numero: string): Promise<Buffer> {
    return componerPdf(paginas, { titulo: `Radicado ${numero}`, fecha: new Date(this.ctx.clock()) });
  }

  /**
   * Steps 2–4 of the header, for every caller: the files, then `registrar(hashes)` in one write
   * transaction, then, if that failed, the removal of the files this call created.
   */
  private conArchivosSellados<T>(contenidos: readonly Buffer[], registrar: (hashes: string[]) => T): T {
    const escritos: string[] = [];
    try {
      const hashes = contenidos.map((bytes) => {
        const g = this.almacen.guardar(bytes);
        if (g.nuevo) escritos.push(g.sha256);
        return g.sha256;
      });
      const r = this.ctx.db.transaction(() => registrar(hashes)).immediate();
      this.programarOcr();
      return r;
    } catch (err) {
      for (const h of escritos) if (this.repo.referencias(h) === 0) this.almacen.eliminar(h);
      throw err;
    }
  }

  private sellar(
    destino: { id: number; numero: string },
    piezas: { bytes: Buffer; paginas: number; nombre: string; textoPaginas: string[] | null }[],
    origen: OrigenAnexo,
    actor: Usuario,
  ): Anexo[] {
    const ids = this.conArchivosSellados(
      piezas.map((p) => p.bytes),
      (hashes) =>
        piezas.map((p, i) => {
          const existente = this.repo.existente(destino.id, hashes[i]!);
          if (existente !== null) return existente; // the same file twice is one attachment
          return this.registrar(destino.id, destino.numero, hashes[i]!, p, origen, actor);
        }),
    );
    return ids.map((id) => this.aAnexo(this.repo.porId(id)!));
  }

  /** Inside a transaction: the row, its OCR state, the audit entry covering it, the outbox row. */
  private registrar(
    radicadoId: number,
    numero: string,
    sha256: string,
    p: { bytes: Buffer; paginas: number; nombre: string; textoPaginas: string[] | null },
    origen: OrigenAnexo,
    actor: Usuario,
  ): number {
    const en = this.ctx.clock();
    const texto = p.textoPaginas ? p.textoPaginas.join('\n\f\n').trim() : '';
    const id = this.repo.insertar(
      { radicadoId, sha256, paginas: p.paginas, bytes: p.bytes.length, nombre: p.nombre, origen, creadoEn: en, creadoPor: actor.usuario },
      p.textoPaginas ? { estado: 'hecho', texto, motor: this.dep.ocr.nombre, ms: 0 } : { estado: 'pendiente', texto: '', motor: null, ms: null },
    );
    this.ctx.audit.append(
      { en, actor: actor.usuario, accion: 'anexar', radicadoId, detalle: { anexo: id, sha256, paginas: p.paginas, origen } },
      contenidoAnexo(this.ctx.db, id),
    );
    this.ctx.outbox.append(en, 'anexo', `${numero}/${sha256}`, 'insert');
    return id;
  }

  listar(numero: string, actor: Usuario): Anexo[] {
    const { id } = this.radicacion.visible(numero, actor);
    return this.repo.porRadicado(id).map((f) => this.aAnexo(f));
  }

  /** The sealed file's bytes (checked against its hash), for the viewer. */
  contenido(anexoId: number, actor: Usuario): { anexo: Anexo; base64: string } {
    const { anexo, bytes } = this.leerSellado(anexoId, actor);
    return { anexo, base64: bytes.toString('base64') };
  }

  private leerSellado(anexoId: number, actor: Usuario): { anexo: Anexo; bytes: Buffer } {
    const fila = this.repo.porId(anexoId);
    if (!fila) throw new RadicaError('NO_ENCONTRADO', `No existe el anexo ${anexoId}.`);
    this.radicacion.visible(fila.numero, actor);
    return { anexo: this.aAnexo(fila), bytes: this.leerDelAlmacen(fila.sha256, `del anexo ${anexoId}`) };
  }

  /** A stored file checked against its hash; missing or altered is a CONFLICTO the clerk can report. */
  private leerDelAlmacen(sha256: string, de: string): Buffer {
    try {
      return this.almacen.leer(sha256);
    } catch (err) {
      throw new RadicaError('CONFLICTO', err instanceof Error && /coincide/.test(err.message) ? err.message : `El archivo ${de} no está en la carpeta de datos.`);
    }
  }

  /** Page images of a sealed attachment for the viewer, a few at a time. */
  async paginas(anexoId: number, desde: number, cantidad: number, actor: Usuario): Promise<PaginasAnexo> {
    const { anexo, bytes } = this.leerSellado(anexoId, actor);
    return { anexo, paginas: await imagenesDePaginas(bytes, anexo.nombre, desde, cantidad) };
  }

  /** The same for a batch-tray item, so a person sees its pages before assigning it to a radicado. */
  async paginasBandeja(id: number, desde: number, cantidad: number): Promise<{ item: ItemBandeja; paginas: PaginasAnexo['paginas'] }> {
    const item = this.repo.bandejaPorId(id);
    if (!item) throw new RadicaError('NO_ENCONTRADO', `El elemento ${id} de la bandeja no existe o ya se resolvió.`);
    const bytes = this.leerDelAlmacen(item.sha256, `del elemento ${id} de la bandeja`);
    return { item, paginas: await imagenesDePaginas(bytes, `bandeja-${item.origen}-p${item.desdePagina}.pdf`, desde, cantidad) };
  }

  private aAnexo(f: NonNullable<ReturnType<AnexosRepo['porId']>>): Anexo {
    const { radicadoId: _r, ...rest } = f;
    return { ...rest, ruta: this.almacen.ruta(f.sha256) };
  }

  // ------------------------------------------------------------------------------------------
  // Scanning

  configEscaner(): ConfigEscaner | null {
    const v = this.ctx.config.valor('escaner');
    return v ? (JSON.parse(v) as ConfigEscaner) : null;
  }

  configurarEscaner(c: ConfigEscaner, actor: Usuario): ConfigEscaner {
    this.ctx.db
      .transaction(() => {
        this.ctx.config.fijarValor('escaner', JSON.stringify(c));
        this.ctx.audit.append({ en: this.ctx.clock(), actor: actor.usuario, accion: 'configurar_escaner', radicadoId: null, detalle: { dispositivo: c.dispositivo } });
      })
      .immediate();
    for (const f of this.alConfigurar) {
      try {
        f(c);
      } catch (err) {
        logError('configurar escáner', err);
      }
    }
    return c;
  }

  /** Calls `f` with the new settings each time they are saved; returns the function that stops it. */
  alCambiarConfigEscaner(f: (c: ConfigEscaner) => void): () => void {
    this.alConfigurar.add(f);
    return () => void this.alConfigurar.delete(f);
  }

  /** What the clerk asked, completed with the station's settings, then sensible defaults. */
  opcionesEscaneo(o: Partial<Omit<OpcionesEscaneo, 'carpeta' | 'senal' | 'dispositivo'>> & { dispositivo?: string | null }): Omit<OpcionesEscaneo, 'carpeta'> {
    const c = this.configEscaner();
    const dispositivo = o.dispositivo ?? c?.dispositivo;
    if (!dispositivo) throw new RadicaError('ESCANER', 'No hay escáner elegido en esta estación. Indique el dispositivo o pida a TI que lo configure.');
    return {
      dispositivo,
      fuente: o.fuente ?? c?.fuente ?? 'adf',
      duplex: o.duplex ?? c?.duplex ?? false,
      resolucion: o.resolucion ?? c?.resolucion ?? 200,
      modo: o.modo ?? c?.modo ?? 'gris',
      ...(o.paginas ? { paginas: o.paginas } : {}),
    };
  }

  private escaner(): Escaner {
    if (!this.dep.escaner) throw new RadicaError('ESCANER', 'Esta estación no tiene escáner configurado. Pida a TI que lo configure, o anexe un archivo.');
    return this.dep.escaner;
  }

  async dispositivos() {
    try {
      return await this.escaner().listar();
    } catch (err) {
      throw aError(err);
    }
  }

  private async escanearA(o: Omit<OpcionesEscaneo, 'carpeta'>, carpeta: string, alPagina?: (p: PaginaEscaneada) => void): Promise<PaginaEscaneada[]> {
    try {
      return await this.escaner().escanear({ ...o, carpeta }, alPagina);
    } catch (err) {
      throw aError(err);
    }
  }

  /** `radica escanear`: scan straight into an existing radicado. */
  async escanear(numero: string, o: Omit<OpcionesEscaneo, 'carpeta'>, actor: Usuario): Promise<Anexo> {
    const destino = this.destino(numero, actor);
    const carpeta = mkdtempSync(path.join(os.tmpdir(), 'radica-escaneo-'));
    try {
      const paginas = await this.escanearA(o, carpeta);
      if (paginas.length === 0) throw new RadicaError('ESCANER', 'El escáner no entregó páginas. Revise que el documento esté en la bandeja.');
      const limites = this.limites();
      if (paginas.length > limites.maxPaginas) throw new RadicaError('ESCANER', `Se escanearon ${paginas.length} páginas y el máximo es ${limites.maxPaginas}.`);
      const pags: Pagina[] = paginas.map((p) => ({ tipo: 'imagen', imagen: this.imagenEscaneada(p, o.resolucion), rotacion: 0 }));
      const bytes = await this.pdf(pags, destino.numero);
      return this.sellar(destino, [{ bytes, paginas: pags.length, nombre: `escaneo-${destino.numero}.pdf`, textoPaginas: null }], 'escaner', actor)[0]!;
    } finally {
      rmSync(carpeta, { recursive: true, force: true });
    }
  }

  private imagenEscaneada(p: PaginaEscaneada, dpi: number): ImagenPagina {
    const bytes = readFileSync(p.ruta);
    const formato = detectarFormato(bytes);
    if (formato === 'jpeg' || formato === 'png') return imagenDe(formato, bytes, `página ${p.indice}`, dpi);
    if (formato === 'tiff') throw new RadicaError('ESCANER', 'El escáner entregó TIFF; configúrelo para JPEG o PNG.');
    throw new RadicaError('ESCANER', `La página ${p.indice} del escáner no es una imagen válida.`);
  }

  /** The Radicar screen's scan key: pages arrive while the clerk keeps typing. */
  iniciarEscaneo(o: Omit<OpcionesEscaneo, 'carpeta'>, actor: Usuario): EstadoEscaneo {
    this.escaner();
    const id = randomUUID();
    const e: EscaneoEnCurso = {
      id,
      usuario: actor.usuario,
      carpeta: mkdtempSync(path.join(os.tmpdir(), 'radica-escaneo-')),
      estado: 'escaneando',
      error: null,
      paginas: [],
      resolucion: o.resolucion,
    };
    this.escaneos.set(id, e);
    const leer = (p: PaginaEscaneada) => {
      try {
        const imagen = this.imagenEscaneada(p, o.resolucion);
        const pagina = { indice: p.indice, imagen, texto: null as string | null };
        e.paginas.push(pagina);
        // OCR of each page as it arrives, so suggestions can use it before the clerk presses Enter.
        this.dep.ocr
          .reconocer(imagen)
          .then((r) => (pagina.texto = r.texto))
          .catch(() => (pagina.texto = ''));
      } catch (err) {
        e.error = aError(err).message;
      }
    };
    this.escanearA(o, e.carpeta, leer)
      .then(() => {
        e.estado = e.paginas.length > 0 ? 'listo' : 'fallido';
        if (e.paginas.length === 0) e.error ??= 'El escáner no entregó páginas. Revise que el documento esté en la bandeja.';
      })
      .catch((err: unknown) => {
        e.estado = 'fallido';
        e.error = aError(err).message;
      });
    return this.estadoEscaneo(id, actor);
  }

  private escaneoDe(id: string, actor: Usuario): EscaneoEnCurso {
    const e = this.escaneos.get(id);
    if (!e || e.usuario !== actor.usuario) throw new RadicaError('NO_ENCONTRADO', 'Ese escaneo ya no está disponible. Escanee de nuevo.');
    return e;
  }

  estadoEscaneo(id: string, actor: Usuario, desde = 0): EstadoEscaneo {
    const e = this.escaneoDe(id, actor);
    return {
      id,
      estado: e.estado,
      error: e.error,
      paginas: e.paginas
        .filter((p) => p.indice > desde)
        .map((p) => ({
          indice: p.indice,
          imagen: `data:image/${p.imagen.formato};base64,${p.imagen.bytes.toString('base64')}`,
          ancho: p.imagen.ancho,
          alto: p.imagen.alto,
          ocr: p.texto !== null,
        })),
      texto: e.paginas
        .map((p) => p.texto ?? '')
        .join('\n')
        .slice(0, MAX_TEXTO_SUGERENCIAS),
    };
  }

  /** Seals the pages the clerk kept, in her order and turned as she left them. */
  async guardarEscaneo(id: string, numero: string, orden: { indice: number; rotacion: Rotacion }[], actor: Usuario): Promise<Anexo> {
    const e = this.escaneoDe(id, actor);
    if (e.estado === 'escaneando') throw new RadicaError('CONFLICTO', 'El escáner aún está entregando páginas. Espere a que termine.');
    if (orden.length === 0) throw new RadicaError('VALIDACION', 'No quedó ninguna página para anexar.');
    const porIndice = new Map(e.paginas.map((p) => [p.indice, p]));
    const elegidas = orden.map((o) => {
      const p = porIndice.get(o.indice);
      if (!p) throw new RadicaError('VALIDACION', `La página ${o.indice} no está en este escaneo.`);
      return { p, rotacion: o.rotacion };
    });
    const destino = this.destino(numero, actor);
    const bytes = await this.pdf(
      elegidas.map(({ p, rotacion }) => ({ tipo: 'imagen', imagen: p.imagen, rotacion })),
      destino.numero,
    );
    // The text read while she typed is kept when no page was turned; a turned page is read again.
    const textos = elegidas.every(({ p, rotacion }) => rotacion === 0 && p.texto !== null) ? elegidas.map(({ p }) => p.texto!) : null;
    const anexo = this.sellar(destino, [{ bytes, paginas: elegidas.length, nombre: `escaneo-${destino.numero}.pdf`, textoPaginas: textos }], 'escaner', actor)[0]!;
    this.descartarEscaneo(id, actor);
    return anexo;
  }

  descartarEscaneo(id: string, actor: Usuario): null {
    const e = this.escaneoDe(id, actor);
    this.escaneos.delete(id);
    rmSync(e.carpeta, { recursive: true, force: true });
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // Batch separation by sticker

  /** The radicado number a page's barcodes carry, if any: Code 128 text, or the QR's URL. */
  private numeroEnCodigos(codigos: CodigoLeido[], patron: RegExp): { numero: string; codigo: string | null } | null {
    let deQr: { numero: string; codigo: string | null } | null = null;
    for (const c of codigos) {
      const t = c.texto.trim();
      if (patron.test(t)) return { numero: t.toUpperCase(), codigo: null };
      const url = /^https?:\/\//i.test(t) ? safeUrl(t) : null;
      const n = url?.searchParams.get('numero');
      if (n && patron.test(n)) deQr = { numero: n.toUpperCase(), codigo: url!.searchParams.get('codigo') };
    }
    return deQr;
  }

  /** The files of a batch on disk, in page order: one file, or every file of a folder in name order. */
  leerLote(ruta: string): { origen: string; archivos: ArchivoEntrante[] } {
    const st = statSync(ruta, { throwIfNoEntry: false });
    if (!st) throw new RadicaError('NO_ENCONTRADO', `No existe «${ruta}».`);
    const rutas = st.isDirectory()
      ? readdirSync(ruta, { withFileTypes: true })
          .filter((d) => d.isFile() && !d.name.startsWith('.'))
          .map((d) => path.join(ruta, d.name))
          .sort((a, b) => a.localeCompare(b, 'es', { numeric: true }))
      : [ruta];
    if (rutas.length === 0) throw new RadicaError('VALIDACION', `La carpeta «${path.basename(ruta)}» está vacía.`);
    return { origen: nombreSeguro(path.basename(ruta)), archivos: this.leerArchivos(rutas) };
  }

  /**
   * Splits a batch at every page whose sticker carries a radicado number of this entity, and
   * attaches each part to its radicado. What cannot be attached with certainty goes to the tray.
   */
  async lote(archivos: ArchivoEntrante[], origenLote: string, actor: Usuario, origenAnexo: 'lote' | 'carpeta' = 'lote'): Promise<ResultadoLote> {
    const t0 = performance.now();
    const origen = nombreSeguro(origenLote, 'lote');
    const limites = { ...this.limites(), maxPaginas: 5000 };
    const docs: DocumentoLeido[] = [];
    // Every file is validated before anything is written: one bad file refuses the whole batch.
    for (const a of archivos) docs.push(await leerDocumento(a.bytes, nombreSeguro(a.nombre), limites));
    // Black-and-white scans (CCITT G4, JBIG2) are decoded so their stickers can be read.
    for (const d of docs) {
      try {
        await completarImagenes(d);
      } catch (err) {
        logError('lote', err); // its pages stay without image: no sticker is read on them
      }
    }
    const paginas: Pagina[] = docs.flatMap((d) => d.paginas);
    const patron = patronNumero(this.ctx.estacion().formatoNumero);
    type Parte = { desde: number; paginas: number[]; numero: string | null; motivo: MotivoBandeja | null; codigo: string | null; radicadoId: number | null };
    const partes: Parte[] = [];
    for (let i = 0; i < paginas.length; i++) {
      const p = paginas[i]!;
      const imagen = p.imagen;
      const leido = imagen ? this.numeroEnCodigos(await this.dep.leerCodigos(imagen.bytes), patron) : null;
      const actual = partes.at(-1);
      // A sticker repeated on the next page (a copy, the back of the letter) does not split.
      if (leido && !(actual && actual.codigo === leido.numero)) {
        const fila = this.radicacion.porNumero(leido.numero);
        let motivo: MotivoBandeja | null = null;
        if (!fila || fila.radicado.estado === 'ANULADO') motivo = 'numero_desconocido';
        else if (leido.codigo && !this.ctx.codigoValido(leido.numero, fila.radicado.fechaHora, leido.codigo)) motivo = 'codigo_invalido';
        partes.push({ desde: i + 1, paginas: [i + 1], numero: motivo ? null : leido.numero, motivo, codigo: leido.numero, radicadoId: motivo ? null : fila!.id });
      } else if (actual) actual.paginas.push(i + 1);
      else partes.push({ desde: 1, paginas: [1], numero: null, motivo: 'sin_rotulo', codigo: null, radicadoId: null });
    }
    const lote = `${new Date(this.ctx.clock()).toISOString()} ${origen}`;
    const piezas = await Promise.all(
      partes.map(async (parte) => ({ parte, bytes: await this.pdf(parte.paginas.map((n) => paginas[n - 1]!), parte.numero ?? 'sin asignar') })),
    );
    const resultado = this.conArchivosSellados(
      piezas.map((p) => p.bytes),
      (hashes) => {
        const r: ResultadoLote = { lote, origen, paginas: paginas.length, anexados: [], bandeja: [], ms: 0 };
        piezas.forEach(({ parte, bytes }, i) => {
          const sha256 = hashes[i]!;
          if (parte.numero && parte.radicadoId !== null) {
            if (this.repo.existente(parte.radicadoId, sha256) === null) {
              this.registrar(parte.radicadoId, parte.numero, sha256, { bytes, paginas: parte.paginas.length, nombre: `${origenAnexo}-${origen}-p${parte.desde}.pdf`, textoPaginas: null }, origenAnexo, actor);
            }
            r.anexados.push({ numero: parte.numero, paginas: parte.paginas, sha256 });
          } else {
            const en = this.ctx.clock();
            const id = this.repo.insertarBandeja({
              lote,
              origen,
              desdePagina: parte.desde,
              hastaPagina: parte.paginas.at(-1)!,
              sha256,
              paginas: parte.paginas.length,
              bytes: bytes.length,
              motivo: parte.motivo!,
              codigo: parte.codigo,
              creadoEn: en,
              creadoPor: actor.usuario,
            });
            this.ctx.audit.append({ en, actor: actor.usuario, accion: 'bandeja', radicadoId: null, detalle: { bandeja: id, sha256, motivo: parte.motivo, paginas: parte.paginas.length } });
            r.bandeja.push({ id, paginas: parte.paginas, sha256, motivo: parte.motivo!, codigo: parte.codigo });
          }
        });
        return r;
      },
    );
    resultado.ms = Math.round(performance.now() - t0);
    return resultado;
  }

  bandeja(): ItemBandeja[] {
    return this.repo.bandejaPendiente();
  }

  contenidoBandeja(id: number): { item: ItemBandeja; base64: string } {
    const item = this.repo.bandejaPorId(id);
    if (!item) throw new RadicaError('NO_ENCONTRADO', `El elemento ${id} de la bandeja no existe o ya se resolvió.`);
    return { item, base64: this.almacen.leer(item.sha256).toString('base64') };
  }

  /** A person looked at a tray item and knows its radicado. */
  asignarBandeja(id: number, numero: string, actor: Usuario): Anexo {
    const item = this.repo.bandejaPorId(id);
    if (!item) throw new RadicaError('NO_ENCONTRADO', `El elemento ${id} de la bandeja no existe o ya se resolvió.`);
    const destino = this.destino(numero, actor);
    const bytes = this.almacen.leer(item.sha256);
    const anexoId = this.ctx.db
      .transaction(() => {
        const existente = this.repo.existente(destino.id, item.sha256);
        const aid =
          existente ??
          this.registrar(destino.id, destino.numero, item.sha256, { bytes, paginas: item.paginas, nombre: `bandeja-${item.origen}-p${item.desdePagina}.pdf`, textoPaginas: null }, 'bandeja', actor);
        if (!this.repo.resolverBandeja(id, { en: this.ctx.clock(), por: actor.usuario, resolucion: 'anexado', anexoId: aid })) {
          throw new RadicaError('CONFLICTO', `El elemento ${id} de la bandeja ya lo resolvió otra persona.`);
        }
        return aid;
      })
      .immediate();
    this.programarOcr();
    return this.aAnexo(this.repo.porId(anexoId)!);
  }

  /** Discarded, not deleted: the file stays, the audit says who and when. */
  descartarBandeja(id: number, actor: Usuario): null {
    this.ctx.db
      .transaction(() => {
        const en = this.ctx.clock();
        if (!this.repo.resolverBandeja(id, { en, por: actor.usuario, resolucion: 'descartado', anexoId: null })) {
          throw new RadicaError('NO_ENCONTRADO', `El elemento ${id} de la bandeja no existe o ya se resolvió.`);
        }
        this.ctx.audit.append({ en, actor: actor.usuario, accion: 'bandeja_descartar', radicadoId: null, detalle: { bandeja: id } });
      })
      .immediate();
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // OCR queue

  /** Starts (once) a pass over the pending attachments; `esperarOcr` waits for it. */
  programarOcr(): void {
    if (this.ocrProgramado || this.cerrado) return;
    this.ocrProgramado = true;
    this.colaOcr = this.colaOcr
      .then(async () => {
        this.ocrProgramado = false;
        await this.procesarPendientes();
      })
      .catch((err: unknown) => logError('ocr', err));
  }

  async esperarOcr(): Promise<void> {
    // A pass may schedule another (attachments sealed meanwhile): wait until none is queued.
    for (;;) {
      const c = this.colaOcr;
      await c;
      if (c === this.colaOcr && !this.ocrProgramado) return;
    }
  }

  async procesarPendientes(): Promise<number> {
    let hechos = 0;
    for (;;) {
      if (this.cerrado) return hechos;
      const ids = this.repo.pendientesOcr(20);
      if (ids.length === 0) return hechos;
      for (const id of ids) {
        if (this.cerrado) return hechos;
        await this.reconocerAnexo(id);
        hechos++;
      }
    }
  }

  private async reconocerAnexo(id: number): Promise<void> {
    const fila = this.repo.porId(id)!;
    const t0 = performance.now();
    const en = () => this.ctx.clock();
    try {
      const doc = await leerDocumento(this.almacen.leer(fila.sha256), fila.nombre, { maxBytes: Infinity, maxPaginas: Infinity });
      // A page with text of its own (born digital, or already read by the scanner) needs no OCR;
      // the others are read from their image, decoded first if it is CCITT, JBIG2, ….
      const propios = await textoDePaginas(doc);
      const aReconocer = doc.paginas.flatMap((_, i) => (textoPropioBasta(propios[i]!) ? [] : [i]));
      await completarImagenes(doc, aReconocer);
      const textos: string[] = [];
      let conOcr = 0;
      let conTextoPropio = 0;
      for (const [i, p] of doc.paginas.entries()) {
        if (this.cerrado) return;
        const propio = propios[i]!;
        if (textoPropioBasta(propio) || !p.imagen) {
          if (propio) conTextoPropio++;
          textos.push(propio);
          continue;
        }
        conOcr++;
        const leido = (await this.dep.ocr.reconocer(p.imagen, rotacionDe(p))).texto;
        textos.push(propio ? `${leido}\n${propio}` : leido); // a stamp or a header the scanner wrote
      }
      const texto = textos.join('\n\f\n').trim();
      if (this.cerrado) return;
      const n = doc.paginas.length;
      this.repo.guardarTexto(id, {
        // 'sin_imagenes': nothing needed OCR; the text, if any, is the PDF's own.
        estado: conOcr > 0 ? 'hecho' : 'sin_imagenes',
        texto,
        motor: conOcr > 0 ? this.dep.ocr.nombre : MOTOR_TEXTO_PROPIO,
        ms: Math.round(performance.now() - t0),
        detalle: conOcr < n ? JSON.stringify({ paginasOcr: conOcr, paginasTextoPropio: conTextoPropio, paginasSinTexto: n - conOcr - conTextoPropio }) : null,
        en: en(),
      });
    } catch (err) {
      if (this.cerrado) return;
      logError('ocr', err);
      this.repo.guardarTexto(id, { estado: 'fallido', texto: '', motor: this.dep.ocr.nombre, ms: Math.round(performance.now() - t0), detalle: null, en: en() });
    }
  }

  async cerrar(): Promise<void> {
    this.cerrado = true;
    for (const e of this.escaneos.values()) rmSync(e.carpeta, { recursive: true, force: true });
    this.escaneos.clear();
    await this.dep.ocr.cerrar();
  }
}

/** Pages `desde`…`desde + cantidad - 1` of a stored PDF as data: URLs with their turn (born-digital pages have no image). */
async function imagenesDePaginas(bytes: Buffer, nombre: string, desde: number, cantidad: number): Promise<PaginasAnexo['paginas']> {
  const doc = await leerDocumento(bytes, nombre, { maxBytes: Infinity, maxPaginas: Infinity });
  // Pages of black-and-white scans (CCITT, JBIG2) are decoded by pdf.js, only the ones shown.
  const mostradas = Array.from({ length: Math.max(0, Math.min(cantidad, doc.paginas.length - desde + 1)) }, (_, i) => desde - 1 + i);
  await completarImagenes(doc, mostradas);
  return doc.paginas.slice(desde - 1, desde - 1 + cantidad).map((p, i) => {
    const imagen = p.imagen;
    const rotacion = p.tipo === 'pdf' ? (((p.doc.getPage(p.indice).getRotation().angle % 360) + 360) % 360 as Rotacion) : 0;
    return { pagina: desde + i, imagen: imagen ? `data:image/${imagen.formato};base64,${imagen.bytes.toString('base64')}` : null, rotacion };
  });
}

/** What the queue records as motor when every page had its own text. */
const MOTOR_TEXTO_PROPIO = 'texto propio del PDF (pdf.js)';

/**
 * A page's own text is taken instead of OCR when it is real text, not a line a scanner stamps on
 * its pages ("Escaneado el 3/11/2026 por MFP-2"): a few dozen letters or digits.
 */
function textoPropioBasta(texto: string): boolean {
  return (texto.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 40;
}

function safeUrl(t: string): URL | null {
  try {
    return new URL(t);
  } catch {
    return null;
  }
}

function aError(err: unknown): RadicaError {
  if (err instanceof RadicaError) return err;
  if (err instanceof FalloEscaner) return new RadicaError('ESCANER', err.message);
  return new RadicaError('ESCANER', 'El escáner falló. Revise que esté encendido y conectado, e intente de nuevo.');
}
