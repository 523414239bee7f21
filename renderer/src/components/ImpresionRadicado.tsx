import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConfigImpresion } from '../../../shared/domain/impresion';
import type { StickerLayout } from '../../../shared/sticker/types';
import { llamar } from '../api';
import { describirEnvio, enCurso, esError, impresoraPara, proximoIntentoTexto, type Documento } from '../impresion';
import { useImpresion } from '../useImpresion';
import { StickerPreview } from './StickerPreview';

interface Props {
  numero: string;
  config: ConfigImpresion | null;
  /** The screen is shown: Ctrl+P is ours. */
  active: boolean;
  /**
   * 'radicar': just radicated; prints at once when the station says so, and Ctrl+P prints (a COPIA once
   * printed). 'consulta': every rótulo printed from the detail is a reprint (COPIA).
   */
  modo: 'radicar' | 'consulta';
  /** For ids, so two panels never share one. */
  idBase: string;
  /** A job came out of the printer (the detail reloads its audit history). */
  onImpreso?: () => void;
}

const DOCUMENTOS: Documento[] = ['rotulo', 'constancia'];

/** Sticker preview, print status and print/reprint actions for one radicado. Never blocks the clerk. */
export function ImpresionRadicado({ numero, config, active, modo, idBase, onImpreso }: Props) {
  const imp = useImpresion(numero);
  const [vista, setVista] = useState<StickerLayout | null>(null);
  const [vistaError, setVistaError] = useState('');
  const [elegida, setElegida] = useState<Partial<Record<Documento, string>>>({});
  const autoHecho = useRef(false);
  const copiaVista = modo === 'consulta';
  const hayImpresoras = (config?.impresoras.length ?? 0) > 0;

  useEffect(() => {
    let vivo = true;
    void llamar(() => window.api.vistaSticker({ numero, documento: 'rotulo', copia: copiaVista })).then((r) => {
      if (!vivo) return;
      if (r.ok) {
        setVista(r.value);
        setVistaError('');
      } else setVistaError(r.error.message);
    });
    return () => {
      vivo = false;
    };
  }, [numero, copiaVista]);

  // Just radicated: the sticker (and the citizen's receipt) go out at once, without waiting for anyone.
  useEffect(() => {
    if (modo !== 'radicar' || autoHecho.current || !config) return;
    autoHecho.current = true;
    if (!config.imprimirAlRadicar || config.impresoras.length === 0) return;
    void imp.imprimir('rotulo', { copia: false });
    if (config.imprimirConstancia) void imp.imprimir('constancia', { copia: false });
  }, [modo, config, imp]);

  const impresosIds = Object.values(imp.envios)
    .map((e) => (e?.fase === 'trabajo' && e.trabajo.estado === 'impreso' ? e.trabajo.id : 0))
    .join(',');
  const onImpresoRef = useRef(onImpreso);
  onImpresoRef.current = onImpreso;
  useEffect(() => {
    if (impresosIds.replace(/[0,]/g, '')) onImpresoRef.current?.();
  }, [impresosIds]);

  /** The printer chosen in the selector, or the failed job's, or the station's default for the document. */
  const impresoraDe = useCallback(
    (d: Documento): string => {
      const e = imp.envios[d];
      if (elegida[d]) return elegida[d];
      if (e?.fase === 'trabajo') return e.trabajo.impresora;
      return impresoraPara(config, d)?.id ?? '';
    },
    [imp.envios, elegida, config],
  );

  const accion = useCallback(
    (d: Documento) => {
      const e = imp.envios[d];
      const impresora = impresoraDe(d) || null;
      if (enCurso(e) && !esError(e)) return;
      if (e?.fase === 'trabajo' && e.trabajo.estado !== 'impreso') {
        void imp.reintentar(d, impresora);
        return;
      }
      const copia = (modo === 'consulta' && d === 'rotulo') || imp.yaImpreso(d);
      void imp.imprimir(d, { copia, impresora });
    },
    [imp, impresoraDe, modo],
  );

  // Ctrl+P: print, retry or reprint the rótulo (no browser dialog).
  useEffect(() => {
    if (!active || !hayImpresoras) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyP') {
        e.preventDefault();
        accion('rotulo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, hayImpresoras, accion]);

  const etiquetaBoton = (d: Documento): string => {
    const e = imp.envios[d];
    const atajo = d === 'rotulo' ? ' (Ctrl+P)' : '';
    if (esError(e)) return `Reintentar${d === 'rotulo' ? '' : ' constancia'}${atajo}`;
    if (enCurso(e)) return 'Imprimiendo…';
    const copia = (modo === 'consulta' && d === 'rotulo') || imp.yaImpreso(d);
    if (d === 'rotulo') return `${copia ? 'Reimprimir rótulo (COPIA)' : 'Imprimir rótulo'}${atajo}`;
    return copia ? 'Reimprimir constancia (COPIA)' : 'Imprimir constancia';
  };

  const tituloId = `${idBase}-impresion-titulo`;
  return (
    <section className="impresion" aria-labelledby={tituloId}>
      <div className="impresion-vista">
        {vista ? (
          <StickerPreview layout={vista} numero={numero} />
        ) : (
          <p className="muted">{vistaError || 'Preparando la vista previa del rótulo…'}</p>
        )}
      </div>
      <div className="impresion-panel">
        <h3 id={tituloId}>Impresión</h3>
        {!hayImpresoras ? (
          <p className="muted">
            {config ? 'No hay impresoras configuradas: el administrador las agrega en Impresoras (Alt+I).' : 'Cargando las impresoras…'}
          </p>
        ) : (
          <>
            <div className="impresion-estados" role="status" aria-live="polite" aria-atomic="false">
              {DOCUMENTOS.map((d) => {
                const e = imp.envios[d];
                if (!e) return null;
                const error = esError(e);
                const auto = e.fase === 'trabajo' ? proximoIntentoTexto(e.trabajo) : null;
                return (
                  <p
                    key={d}
                    className={`impresion-estado ${error ? 'impresion-estado--error' : enCurso(e) ? 'impresion-estado--curso' : 'impresion-estado--ok'}`}
                    data-documento={d}
                  >
                    {describirEnvio(e, d, config)}
                    {error && auto ? <span className="impresion-auto"> {auto}</span> : null}
                  </p>
                );
              })}
            </div>
            {esError(imp.envios.rotulo) || esError(imp.envios.constancia) ? (
              <p className="impresion-nota">El número ya quedó radicado: puede seguir atendiendo (F2) y reintentar después.</p>
            ) : null}
            <div className="impresion-acciones">
              {DOCUMENTOS.map((d) => {
                const e = imp.envios[d];
                if (modo === 'radicar' && d === 'constancia' && !e && !config?.imprimirConstancia) {
                  // Offered only on request: the citizen asked for the receipt.
                  return (
                    <div className="impresion-fila" key={d}>
                      <button type="button" className="btn btn--ghost" onClick={() => accion(d)}>
                        {etiquetaBoton(d)}
                      </button>
                    </div>
                  );
                }
                const selId = `${idBase}-impresora-${d}`;
                return (
                  <div className="impresion-fila" key={d}>
                    <div className="field field--inline">
                      <label htmlFor={selId}>{d === 'rotulo' ? 'Impresora del rótulo' : 'Impresora de la constancia'}</label>
                      <select id={selId} value={impresoraDe(d)} onChange={(ev) => setElegida((s) => ({ ...s, [d]: ev.target.value }))}>
                        {config?.impresoras.map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.nombre}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button
                      type="button"
                      className={d === 'rotulo' ? 'btn btn--primary' : 'btn btn--ghost'}
                      disabled={enCurso(e) && !esError(e)}
                      aria-keyshortcuts={d === 'rotulo' ? 'Control+P' : undefined}
                      onClick={() => accion(d)}
                    >
                      {etiquetaBoton(d)}
                    </button>
                  </div>
                );
              })}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
