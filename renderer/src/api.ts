import type { ErrorRadica, Resultado } from '../../shared/ipc/result';

/** What a screen keeps from a failed call: the clerk-facing message and per-field messages. */
export interface FormError {
  message: string;
  campos: Record<string, string>;
}

export function toFormError(error: ErrorRadica): FormError {
  return { message: error.message, campos: error.campos ?? {} };
}

/**
 * Calls window.api and never throws: a missing bridge or a rejected promise becomes an INTERNO error,
 * so every screen handles one shape.
 */
export async function llamar<T>(fn: () => Promise<Resultado<T>>): Promise<Resultado<T>> {
  try {
    return await fn();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'INTERNO', message: `No fue posible comunicarse con la estación. Intente de nuevo. (${detail})` },
    };
  }
}
