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
  constructor(private readonly ctx: StationContext) {}

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
    const { ctx } = this;
    ctx.db
      .transaction(() => {
        const radicadoId = ctx.revisiones.radicadoId(m.numero);
        if (radicadoId === null) throw new RadicaError('NO_ENCONTRADO', `No existe el radicado ${m.numero} en esta estación.`);
        const { nueva } = ctx.revisiones.insertar(m, radicadoId, 'estacion');
        if (!nueva) return;
        ctx.audit.append(
          {
            en: m.revisadoEn,
            actor: m.revisor,
            accion: 'revisar',
            radicadoId,
            detalle: { revision: m.uid, veredicto: m.veredicto, tipoCorrecto: m.tipoCorrecto, dependenciaCorrecta: m.dependenciaCorrecta },
          },
          contenidoRevision(ctx.db, m.uid),
        );
        ctx.outbox.append(m.revisadoEn, 'revision', m.uid, 'insert');
      })
      .immediate();
    return Promise.resolve();
  }
}
