/**
 * Printing, from the clerk's side: Spanish status lines for a job, and a tiny event bus so the header
 * chip refreshes at once when a screen prints, retries or the administrador changes the printers.
 */
import type { ConfigImpresion, EstadoImpresora, ImpresoraConfig, TrabajoImpresion } from '../../shared/domain/impresion';

export type Documento = 'rotulo' | 'constancia';

export const DOCUMENTO_NOMBRE: Record<Documento, string> = { rotulo: 'Rótulo', constancia: 'Constancia' };

/** What one print request looks like on screen. */
export type EstadoEnvio =
  | { fase: 'imprimiendo'; impresora: string | null }
  | { fase: 'trabajo'; trabajo: TrabajoImpresion }
  | { fase: 'falla'; mensaje: string };

export function nombreImpresora(config: ConfigImpresion | null, id: string | null | undefined): string {
  if (!id) return 'la impresora predeterminada';
  return config?.impresoras.find((i) => i.id === id)?.nombre ?? id;
}

export function impresoraPara(config: ConfigImpresion | null, documento: Documento): ImpresoraConfig | null {
  const lista = config?.impresoras ?? [];
  const pref = documento === 'constancia' ? lista.find((i) => i.constancias) : lista.find((i) => i.predeterminada);
  return pref ?? lista.find((i) => i.predeterminada) ?? lista[0] ?? null;
}

/** "Rótulo impreso en «Térmica 1»", "Imprimiendo…", or the printer's Spanish error. */
export function describirEnvio(envio: EstadoEnvio, documento: Documento, config: ConfigImpresion | null): string {
  const doc = DOCUMENTO_NOMBRE[documento];
  const impreso = documento === 'rotulo' ? 'impreso' : 'impresa';
  switch (envio.fase) {
    case 'imprimiendo':
      return `Imprimiendo ${documento === 'rotulo' ? 'el rótulo' : 'la constancia'}…`;
    case 'falla':
      return `${doc} sin imprimir: ${envio.mensaje}`;
    case 'trabajo': {
      const t = envio.trabajo;
      const donde = `«${nombreImpresora(config, t.impresora)}»`;
      const copia = t.copia ? ' (COPIA)' : '';
      if (t.estado === 'impreso') return `${doc}${copia} ${impreso} en ${donde}.`;
      if (t.estado === 'pendiente' && !t.ultimoError) return `Imprimiendo ${documento === 'rotulo' ? 'el rótulo' : 'la constancia'}${copia} en ${donde}…`;
      return `${doc}${copia} sin imprimir. ${t.ultimoError ?? `La impresora ${donde} no ha recibido el trabajo.`}`;
    }
  }
}

export function esError(envio: EstadoEnvio | undefined): boolean {
  if (!envio) return false;
  if (envio.fase === 'falla') return true;
  return envio.fase === 'trabajo' && envio.trabajo.estado !== 'impreso' && !!envio.trabajo.ultimoError;
}

export function enCurso(envio: EstadoEnvio | undefined): boolean {
  if (!envio) return false;
  return envio.fase === 'imprimiendo' || (envio.fase === 'trabajo' && envio.trabajo.estado !== 'impreso');
}

/** "lista" / "sin conexión" / "estado desconocido" for a printer. */
export function describirImpresora(e: EstadoImpresora): string {
  return e.estado === 'lista' ? 'lista' : e.estado === 'sin_conexion' ? 'sin conexión' : 'estado desconocido';
}

/** "Se reintentará solo a las 06:06:35." — the queue's own next attempt, as a clock time (it does not go stale). */
export function proximoIntentoTexto(t: TrabajoImpresion): string | null {
  if (t.estado === 'impreso' || !t.proximoIntento) return null;
  const hora = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(
    t.proximoIntento,
  );
  return `Se reintentará solo a las ${hora}.`;
}

const bus = new EventTarget();
const EVENTO = 'impresion-cambio';

/** Something was printed, retried or reconfigured: the status chip reloads now. */
export function avisarCambioImpresion(): void {
  bus.dispatchEvent(new Event(EVENTO));
}

export function alCambiarImpresion(fn: () => void): () => void {
  bus.addEventListener(EVENTO, fn);
  return () => bus.removeEventListener(EVENTO, fn);
}
