import { ErrorSemana, semanaIso, type SemanaIso } from '../../shared/domain/revision';
import { RadicaError } from '../../shared/ipc/result';

/** The ISO week a coordinator asked for ('2026-W47', 'actual', 'anterior'); a week that does not exist is a validation error on the field. */
export function semanaPedida(texto: string, ahoraMs: number): SemanaIso {
  try {
    return semanaIso(texto, ahoraMs);
  } catch (err) {
    if (err instanceof ErrorSemana) throw new RadicaError('VALIDACION', err.message, { semana: err.message });
    throw err;
  }
}
