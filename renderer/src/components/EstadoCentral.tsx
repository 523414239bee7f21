import { useEffect, useState } from 'react';
import type { EstadoCentral as Estado } from '../../../shared/domain/central';
import { llamar } from '../api';

const SONDEO_MS = 10_000;

/** "Servidor central: al día", "Servidor central: 12 por enviar", or the offline line. */
export function resumenCentral(e: Estado | null): { texto: string; tono: 'ok' | 'error' | 'neutro' } | null {
  if (!e || !e.configurado) return null;
  if (!e.conectado) {
    const cola = e.pendientes > 0 ? ` (${e.pendientes.toLocaleString('es-CO')} por enviar)` : '';
    return { texto: `${e.mensaje ?? 'Sin conexión con el servidor central — radicando localmente.'}${cola}`, tono: 'error' };
  }
  if (e.pendientes === 0) return { texto: 'Servidor central: al día', tono: 'ok' };
  return { texto: `Servidor central: ${e.pendientes.toLocaleString('es-CO')} por enviar`, tono: 'neutro' };
}

/**
 * The replication chip of the header: only when the station replicates to a central store. When
 * the server is down the clerk reads that she keeps radicating locally; nothing is blocked.
 */
export function EstadoCentral() {
  const [estado, setEstado] = useState<Estado | null>(null);
  useEffect(() => {
    let vivo = true;
    const cargar = async () => {
      const r = await llamar(() => window.api.estadoCentral({}));
      if (vivo && r.ok) setEstado(r.value);
    };
    void cargar();
    const id = window.setInterval(() => void cargar(), SONDEO_MS);
    return () => {
      vivo = false;
      window.clearInterval(id);
    };
  }, []);
  const r = resumenCentral(estado);
  if (!r) return null;
  return (
    <p className={`impresora-chip impresora-chip--${r.tono} central-chip`} role="status">
      <span className="impresora-chip-punto" aria-hidden="true" />
      {r.texto}
    </p>
  );
}
