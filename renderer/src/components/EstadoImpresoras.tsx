import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConfigImpresion, EstadoImpresora, TrabajoImpresion } from '../../../shared/domain/impresion';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { alCambiarImpresion, avisarCambioImpresion, describirImpresora, DOCUMENTO_NOMBRE, nombreImpresora } from '../impresion';

const SONDEO_MS = 5000;

interface Estado {
  impresoras: EstadoImpresora[];
  trabajos: TrabajoImpresion[];
}

/** "Impresora: lista", "Impresora sin conexión · 2 trabajos pendientes". */
export function resumenImpresoras(estado: Estado | null, config: ConfigImpresion | null): { texto: string; tono: 'ok' | 'error' | 'neutro' } {
  if (!estado) return { texto: 'Impresora: consultando…', tono: 'neutro' };
  if (estado.impresoras.length === 0) return { texto: 'Impresora: sin configurar', tono: 'neutro' };
  const idDefecto = config?.impresoras.find((i) => i.predeterminada)?.id;
  const principal = estado.impresoras.find((i) => i.id === idDefecto) ?? estado.impresoras[0]!;
  const pendientes = estado.trabajos.filter((t) => t.estado !== 'impreso').length;
  const base =
    principal.estado === 'lista' ? 'Impresora: lista' : principal.estado === 'sin_conexion' ? 'Impresora sin conexión' : 'Impresora: sin verificar';
  const cola = pendientes === 0 ? '' : pendientes === 1 ? ' · 1 trabajo pendiente' : ` · ${pendientes} trabajos pendientes`;
  const tono = principal.estado === 'sin_conexion' || pendientes > 0 ? 'error' : principal.estado === 'lista' ? 'ok' : 'neutro';
  return { texto: base + cola, tono };
}

/** The printer status chip of the header: always visible, refreshed every 5 s; opens the pending jobs. */
export function EstadoImpresoras({ config }: { config: ConfigImpresion | null }) {
  const [estado, setEstado] = useState<Estado | null>(null);
  const [abierto, setAbierto] = useState(false);
  const [elegida, setElegida] = useState<Record<number, string>>({});
  const [mensaje, setMensaje] = useState('');
  const botonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.estadoImpresion({}));
    if (r.ok) setEstado(r.value);
  }, []);

  useEffect(() => {
    void cargar();
    const id = window.setInterval(() => void cargar(), SONDEO_MS);
    const quitar = alCambiarImpresion(() => void cargar());
    return () => {
      window.clearInterval(id);
      quitar();
    };
  }, [cargar]);

  useEffect(() => {
    if (!abierto) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        setAbierto(false);
        botonRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [abierto]);

  useEffect(() => {
    if (abierto) requestAnimationFrame(() => panelRef.current?.focus());
  }, [abierto]);

  const reintentar = async (t: TrabajoImpresion) => {
    const otra = elegida[t.id] && elegida[t.id] !== t.impresora ? elegida[t.id] : null;
    setMensaje(`Reintentando el ${DOCUMENTO_NOMBRE[t.documento].toLowerCase()} del radicado ${t.numero}…`);
    const r = await llamar(() => window.api.reintentarImpresion({ trabajo: t.id, ...(otra ? { impresora: otra } : {}) }));
    if (!r.ok) setMensaje(r.error.message);
    else if (r.value.estado === 'impreso') setMensaje(`Radicado ${t.numero}: impreso en «${nombreImpresora(config, r.value.impresora)}».`);
    else setMensaje(`Radicado ${t.numero}: ${r.value.ultimoError ?? 'sigue en espera.'}`);
    avisarCambioImpresion();
  };

  const { texto, tono } = resumenImpresoras(estado, config);
  const pendientes = (estado?.trabajos ?? []).filter((t) => t.estado !== 'impreso');
  return (
    <div className="impresora-chip-wrap">
      <button
        type="button"
        ref={botonRef}
        className={`impresora-chip impresora-chip--${tono}`}
        aria-expanded={abierto}
        aria-controls="panel-impresoras"
        onClick={() => setAbierto((a) => !a)}
      >
        <span className="impresora-chip-punto" aria-hidden="true" />
        {texto}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {texto}
      </p>
      {abierto ? (
        <div
          id="panel-impresoras"
          ref={panelRef}
          className="impresora-panel"
          role="region"
          aria-label="Impresoras y trabajos pendientes"
          tabIndex={-1}
        >
          <h2 className="impresora-panel-titulo">Impresoras</h2>
          {estado && estado.impresoras.length > 0 ? (
            <ul className="impresora-lista">
              {estado.impresoras.map((i) => (
                <li key={i.id} className={i.estado === 'sin_conexion' ? 'is-error' : undefined}>
                  <strong>{i.nombre}</strong>: {describirImpresora(i)}
                  {i.pendientes > 0 ? ` · ${i.pendientes} pendiente${i.pendientes === 1 ? '' : 's'}` : ''}
                  {i.detalle ? <span className="impresora-detalle">{i.detalle}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No hay impresoras configuradas.</p>
          )}
          <h3 className="impresora-panel-titulo">Trabajos pendientes</h3>
          {pendientes.length === 0 ? (
            <p className="muted">Ningún trabajo en espera.</p>
          ) : (
            <ul className="trabajo-lista">
              {pendientes.map((t) => {
                const selId = `trabajo-${t.id}-impresora`;
                return (
                  <li key={t.id}>
                    <p className="trabajo-titulo">
                      <span className="mono">{t.numero}</span> · {DOCUMENTO_NOMBRE[t.documento]}
                      {t.copia ? ' (COPIA)' : ''} · {formatFechaHora(t.creadoEn)}
                    </p>
                    {t.ultimoError ? <p className="trabajo-error">{t.ultimoError}</p> : null}
                    <div className="trabajo-acciones">
                      <label htmlFor={selId}>Impresora</label>
                      <select id={selId} value={elegida[t.id] ?? t.impresora} onChange={(e) => setElegida((s) => ({ ...s, [t.id]: e.target.value }))}>
                        {(config?.impresoras ?? []).map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.nombre}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className="btn btn--primary btn--small"
                        aria-label={`Reintentar ${t.numero}`}
                        onClick={() => void reintentar(t)}
                      >
                        Reintentar
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <p className="trabajo-mensaje" role="status">
            {mensaje}
          </p>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => {
              setAbierto(false);
              botonRef.current?.focus();
            }}
          >
            Cerrar (Esc)
          </button>
        </div>
      ) : null}
    </div>
  );
}
