/**
 * The review on this station's own store: its radicados, and marks written with their audit entry
 * and outbox row in one transaction (a mark the central store must see, like any other write).
 */
import type { StationContext } from '../services/context';
import type { FuenteRevision, AlcanceConsulta } from './fuente';
import type { MarcaRevision, SemanaIso } from '../../shared/domain/revision';
import { tendenciaDeConteos } from '../../shared/revision/estadisticas';
import { contenidoRevision } from '../store/auditRepo';
import { RadicaError } from '../../shared/ipc/result';

export class FuenteRevisionEstacion implements FuenteRevision {
  readonly alcance = 'estacion';

  constructor(private readonly ctx: StationContext) {}

  usosSugerencias(a: Omit<AlcanceConsulta, 'radicador'>) {
    const modelos = this.ctx.clasificacion.modelosGuardados().map((m) => ({ clave: String(m.id), origen: m.origen, version: m.version }));
    return Promise.resolve({ usos: this.ctx.clasificacion.usosSugerencias(a), modelos });
  }

  radicados(a: AlcanceConsulta) {
    return Promise.resolve(this.ctx.revisiones.radicados(a));
  }

  resumen(a: AlcanceConsulta) {
    return Promise.resolve(this.ctx.revisiones.resumen(a));
  }

  tendencia(a: Omit<AlcanceConsulta, 'inicioMs' | 'finMs'>, semanas: readonly SemanaIso[]) {
    if (semanas.length === 0) return Promise.resolve([]);
    const conteos = this.ctx.revisiones.conteosPorSemana({ ...a, inicioMs: semanas[0]!.inicioMs, finMs: semanas.at(-1)!.finMs });
    return Promise.resolve(tendenciaDeConteos(conteos, semanas));
  }

  radicado(numero: string) {
    return Promise.resolve(this.ctx.revisiones.radicado(numero));
  }

  marcar(m: MarcaRevision): Promise<void> {
    this.ctx.db.transaction(() => registrarMarca(this.ctx, m, 'estacion')).immediate();
    return Promise.resolve();
  }
}

/**
 * A mark in this station's store, with its audit entry (the hash covers the mark's content); a
 * mark made here also goes to the outbox, one that came from the central store does not go back.
 * Idempotent by uid. Runs inside the caller's transaction. Returns whether the mark is new.
 */
export function registrarMarca(ctx: StationContext, m: MarcaRevision, origen: 'estacion' | 'central'): boolean {
  const radicadoId = ctx.revisiones.radicadoId(m.numero);
  if (radicadoId === null) throw new RadicaError('NO_ENCONTRADO', `No existe el radicado ${m.numero} en esta estación.`);
  const { nueva } = ctx.revisiones.insertar(m, radicadoId, origen);
  if (!nueva) return false;
  ctx.audit.append(
    {
      en: m.revisadoEn,
      actor: m.revisor,
      accion: 'revisar',
      radicadoId,
      detalle: { revision: m.uid, veredicto: m.veredicto, tipoCorrecto: m.tipoCorrecto, dependenciaCorrecta: m.dependenciaCorrecta, ...(origen === 'central' ? { origen } : {}) },
    },
    contenidoRevision(ctx.db, m.uid),
  );
  if (origen === 'estacion') ctx.outbox.append(m.revisadoEn, 'revision', m.uid, 'insert');
  return true;
}
