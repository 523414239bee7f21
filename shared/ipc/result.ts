export type CodigoError =
  | 'VALIDACION'
  | 'SIN_SESION'
  | 'NO_AUTORIZADO'
  | 'NO_ENCONTRADO'
  | 'CONFLICTO'
  | 'NO_INICIALIZADA'
  | 'CANAL_DESCONOCIDO'
  | 'ARCHIVO_INVALIDO'
  | 'ESCANER'
  | 'INTERNO';

export interface ErrorRadica {
  code: CodigoError;
  /** Spanish, for the clerk: what happened and what to do. */
  message: string;
  /** Field path → message, for forms. */
  campos?: Record<string, string>;
}

export type Resultado<T> = { ok: true; value: T } | { ok: false; error: ErrorRadica };

/** Thrown by services; the router turns it into { ok: false, error }. */
export class RadicaError extends Error {
  constructor(
    readonly code: CodigoError,
    message: string,
    readonly campos?: Record<string, string>,
  ) {
    super(message);
    this.name = 'RadicaError';
  }
}
