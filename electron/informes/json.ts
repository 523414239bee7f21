/**
 * The weekly report as JSON: the InformeSemanal itself, pretty-printed, with its instants
 * (generadoEn, each observation's fechaHora and revisadoEn) as ISO 8601 strings with Bogota's
 * offset (2026-11-23T07:30:00.000-05:00) instead of epoch milliseconds: what scripts and people read.
 */
import { isoBogota } from '../../shared/domain/bogota';
import type { InformeSemanal, ObservacionInforme } from '../../shared/domain/revision';

type ConInstantesIso<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/** The shape of the JSON file. */
export type InformeSemanalJson = ConInstantesIso<Omit<InformeSemanal, 'observaciones'>, 'generadoEn'> & {
  observaciones: ConInstantesIso<ObservacionInforme, 'fechaHora' | 'revisadoEn'>[];
};

export function informeParaJson(informe: InformeSemanal): InformeSemanalJson {
  return {
    ...informe,
    generadoEn: isoBogota(informe.generadoEn),
    observaciones: informe.observaciones.map((o) => ({ ...o, fechaHora: isoBogota(o.fechaHora), revisadoEn: isoBogota(o.revisadoEn) })),
  };
}

export function informeAJson(informe: InformeSemanal): Buffer {
  return Buffer.from(`${JSON.stringify(informeParaJson(informe), null, 2)}\n`, 'utf8');
}
