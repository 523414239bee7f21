import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { RadicadoDetalle, RadicadoResumen, Usuario } from '../../../shared/domain/radicado';
import { formatFecha, formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { buildSearch, SEARCH_MODE_LABEL } from '../searchMode';
import type { SearchMode } from '../searchMode';
import { DetalleRadicado } from '../components/DetalleRadicado';
import type { ConfigImpresion } from '../../../shared/domain/impresion';
import { partesFragmento } from '../anexos';

/** OCR words around the match, the match itself marked. */
function Fragmento({ texto }: { texto: string }) {
  return (
    <p className="fragmento">
      <span className="fragmento-rotulo">En el anexo:</span>{' '}
      {partesFragmento(texto).map((p, i) => (p.marca ? <mark key={i}>{p.texto}</mark> : <span key={i}>{p.texto}</span>))}
    </p>
  );
}

interface ConsultaProps {
  active: boolean;
  usuario: Usuario;
  configImpresion: ConfigImpresion | null;
}

const MODES: SearchMode[] = ['auto', 'numero', 'documento', 'nombre', 'texto'];

/** One search box (número, documento or asunto words, detected or forced), a results table and the detail. */
export function ConsultaScreen({ active, usuario, configImpresion }: ConsultaProps) {
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<SearchMode>('auto');
  const [results, setResults] = useState<RadicadoResumen[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [detalle, setDetalle] = useState<RadicadoDetalle | null>(null);
  const [busy, setBusy] = useState(false);
  const queryRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const lastOpened = useRef<string | null>(null);

  // A layout effect, not a frame later: a clerk who types right after Alt+C must not lose keystrokes.
  useLayoutEffect(() => {
    if (active && !detalle) queryRef.current?.focus();
    // Only when the screen is shown.
  }, [active]);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const q = query.trim();
    if (!q) {
      setError('Escriba un número de radicado, un documento, un nombre o palabras del asunto.');
      queryRef.current?.focus();
      return;
    }
    const { mode: used, input } = buildSearch(q, mode);
    setBusy(true);
    const r = await llamar(() => window.api.buscar(input));
    setBusy(false);
    setDetalle(null);
    if (!r.ok) {
      setError(r.error.message);
      setResults(null);
      setStatus('');
      return;
    }
    setError('');
    setResults(r.value);
    const n = r.value.length;
    setStatus(
      `${n === 0 ? 'Ningún radicado encontrado' : n === 1 ? '1 radicado encontrado' : `${n} radicados encontrados`} ` +
        `(búsqueda por ${SEARCH_MODE_LABEL[used].toLowerCase()}).`,
    );
  };

  const open = async (numero: string) => {
    setBusy(true);
    const r = await llamar(() => window.api.consultar({ numero }));
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError('');
    lastOpened.current = numero;
    setDetalle(r.value);
  };

  const back = () => {
    setDetalle(null);
    requestAnimationFrame(() => {
      const btn = tableRef.current?.querySelector<HTMLButtonElement>(`button[data-numero="${lastOpened.current ?? ''}"]`);
      (btn ?? queryRef.current)?.focus();
    });
  };

  // ArrowUp/ArrowDown move between result rows.
  const onRowKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...(tableRef.current?.querySelectorAll<HTMLButtonElement>('button[data-numero]') ?? [])];
    const i = buttons.indexOf(e.currentTarget);
    buttons[e.key === 'ArrowDown' ? Math.min(i + 1, buttons.length - 1) : Math.max(i - 1, 0)]?.focus();
  };

  return (
    <section className="screen" hidden={!active} aria-labelledby="consulta-titulo">
      <h1 id="consulta-titulo">Consulta de radicados</h1>
      <form className="search" onSubmit={search} noValidate role="search" aria-label="Buscar radicados">
        <div className="field search-query">
          <label htmlFor="consulta-q">Buscar</label>
          <input
            id="consulta-q"
            ref={queryRef}
            type="search"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="consulta-q-hint"
          />
          <p className="hint" id="consulta-q-hint">
            Número (2026-0103-000001), documento (CC:1020304 o solo dígitos), o palabras del asunto.
          </p>
        </div>
        <div className="field field--medium">
          <label htmlFor="consulta-modo">Buscar por</label>
          <select id="consulta-modo" value={mode} onChange={(e) => setMode(e.target.value as SearchMode)}>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {SEARCH_MODE_LABEL[m]}
              </option>
            ))}
          </select>
        </div>
        <div className="search-action">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            Buscar
          </button>
        </div>
      </form>
      <div aria-live="polite" className="search-status">
        {error ? <p className="alert alert--error">{error}</p> : status ? <p>{status}</p> : null}
      </div>
      {detalle ? (
        <DetalleRadicado
          detalle={detalle}
          usuario={usuario}
          onBack={back}
          onChanged={() => void open(detalle.numero)}
          active={active}
          configImpresion={configImpresion}
        />
      ) : results && results.length > 0 ? (
        <div className="table-wrap">
          <table className="results" ref={tableRef}>
            <caption className="visually-hidden">Radicados encontrados. Enter abre el detalle.</caption>
            <thead>
              <tr>
                <th scope="col">Número</th>
                <th scope="col">Fecha</th>
                <th scope="col">Remitente</th>
                <th scope="col">Tipo</th>
                <th scope="col">Dependencia</th>
                <th scope="col">Estado</th>
                <th scope="col">Vence</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <Fragment key={r.numero}>
                  <tr onClick={() => void open(r.numero)} className={[r.estado === 'ANULADO' ? 'is-anulado' : '', r.fragmento ? 'con-fragmento' : ''].filter(Boolean).join(' ') || undefined}>
                    <td>
                      <button type="button" className="link-btn mono" data-numero={r.numero} onKeyDown={onRowKey}>
                        {r.numero}
                      </button>
                    </td>
                    <td>{formatFechaHora(r.fechaHora)}</td>
                    <td>
                      {r.remitenteNombre || 'Anónimo'}
                      <br />
                      <span className="muted">{r.remitenteDocumento}</span>
                    </td>
                    <td title={r.tipoNombre}>{r.tipo}</td>
                    <td>{r.dependenciaNombre}</td>
                    <td>
                      <span className={r.estado === 'ANULADO' ? 'badge badge--anulado' : 'badge badge--activo'}>{r.estado}</span>
                    </td>
                    <td>{r.venceEl ? formatFecha(r.venceEl) : 'Sin término'}</td>
                  </tr>
                  {r.fragmento ? (
                    <tr className="fila-fragmento" onClick={() => void open(r.numero)}>
                      <td colSpan={7}>
                        <p className="fragmento-asunto">
                          <span className="fragmento-rotulo">Asunto:</span> {r.asunto}
                        </p>
                        <Fragmento texto={r.fragmento} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
