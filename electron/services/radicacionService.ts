import type { StationContext } from './context';
import type { FilaRadicado, FilaResumen } from '../store/radicadosRepo';
import type { NuevaSugerencia } from '../store/clasificacionRepo';
import { contenidoAnulacion, contenidoRadicado } from '../store/auditRepo';
import type { Catalogo, TipoDocumental } from '../../shared/domain/catalog';
import { describeTermino, findDependencia, findTipo } from '../../shared/domain/catalog';
import { bogotaDate, bogotaYear, formatFechaHora } from '../../shared/domain/bogota';
import { formatearNumero, serieDe } from '../../shared/domain/numbering';
import { calcularVencimiento, type TerminoAplicado, type Vencimiento } from '../../shared/domain/terms';
import type { CalendarioHabil } from '../../shared/domain/holidays';
import type { Radicado, RadicadoDetalle, RadicadoResumen, Remitente, Usuario } from '../../shared/domain/radicado';
import type { ValidadoDe } from '../../shared/ipc/contract';
import { RadicaError } from '../../shared/ipc/result';

type RadicarValidado = ValidadoDe<'radicacion:radicar'>;

const ANONIMO: Remitente = {
  tipoDocumento: 'AN',
  numeroDocumento: '',
  nombres: 'Anónimo',
  telefono: null,
  correo: null,
  direccion: null,
  autorizaDatos: false,
};

/** Radicar, consult, search and annul: the clerk's daily work. */
export class RadicacionService {
  private readonly vencimientos = new WeakMap<CalendarioHabil, Map<string, Vencimiento>>();

  constructor(private readonly ctx: StationContext) {}

  /**
   * Gives the document its number. The counter increment, the remitente, the radicado, its audit
   * entry and its outbox entry commit together (BEGIN IMMEDIATE): a crash leaves all or nothing,
   * and concurrent processes take numbers one at a time, so series have no gaps or repeats.
   */
  radicar(input: RadicarValidado, actor: Usuario): Radicado {
    const preparado = this.preparar(input);
    const id = this.ctx.db.transaction(() => this.registrar(preparado, actor, this.ctx.clock(), false)).immediate();
    return this.leerPorId(id);
  }

  /**
   * Many radicados in one transaction (demo data, benchmarks, imports): same rules and rows as
   * radicar, one commit. `en(i)` gives each one's instant, in order.
   */
  radicarLote(inputs: RadicarValidado[], actor: Usuario, en: (i: number) => number, demo: boolean): string[] {
    const preparados = inputs.map((i) => this.preparar(i));
    return this.ctx.db
      .transaction(() => preparados.map((p, i) => this.numeroDe(this.registrar(p, actor, en(i), demo))))
      .immediate();
  }

  /** Everything that can be checked before taking the write lock. */
  private preparar(input: RadicarValidado) {
    const estacion = this.ctx.estacion();
    const { catalogo, calendario } = this.ctx.catalogoVigente();
    const tipo = this.tipoVigente(catalogo, input.tipo);
    this.dependenciaVigente(catalogo, input.dependencia);
    const termino = terminoAplicado(tipo, input.termino ?? null);
    const remitente: Remitente = input.remitente.tipoDocumento === 'AN' ? ANONIMO : input.remitente;
    return { input, estacion, catalogo, calendario, tipo, termino, remitente };
  }

  /**
   * Gives the document its number. Runs inside an IMMEDIATE transaction: the counter increment,
   * the remitente, the radicado, its audit entry and its outbox entry commit together, a crash
   * leaves all or nothing, and concurrent processes take numbers one at a time, so series have no
   * gaps or repeats. The time is read under the write lock: numbers follow the order of receipt.
   */
  private registrar(p: ReturnType<RadicacionService['preparar']>, actor: Usuario, en: number, demo: boolean): number {
    const { ctx } = this;
    const { estacion, input } = p;
    const anio = bogotaYear(en);
    const serie = serieDe(anio, estacion.sede, estacion.ventanilla);
    const { serieId, consecutivo } = ctx.radicados.siguienteConsecutivo(serie, anio, estacion.sede, estacion.ventanilla);
    const numero = formatearNumero(estacion.formatoNumero, { year: anio, sede: estacion.sede, ventanilla: estacion.ventanilla, seq: consecutivo });
    const remitenteId = ctx.radicados.guardarRemitente(p.remitente, en);
    const vence = this.vencimiento(en, p.termino, p.calendario);
    const radicadoId = ctx.radicados.insertar({
      numero,
      serieId,
      consecutivo,
      fechaHora: en,
      radicador: actor.usuario,
      remitenteId,
      canal: input.canal,
      asunto: input.asunto,
      tipo: p.tipo.codigo,
      dependencia: input.dependencia,
      folios: input.folios,
      anexos: input.anexos ?? null,
      termino: p.termino.cantidad,
      unidadTermino: p.termino.unidad,
      venceEl: vence.venceEl,
      venceEn: vence.venceEn,
      catalogoVersion: p.catalogo.version,
      demo,
    });
    ctx.audit.append({ en, actor: actor.usuario, accion: 'radicar', radicadoId, detalle: null }, contenidoRadicado(ctx.db, radicadoId));
    ctx.outbox.append(en, 'radicado', numero, 'crear');
    if (input.sugerencia) ctx.clasificacion.guardarSugerencia(radicadoId, registroSugerencia(input.sugerencia, p.tipo.codigo, input.dependencia));
    return radicadoId;
  }

  /**
   * Terms in days depend only on the civil date of radicación: computed once per date, term and
   * calendar (a batch of thousands spends most of its JavaScript time counting business days).
   */
  private vencimiento(en: number, termino: TerminoAplicado, calendario: CalendarioHabil): Vencimiento {
    if (termino.unidad !== 'dias_habiles' && termino.unidad !== 'dias_calendario') return calcularVencimiento(en, termino, calendario);
    let porCalendario = this.vencimientos.get(calendario);
    if (!porCalendario) this.vencimientos.set(calendario, (porCalendario = new Map()));
    const clave = `${bogotaDate(en)}|${termino.unidad}|${termino.cantidad}`;
    let v = porCalendario.get(clave);
    if (!v) {
      if (porCalendario.size >= 10_000) porCalendario.clear();
      v = calcularVencimiento(en, termino, calendario);
      porCalendario.set(clave, v);
    }
    return v;
  }

  /** Detail with its audit history; the access itself is recorded (Ley 1581: log who saw personal data). */
  consultar(numero: string, actor: Usuario): RadicadoDetalle {
    const fila = this.filaVisible(numero, actor);
    this.ctx.db
      .transaction(() => {
        this.ctx.audit.append({ en: this.ctx.clock(), actor: actor.usuario, accion: 'consultar', radicadoId: fila.id, detalle: null });
      })
      .immediate();
    return {
      ...this.aRadicado(fila),
      auditoria: this.ctx.audit.deRadicado(fila.id),
    };
  }

  /**
   * The radicado as the caller may see it (a radicador only their own), without an access entry in
   * the audit log: printing or previewing the sticker of a radicado the clerk just registered.
   */
  visible(numero: string, actor: Usuario): { id: number; radicado: Radicado } {
    const fila = this.filaVisible(numero, actor);
    return { id: fila.id, radicado: this.aRadicado(fila) };
  }

  /** By number, for the print queue (the job was already authorised when it was queued). */
  porNumero(numero: string): { id: number; radicado: Radicado } | null {
    const fila = this.ctx.radicados.porNumero(numero);
    return fila ? { id: fila.id, radicado: this.aRadicado(fila) } : null;
  }

  buscar(input: ValidadoDe<'radicacion:buscar'>, actor: Usuario): RadicadoResumen[] {
    const soloDe = actor.rol === 'radicador' ? actor.usuario : null;
    const { radicados } = this.ctx;
    let filas: FilaResumen[];
    if (input.numero) filas = radicados.buscarPorNumero(input.numero.trim().toUpperCase(), soloDe);
    else if (input.documento) {
      const m = /^([A-Za-z]{2,3})\s*[:\s]\s*(.+)$/.exec(input.documento.trim());
      const tipo = m ? m[1]!.toUpperCase() : null;
      const numero = (m ? m[2]! : input.documento).replace(/[.\s]/g, '');
      filas = radicados.buscarPorDocumento(tipo, numero, soloDe, input.limite);
    } else if (input.nombre) filas = radicados.buscarPorNombre(input.nombre, soloDe, input.limite);
    else {
      // The asunto first, then what the attachments say (OCR): a radicado found both ways appears once.
      filas = radicados.buscarPorTexto(input.texto ?? '', soloDe, input.limite);
      if (filas.length < input.limite) {
        const ya = new Set(filas.map((f) => f.numero));
        for (const f of this.ctx.anexos.buscarTexto(input.texto ?? '', soloDe, input.limite)) {
          if (filas.length >= input.limite) break;
          if (!ya.has(f.numero)) filas.push(f);
        }
      }
    }
    return filas.map((f) => {
      const { catalogo } = this.ctx.catalogoVersion(f.catalogoVersion);
      const { catalogoVersion: _v, ...rest } = f;
      return {
        ...rest,
        tipoNombre: findTipo(catalogo, f.tipo)?.nombre ?? f.tipo,
        dependenciaNombre: findDependencia(catalogo, f.dependencia)?.nombre ?? f.dependencia,
      };
    });
  }

  remitentePorDocumento(tipo: Remitente['tipoDocumento'], numero: string): Remitente | null {
    if (tipo === 'AN') return null;
    return this.ctx.radicados.remitentePorDocumento(tipo, numero);
  }

  /** The number stays used and visible as ANULADO; nothing is deleted. */
  anular(input: ValidadoDe<'radicacion:anular'>, actor: Usuario): Radicado {
    const { ctx } = this;
    const numero = input.numero.trim().toUpperCase();
    const id = ctx.db
      .transaction(() => {
        const fila = ctx.radicados.porNumero(numero);
        if (!fila) throw noExiste(numero);
        if (fila.anulAnuladoEn !== null) {
          throw new RadicaError(
            'CONFLICTO',
            `El radicado ${numero} ya fue anulado el ${formatFechaHora(fila.anulAnuladoEn)} (aprobó: ${fila.anulAprobadoPor}).`,
          );
        }
        const en = ctx.clock();
        ctx.radicados.anular(fila.id, { justificacion: input.justificacion, aprobadoPor: input.aprobadoPor, anuladoPor: actor.usuario, anuladoEn: en });
        ctx.audit.append({ en, actor: actor.usuario, accion: 'anular', radicadoId: fila.id, detalle: null }, contenidoAnulacion(ctx.db, fila.id));
        ctx.outbox.append(en, 'radicado', numero, 'anular');
        return fila.id;
      })
      .immediate();
    return this.leerPorId(id);
  }

  private numeroDe(id: number): string {
    return this.ctx.radicados.numeroDe(id);
  }

  private leerPorId(id: number): Radicado {
    return this.aRadicado(this.ctx.radicados.porNumero(this.numeroDe(id))!);
  }

  private filaVisible(numero: string, actor: Usuario): FilaRadicado {
    const n = numero.trim().toUpperCase();
    const fila = this.ctx.radicados.porNumero(n);
    if (!fila) throw noExiste(n);
    if (actor.rol === 'radicador' && fila.radicador !== actor.usuario) {
      throw new RadicaError('NO_AUTORIZADO', `El radicado ${n} lo registró otro funcionario. Pida la consulta a su coordinador.`);
    }
    return fila;
  }

  private tipoVigente(catalogo: Catalogo, codigo: string): TipoDocumental {
    const tipo = findTipo(catalogo, codigo.trim().toUpperCase());
    if (!tipo || !tipo.activo) {
      throw new RadicaError(
        'VALIDACION',
        `El tipo documental "${codigo}" no existe en el catálogo vigente (versión ${catalogo.version}). Búsquelo por código o nombre.`,
        { tipo: 'Elija un tipo documental del catálogo.' },
      );
    }
    return tipo;
  }

  private dependenciaVigente(catalogo: Catalogo, codigo: string): void {
    const dep = findDependencia(catalogo, codigo.trim());
    if (!dep || !dep.activo) {
      throw new RadicaError(
        'VALIDACION',
        `La dependencia "${codigo}" no existe en el catálogo vigente (versión ${catalogo.version}). Búsquela por código o nombre.`,
        { dependencia: 'Elija una dependencia del catálogo.' },
      );
    }
  }

  aRadicado(f: FilaRadicado): Radicado {
    const { catalogo } = this.ctx.catalogoVersion(f.catalogoVersion);
    return {
      numero: f.numero,
      serie: f.serie,
      consecutivo: f.consecutivo,
      fechaHora: f.fechaHora,
      sede: f.sede,
      ventanilla: f.ventanilla,
      radicador: f.radicador,
      radicadorNombre: f.radicadorNombre ?? f.radicador,
      canal: f.canal,
      asunto: f.asunto,
      tipo: f.tipo,
      tipoNombre: findTipo(catalogo, f.tipo)?.nombre ?? f.tipo,
      dependencia: f.dependencia,
      dependenciaNombre: findDependencia(catalogo, f.dependencia)?.nombre ?? f.dependencia,
      folios: f.folios,
      anexos: f.anexos,
      termino: f.termino,
      unidadTermino: f.unidadTermino,
      venceEl: f.venceEl,
      venceEn: f.venceEn,
      catalogoVersion: f.catalogoVersion,
      estado: f.anulAnuladoEn === null ? 'ACTIVO' : 'ANULADO',
      anulacion:
        f.anulAnuladoEn === null
          ? null
          : { justificacion: f.anulJustificacion!, aprobadoPor: f.anulAprobadoPor!, anuladoPor: f.anulAnuladoPor!, anuladoPorNombre: f.anulAnuladoPorNombre!, anuladoEn: f.anulAnuladoEn },
      demo: f.demo === 1,
      codigoVerificacion: this.ctx.codigoVerificacion(f.numero, f.fechaHora),
      remitente: {
        tipoDocumento: f.remitenteTipoDocumento,
        numeroDocumento: f.remitenteNumeroDocumento,
        nombres: f.remitenteNombres,
        telefono: f.remitenteTelefono,
        correo: f.remitenteCorreo,
        direccion: f.remitenteDireccion,
        autorizaDatos: f.remitenteAutorizaDatos === 1,
      },
    };
  }
}

/** What was suggested, with what confidence and source, and whether the clerk's final choice is the top suggestion. */
function registroSugerencia(s: NonNullable<RadicarValidado['sugerencia']>, tipo: string, dependencia: string): NuevaSugerencia {
  const t = s.tipos[0] ?? null;
  const d = s.dependencias[0] ?? null;
  return {
    modelo: s.modelo ?? 'frases',
    fuente: s.fuente ?? null,
    tipoSugerido: t?.codigo ?? null,
    tipoProbabilidad: t?.probabilidad ?? null,
    tipoAceptado: t ? t.codigo === tipo : null,
    dependenciaSugerida: d?.codigo ?? null,
    dependenciaProbabilidad: d?.probabilidad ?? null,
    dependenciaAceptada: d ? d.codigo === dependencia.trim() : null,
    detalle: { tipos: s.tipos, dependencias: s.dependencias },
  };
}

function noExiste(numero: string): RadicaError {
  return new RadicaError('NO_ENCONTRADO', `No existe el radicado ${numero} en esta estación. Revise el número (ejemplo: 2026-0103-000123).`);
}

/** The catalog's term, or the one the document sets when the tipo allows or requires it. */
export function terminoAplicado(tipo: TipoDocumental, dado: TerminoAplicado | null): TerminoAplicado {
  if (dado) {
    if (!tipo.editable && !tipo.requiereTermino && (dado.cantidad !== tipo.termino || dado.unidad !== tipo.unidad)) {
      throw new RadicaError(
        'VALIDACION',
        `El término de ${tipo.nombre} lo fija la ley (${describeTermino(tipo)}); no se puede cambiar al radicar.`,
        { termino: `Término legal: ${describeTermino(tipo)}.` },
      );
    }
    return { cantidad: dado.cantidad, unidad: dado.unidad };
  }
  if (tipo.requiereTermino) {
    throw new RadicaError(
      'VALIDACION',
      `${tipo.nombre}: escriba el término que fija el documento (por ejemplo 48 horas o 3 días hábiles).`,
      { termino: 'Escriba el término que fija el documento.' },
    );
  }
  return { cantidad: tipo.termino, unidad: tipo.unidad };
}
