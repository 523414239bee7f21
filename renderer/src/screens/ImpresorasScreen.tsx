import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ConfigImpresion, EstadoImpresora, ImpresoraConfig, TrabajoImpresion } from '../../../shared/domain/impresion';
import { PLANTILLAS, type Plantilla } from '../../../shared/sticker/types';
import { llamar, toFormError } from '../api';
import type { FormError } from '../api';
import { Field, fieldAria } from '../components/Field';
import { ErrorSummary } from '../components/ErrorSummary';
import { avisarCambioImpresion, describirImpresora } from '../impresion';

interface Props {
  active: boolean;
  config: ConfigImpresion | null;
  onGuardado: (c: ConfigImpresion) => void;
}

interface Borrador {
  impresoras: ImpresoraConfig[];
  imprimirAlRadicar: boolean;
  imprimirConstancia: boolean;
  urlConsulta: string;
  urlEncuesta: string;
}

const PLANTILLA_NOMBRE: Record<Plantilla, string> = {
  'etiqueta-100x50': 'Etiqueta 100 × 50 mm',
  'etiqueta-62': 'Etiqueta 62 mm',
  'recibo-80': 'Recibo térmico 80 mm',
};

const CAMPOS_IMPRESORA = ['id', 'nombre', 'uri', 'formato', 'plantilla', 'modoCodigos', 'predeterminada', 'constancias', 'tamano'] as const;

const aBorrador = (c: ConfigImpresion): Borrador => ({
  impresoras: c.impresoras.map((i) => ({ ...i })),
  imprimirAlRadicar: c.imprimirAlRadicar,
  imprimirConstancia: c.imprimirConstancia,
  urlConsulta: c.urlConsulta,
  urlEncuesta: c.urlEncuesta ?? '',
});

const nueva = (n: number, primera: boolean): ImpresoraConfig => ({
  id: `impresora-${n}`,
  nombre: '',
  uri: '',
  formato: 'escpos',
  plantilla: 'recibo-80',
  modoCodigos: 'nativo',
  predeterminada: primera,
  constancias: primera,
  tamano: null,
});

/** Both sizes empty: the template's own size. A half-filled size is sent as is, so the router names the missing one. */
const tamanoDe = (ancho: string, alto: string): ImpresoraConfig['tamano'] =>
  ancho.trim() === '' && alto.trim() === '' ? null : { anchoMm: ancho.trim() === '' ? Number.NaN : Number(ancho), altoMm: alto.trim() === '' ? Number.NaN : Number(alto) };
const mm = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));

/** Field path from the router (impresoras.0.uri) → the input's id. */
const idDeCampo = (path: string): string | null => {
  const m = /^impresoras\.(\d+)\.(\w+)/.exec(path);
  if (m) return `imp-${m[1]}-${m[2]}`;
  return (
    { imprimirAlRadicar: 'imp-al-radicar', imprimirConstancia: 'imp-constancia', urlConsulta: 'imp-url-consulta', urlEncuesta: 'imp-url-encuesta' } as Record<
      string,
      string
    >
  )[path] ?? null;
};

/** The administrador's printers: where stickers and receipts go, what prints after radicar, a test print. */
export function ImpresorasScreen({ active, config, onGuardado }: Props) {
  const [borrador, setBorrador] = useState<Borrador | null>(config ? aBorrador(config) : null);
  const [guardado, setGuardado] = useState<ConfigImpresion | null>(config);
  const [error, setError] = useState<FormError | null>(null);
  const [aviso, setAviso] = useState('');
  const [busy, setBusy] = useState(false);
  const [estados, setEstados] = useState<EstadoImpresora[]>([]);
  const [pruebas, setPruebas] = useState<Record<string, { texto: string; ok: boolean | null }>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const agregarRef = useRef<HTMLButtonElement>(null);
  const tituloRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (config && !borrador) {
      setBorrador(aBorrador(config));
      setGuardado(config);
    }
  }, [config, borrador]);

  const cargarEstados = useCallback(async () => {
    const r = await llamar(() => window.api.estadoImpresion({}));
    if (r.ok) setEstados(r.value.impresoras);
  }, []);

  useEffect(() => {
    if (!active) return;
    void cargarEstados();
    requestAnimationFrame(() => tituloRef.current?.focus());
  }, [active, cargarEstados]);

  if (!borrador) {
    return (
      <section className="screen" hidden={!active} aria-labelledby="impresoras-titulo">
        <h1 id="impresoras-titulo">Impresoras</h1>
        <p role="status">Cargando la configuración de impresión…</p>
      </section>
    );
  }

  const set = <K extends keyof Borrador>(k: K, v: Borrador[K]) => setBorrador((b) => (b ? { ...b, [k]: v } : b));
  const setImp = <K extends keyof ImpresoraConfig>(i: number, k: K, v: ImpresoraConfig[K]) =>
    setBorrador((b) => (b ? { ...b, impresoras: b.impresoras.map((x, j) => (j === i ? { ...x, [k]: v } : x)) } : b));
  /** Only one printer is the default for stickers and one for receipts. */
  const setUnica = (i: number, k: 'predeterminada' | 'constancias', v: boolean) =>
    setBorrador((b) => (b ? { ...b, impresoras: b.impresoras.map((x, j) => ({ ...x, [k]: j === i ? v : v ? false : x[k] })) } : b));

  const err = (path: string) => error?.campos[path];
  const sinGuardar = (imp: ImpresoraConfig) => {
    const g = guardado?.impresoras.find((x) => x.id === imp.id);
    return !g || CAMPOS_IMPRESORA.some((k) => JSON.stringify(g[k]) !== JSON.stringify(imp[k]));
  };

  const guardar = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setAviso('');
    const r = await llamar(() =>
      window.api.configurarImpresion({
        impresoras: borrador.impresoras.map((i) => ({ ...i, id: i.id.trim(), nombre: i.nombre.trim(), uri: i.uri.trim() })),
        imprimirAlRadicar: borrador.imprimirAlRadicar,
        imprimirConstancia: borrador.imprimirConstancia,
        urlConsulta: borrador.urlConsulta,
        urlEncuesta: borrador.urlEncuesta.trim() ? borrador.urlEncuesta : null,
      }),
    );
    setBusy(false);
    if (r.ok) {
      setError(null);
      setGuardado(r.value);
      setBorrador(aBorrador(r.value));
      setAviso('Configuración de impresión guardada.');
      onGuardado(r.value);
      avisarCambioImpresion();
      void cargarEstados();
      return;
    }
    const fe = toFormError(r.error);
    setError(fe);
    const primero = Object.keys(fe.campos).map(idDeCampo).find((id) => id && document.getElementById(id));
    requestAnimationFrame(() => (primero ? document.getElementById(primero) : summaryRef.current)?.focus());
  };

  const probar = async (imp: ImpresoraConfig) => {
    setPruebas((p) => ({ ...p, [imp.id]: { texto: `Enviando la prueba a «${imp.nombre}»…`, ok: null } }));
    const r = await llamar(() => window.api.probarImpresora({ impresora: imp.id }));
    const t: TrabajoImpresion | null = r.ok ? r.value : null;
    const res = !r.ok
      ? { texto: r.error.message, ok: false }
      : t?.estado === 'impreso'
        ? { texto: `Prueba impresa en «${imp.nombre}».`, ok: true }
        : { texto: t?.ultimoError ?? `La prueba quedó en espera para «${imp.nombre}».`, ok: false };
    setPruebas((p) => ({ ...p, [imp.id]: res }));
    avisarCambioImpresion();
    void cargarEstados();
  };

  const agregar = () => {
    const n = borrador.impresoras.length;
    setBorrador((b) => (b ? { ...b, impresoras: [...b.impresoras, nueva(n + 1, n === 0)] } : b));
    requestAnimationFrame(() => document.getElementById(`imp-${n}-nombre`)?.focus());
  };

  const quitar = (i: number) => {
    setBorrador((b) => (b ? { ...b, impresoras: b.impresoras.filter((_, j) => j !== i) } : b));
    setError(null);
    requestAnimationFrame(() => agregarRef.current?.focus());
  };

  return (
    <section className="screen" hidden={!active} aria-labelledby="impresoras-titulo">
      <h1 id="impresoras-titulo" ref={tituloRef} tabIndex={-1}>
        Impresoras
      </h1>
      <p className="lead">Dónde salen los rótulos y las constancias de esta estación. Solo el administrador cambia esta configuración.</p>
      <ErrorSummary error={error} innerRef={summaryRef} />
      <form onSubmit={(e) => void guardar(e)} noValidate className="impresoras-form">
        {borrador.impresoras.length === 0 ? <p className="muted">No hay impresoras configuradas.</p> : null}
        {borrador.impresoras.map((imp, i) => {
          const p = `imp-${i}`;
          const e = (c: string) => err(`impresoras.${i}.${c}`);
          const est = estados.find((x) => x.id === imp.id);
          const prueba = pruebas[imp.id];
          const pendiente = sinGuardar(imp);
          return (
            <fieldset className="group impresora" key={i}>
              <legend>
                Impresora {i + 1}
                {imp.nombre ? `: ${imp.nombre}` : ''}
              </legend>
              <p className="impresora-estado-linea">
                Estado:{' '}
                <strong className={est?.estado === 'sin_conexion' ? 'texto-error' : est?.estado === 'lista' ? 'texto-ok' : undefined}>
                  {pendiente ? 'sin guardar' : est ? describirImpresora(est) : 'sin verificar'}
                </strong>
                {est?.detalle && !pendiente ? <span className="muted"> · {est.detalle}</span> : null}
              </p>
              <div className="row">
                <Field id={`${p}-nombre`} label="Nombre" error={e('nombre')}>
                  <input id={`${p}-nombre`} value={imp.nombre} autoComplete="off" onChange={(ev) => setImp(i, 'nombre', ev.target.value)} {...fieldAria(`${p}-nombre`, e('nombre'))} />
                </Field>
                <Field id={`${p}-id`} label="Identificador" error={e('id')} hint="Minúsculas, números y guiones." className="field--medium">
                  <input id={`${p}-id`} value={imp.id} autoComplete="off" onChange={(ev) => setImp(i, 'id', ev.target.value)} {...fieldAria(`${p}-id`, e('id'), 'hint')} />
                </Field>
              </div>
              <Field
                id={`${p}-uri`}
                label="Dirección de la impresora"
                error={e('uri')}
                hint="tcp://192.168.1.50:9100 (red), /dev/usb/lp0, file:///ruta, cups://COLA, os://NOMBRE o pdf:///carpeta."
              >
                <input
                  id={`${p}-uri`}
                  className="mono"
                  value={imp.uri}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(ev) => setImp(i, 'uri', ev.target.value)}
                  {...fieldAria(`${p}-uri`, e('uri'), 'hint')}
                />
              </Field>
              <div className="row">
                <Field id={`${p}-formato`} label="Formato" error={e('formato')} className="field--medium">
                  <select id={`${p}-formato`} value={imp.formato} onChange={(ev) => setImp(i, 'formato', ev.target.value as ImpresoraConfig['formato'])} {...fieldAria(`${p}-formato`, e('formato'))}>
                    <option value="escpos">ESC/POS (térmica)</option>
                    <option value="pdf">PDF</option>
                  </select>
                </Field>
                <Field id={`${p}-plantilla`} label="Plantilla" error={e('plantilla')} className="field--medium">
                  <select id={`${p}-plantilla`} value={imp.plantilla} onChange={(ev) => setImp(i, 'plantilla', ev.target.value as Plantilla)} {...fieldAria(`${p}-plantilla`, e('plantilla'))}>
                    {PLANTILLAS.map((pl) => (
                      <option key={pl} value={pl}>
                        {PLANTILLA_NOMBRE[pl]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`${p}-modoCodigos`} label="Código de barras y QR" error={e('modoCodigos')}>
                  <select
                    id={`${p}-modoCodigos`}
                    value={imp.modoCodigos}
                    disabled={imp.formato !== 'escpos'}
                    onChange={(ev) => setImp(i, 'modoCodigos', ev.target.value as ImpresoraConfig['modoCodigos'])}
                    {...fieldAria(`${p}-modoCodigos`, e('modoCodigos'))}
                  >
                    <option value="nativo">Nativos (comandos de la impresora)</option>
                    <option value="raster">Como imagen (impresoras sin Code 128 ni QR)</option>
                  </select>
                </Field>
              </div>
              {imp.formato === 'pdf' && imp.plantilla !== 'recibo-80' && (
                <div className="row">
                  <Field id={`${p}-tamano`} label="Ancho de etiqueta (mm)" error={e('tamano.anchoMm')} className="field--medium">
                    <input
                      id={`${p}-tamano`}
                      type="number"
                      inputMode="decimal"
                      min={25}
                      max={220}
                      step="0.1"
                      value={mm(imp.tamano?.anchoMm)}
                      onChange={(ev) => setImp(i, 'tamano', tamanoDe(ev.target.value, mm(imp.tamano?.altoMm)))}
                      {...fieldAria(`${p}-tamano`, e('tamano.anchoMm'))}
                    />
                  </Field>
                  <Field id={`${p}-tamano-alto`} label="Alto de etiqueta (mm)" error={e('tamano.altoMm')} className="field--medium">
                    <input
                      id={`${p}-tamano-alto`}
                      type="number"
                      inputMode="decimal"
                      min={15}
                      max={300}
                      step="0.1"
                      value={mm(imp.tamano?.altoMm)}
                      onChange={(ev) => setImp(i, 'tamano', tamanoDe(mm(imp.tamano?.anchoMm), ev.target.value))}
                      {...fieldAria(`${p}-tamano-alto`, e('tamano.altoMm'))}
                    />
                  </Field>
                  <p className="hint">Opcional: si las etiquetas cargadas no miden lo de la plantilla (por ejemplo 101,6 × 50,8 mm), el rótulo se escala y se centra.</p>
                </div>
              )}
              <div className="row row--checks">
                <div className="check">
                  <input id={`${p}-predeterminada`} type="checkbox" checked={imp.predeterminada} onChange={(ev) => setUnica(i, 'predeterminada', ev.target.checked)} {...fieldAria(`${p}-predeterminada`, e('predeterminada'))} />
                  <label htmlFor={`${p}-predeterminada`}>Predeterminada para rótulos</label>
                </div>
                <div className="check">
                  <input id={`${p}-constancias`} type="checkbox" checked={imp.constancias} onChange={(ev) => setUnica(i, 'constancias', ev.target.checked)} {...fieldAria(`${p}-constancias`, e('constancias'))} />
                  <label htmlFor={`${p}-constancias`}>Imprime las constancias del ciudadano</label>
                </div>
              </div>
              {e('predeterminada') ? <p className="field-error" id={`${p}-predeterminada-error`}>{e('predeterminada')}</p> : null}
              {e('constancias') ? <p className="field-error" id={`${p}-constancias-error`}>{e('constancias')}</p> : null}
              <div className="actions actions--impresora">
                <button
                  type="button"
                  className="btn btn--ghost"
                  disabled={pendiente || prueba?.ok === null}
                  aria-describedby={pendiente ? `${p}-prueba-nota` : `${p}-prueba-estado`}
                  onClick={() => void probar(imp)}
                >
                  Imprimir prueba
                </button>
                <button type="button" className="btn btn--ghost btn--danger-ghost" onClick={() => quitar(i)}>
                  Quitar impresora
                </button>
              </div>
              {pendiente ? (
                <p className="hint" id={`${p}-prueba-nota`}>
                  Guarde los cambios para imprimir una prueba.
                </p>
              ) : null}
              <p
                className={`prueba-estado ${prueba?.ok === false ? 'texto-error' : prueba?.ok ? 'texto-ok' : ''}`}
                id={`${p}-prueba-estado`}
                role="status"
                data-impresora={imp.id}
              >
                {prueba?.texto ?? ''}
              </p>
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="button" ref={agregarRef} className="btn btn--ghost" onClick={agregar} disabled={borrador.impresoras.length >= 20}>
            Agregar impresora
          </button>
        </div>

        <fieldset className="group">
          <legend>Al radicar</legend>
          <div className="check">
            <input id="imp-al-radicar" type="checkbox" checked={borrador.imprimirAlRadicar} onChange={(ev) => set('imprimirAlRadicar', ev.target.checked)} />
            <label htmlFor="imp-al-radicar">Imprimir el rótulo apenas se radica</label>
          </div>
          <div className="check">
            <input id="imp-constancia" type="checkbox" checked={borrador.imprimirConstancia} onChange={(ev) => set('imprimirConstancia', ev.target.checked)} />
            <label htmlFor="imp-constancia">Imprimir también la constancia para el ciudadano</label>
          </div>
          <div>
            <Field
              id="imp-url-consulta"
              label="URL de consulta (QR)"
              error={err('urlConsulta')}
              hint="Use {numero} y {codigo}; por ejemplo https://villademo.gov.co/radicados/{numero}?c={codigo}"
            >
              <input id="imp-url-consulta" className="mono" value={borrador.urlConsulta} autoComplete="off" spellCheck={false} onChange={(ev) => set('urlConsulta', ev.target.value)} {...fieldAria('imp-url-consulta', err('urlConsulta'), 'hint')} />
            </Field>
            <Field id="imp-url-encuesta" label="URL de la encuesta de satisfacción" error={err('urlEncuesta')} hint="Opcional; sale en la constancia.">
              <input id="imp-url-encuesta" className="mono" value={borrador.urlEncuesta} autoComplete="off" spellCheck={false} onChange={(ev) => set('urlEncuesta', ev.target.value)} {...fieldAria('imp-url-encuesta', err('urlEncuesta'), 'hint')} />
            </Field>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn--primary btn--large" disabled={busy}>
            Guardar configuración
          </button>
          <p className="notice" role="status">
            {aviso}
          </p>
        </div>
      </form>
    </section>
  );
}
