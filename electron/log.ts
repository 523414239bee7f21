/**
 * Technical log for support. Never personal data: only the operation, the error's class and
 * SQLite/Node error codes. Messages of unknown errors are not written, because they may quote input.
 */
export function logError(operacion: string, err: unknown): void {
  const e = err as { name?: string; code?: string; stack?: string };
  const frames = (e.stack ?? '').split('\n').slice(1, 6).map((l) => l.trim()).join(' | ');
  console.error(`[radica] ${new Date().toISOString()} error en ${operacion}: ${e.name ?? 'Error'}${e.code ? ` (${e.code})` : ''} ${frames}`);
}
