import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrabajoImpresion } from '../../shared/domain/impresion';
import type { Resultado } from '../../shared/ipc/result';
import { llamar } from './api';
import { avisarCambioImpresion, type Documento, type EstadoEnvio } from './impresion';

const SONDEO_MS = 1500;

export interface Impresion {
  envios: Partial<Record<Documento, EstadoEnvio>>;
  /** A rótulo/constancia of this radicado came out of a printer at least once (a new print is a COPIA). */
  yaImpreso: (d: Documento) => boolean;
  imprimir: (d: Documento, o: { copia: boolean; impresora?: string | null }) => Promise<void>;
  /** Retries the failed job, on another printer when given. */
  reintentar: (d: Documento, impresora?: string | null) => Promise<void>;
}

/**
 * The print jobs of one radicado as the clerk sees them. Results that arrive after the component is
 * gone (the clerk pressed F2) are dropped: the job lives on in the station's queue and the header chip.
 * While a job is waiting, its state is read back from the queue (trabajoImpresion).
 */
export function useImpresion(numero: string): Impresion {
  const [envios, setEnvios] = useState<Partial<Record<Documento, EstadoEnvio>>>({});
  const enviosRef = useRef(envios);
  enviosRef.current = envios;
  const impresos = useRef(new Set<Documento>());
  /** Requests on their way to the router: a second Ctrl+P meanwhile does nothing. */
  const enVuelo = useRef(new Set<Documento>());
  const vivo = useRef(true);

  useEffect(() => {
    vivo.current = true;
    return () => {
      vivo.current = false;
    };
  }, []);

  const poner = useCallback((d: Documento, e: EstadoEnvio) => {
    if (!vivo.current) return;
    if (e.fase === 'trabajo' && e.trabajo.estado === 'impreso') impresos.current.add(d);
    setEnvios((prev) => ({ ...prev, [d]: e }));
  }, []);

  const aplicar = useCallback(
    (d: Documento, r: Resultado<TrabajoImpresion>) => {
      poner(d, r.ok ? { fase: 'trabajo', trabajo: r.value } : { fase: 'falla', mensaje: r.error.message });
      avisarCambioImpresion();
    },
    [poner],
  );

  const imprimir = useCallback(
    async (d: Documento, o: { copia: boolean; impresora?: string | null }) => {
      if (enVuelo.current.has(d)) return;
      enVuelo.current.add(d);
      poner(d, { fase: 'imprimiendo', impresora: o.impresora ?? null });
      const r = await llamar(() =>
        window.api.imprimirSticker({ numero, documento: d, copia: o.copia, ...(o.impresora ? { impresora: o.impresora } : {}) }),
      );
      enVuelo.current.delete(d);
      aplicar(d, r);
    },
    [numero, poner, aplicar],
  );

  const reintentar = useCallback(
    async (d: Documento, impresora?: string | null) => {
      if (enVuelo.current.has(d)) return;
      const actual = enviosRef.current[d];
      if (actual?.fase !== 'trabajo' || actual.trabajo.estado === 'impreso') {
        await imprimir(d, { copia: impresos.current.has(d), impresora: impresora ?? null });
        return;
      }
      const trabajo = actual.trabajo;
      const otra = impresora && impresora !== trabajo.impresora ? impresora : null;
      enVuelo.current.add(d);
      poner(d, { fase: 'imprimiendo', impresora: otra ?? trabajo.impresora });
      const r = await llamar(() => window.api.reintentarImpresion({ trabajo: trabajo.id, ...(otra ? { impresora: otra } : {}) }));
      enVuelo.current.delete(d);
      aplicar(d, r);
    },
    [imprimir, poner, aplicar],
  );

  // A job still waiting (the queue retries by itself): follow it until it is printed.
  const esperando = Object.values(envios).some((e) => e?.fase === 'trabajo' && e.trabajo.estado !== 'impreso');
  useEffect(() => {
    if (!esperando) return;
    const id = window.setInterval(() => {
      for (const [d, e] of Object.entries(enviosRef.current) as Array<[Documento, EstadoEnvio | undefined]>) {
        if (e?.fase !== 'trabajo' || e.trabajo.estado === 'impreso') continue;
        void llamar(() => window.api.trabajoImpresion({ trabajo: e.trabajo.id })).then((r) => {
          if (!r.ok || !vivo.current) return;
          const t = r.value;
          if (t.estado !== e.trabajo.estado || t.ultimoError !== e.trabajo.ultimoError || t.intentos !== e.trabajo.intentos) {
            poner(d, { fase: 'trabajo', trabajo: t });
          }
        });
      }
    }, SONDEO_MS);
    return () => window.clearInterval(id);
  }, [esperando, poner]);

  const yaImpreso = useCallback((d: Documento) => impresos.current.has(d), []);
  return { envios, yaImpreso, imprimir, reintentar };
}
