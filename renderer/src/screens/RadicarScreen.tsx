import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Catalogo, UnidadTermino } from '../../../shared/domain/catalog';
import { describeTermino, UNIDAD_TERMINO_NOMBRE } from '../../../shared/domain/catalog';
import { CANALES, TIPOS_DOCUMENTO_IDENTIDAD } from '../../../shared/domain/radicado';
import type { Canal, Radicado, TipoDocumentoIdentidad } from '../../../shared/domain/radicado';
import type { ConfigImpresion } from '../../../shared/domain/impresion';
import { llamar, toFormError } from '../api';
import type { FormError } from '../api';
import { Field, fieldAria } from '../components/Field';
import { Combobox } from '../components/Combobox';
import type { ComboOption } from '../components/Combobox';
import { ErrorSummary } from '../components/ErrorSummary';
import { ResultadoRadicacion } from '../components/ResultadoRadicacion';
import { CAMPOS, FORM_VACIO, pideTermino, toRadicarInput, withRemitente, withTipo } from '../radicarForm';
import type { RadicarForm } from '../radicarForm';
import { registroDeSugerencias, type ResultadoSugerencias } from '../../../shared/sugerencias';
import { SugerenciaCampo, anuncioSugerencias } from '../components/SugerenciaCampo';
import type { Anexo } from '../../../shared/domain/anexos';
import { useEscaneo } from '../useEscaneo';
import { MiniaturasEscaneo } from '../components/MiniaturasEscaneo';
import { SelectorArchivos } from '../components/SelectorArchivos';
import { EXTENSIONES_ANEXO, formatBytes, leerArchivos, motivoAnexoFallido, shaCorto, textoSugerencias } from '../anexos';
import type { ArchivoLeido } from '../anexos';

/** Wait this long after the last keystroke in the asunto before asking for suggestions. */
const ESPERA_SUGERENCIAS_MS = 150;


/** What became of the pages and files after the radicado got its number (the errors as the clerk reads them). */
interface Anexado {
  anexos: Anexo[];
  errorEscaneo: string | null;
  errorArchivos: string | null;
}
const ANEXADO_VACIO: Anexado = { anexos: [], errorEscaneo: null, errorArchivos: null };

const UNIDADES_EDITABLES: UnidadTermino[] = ['dias_habiles', 'dias_calendario', 'horas'];

const AVISO_DATOS =
  'Aviso de privacidad (Ley 1581 de 2012): la entidad trata los datos personales del remitente solo para tramitar y ' +
  'responder esta solicitud. El titular puede conocer, actualizar, rectificar y suprimir sus datos.';

interface RadicarScreenProps {
  active: boolean;
  catalogo: Catalogo | null;
  configImpresion: ConfigImpresion | null;
}

/** The clerk's main screen: remitente, document, tipo documental and dependencia; Enter radicates. */
export function RadicarScreen({ active, catalogo, configImpresion }: RadicarScreenProps) {
  const [form, setForm] = useState<RadicarForm>(FORM_VACIO);
  const [error, setError] = useState<FormError | null>(null);
  const [result, setResult] = useState<Radicado | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [sugerencias, setSugerencias] = useState<ResultadoSugerencias | null>(null);
  const pedidoSugerencias = useRef(0);
  const lastLookup = useRef('');
  const firstField = useRef<HTMLSelectElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const done = result !== null;
  const escaneo = useEscaneo();
  const esc = escaneo.escaneo;
  /** The clerk typed the folios herself: the page count no longer overwrites them. */
  const foliosTocados = useRef(false);
  const [archivos, setArchivos] = useState<ArchivoLeido[]>([]);
  const [errorArchivo, setErrorArchivo] = useState<string | null>(null);
  const archivoRef = useRef<HTMLInputElement>(null);
  const escanearBtn = useRef<HTMLButtonElement>(null);
  const [anexado, setAnexado] = useState<Anexado>(ANEXADO_VACIO);
  const [anexando, setAnexando] = useState(false);
  const [confirmando, setConfirmando] = useState(false);
  const [avisoEscaneo, setAvisoEscaneo] = useState('');
  const volverConfirmBtn = useRef<HTMLButtonElement>(null);

  const set = <K extends keyof RadicarForm>(k: K, v: RadicarForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const tipoOptions: ComboOption[] = useMemo(
    () =>
      (catalogo?.tipos ?? [])
        .filter((t) => t.activo)
        .map((t) => ({ value: t.codigo, label: `${t.codigo} · ${t.nombre}`, description: describeTermino(t) })),
    [catalogo],
  );
  const dependenciaOptions: ComboOption[] = useMemo(
    () =>
      (catalogo?.dependencias ?? []).filter((d) => d.activo).map((d) => ({ value: d.codigo, label: `${d.codigo} · ${d.nombre}` })),
    [catalogo],
  );
  const tipo = catalogo?.tipos.find((t) => t.codigo === form.tipo);

  const limpiar = useCallback(() => {
    setConfirmando(false);
    setForm(FORM_VACIO);
    foliosTocados.current = false;
    setArchivos([]);
    setErrorArchivo(null);
    setAnexado(ANEXADO_VACIO);
    setAvisoEscaneo('');
    if (archivoRef.current) archivoRef.current.value = '';
    setSugerencias(null);
    setError(null);
    setResult(null);
    setNotice('');
    lastLookup.current = '';
    requestAnimationFrame(() => firstField.current?.focus());
  }, []);

  // Pages or files not yet in a radicado are never dropped without asking.
  const hayEscaneo = esc !== null && (esc.paginas.length > 0 || esc.estado === 'escaneando');
  const pendiente = hayEscaneo || archivos.length > 0;
  const descartarEscaneo = escaneo.descartar;
  const nextCitizen = useCallback(
    (confirmado = false) => {
      if (pendiente && !confirmado) {
        setConfirmando(true);
        requestAnimationFrame(() => volverConfirmBtn.current?.focus());
        return;
      }
      if (esc) void descartarEscaneo(false);
      limpiar();
    },
    [pendiente, esc, descartarEscaneo, limpiar],
  );

  const iniciarEscaneo = escaneo.iniciar;
  const escanear = useCallback(async () => {
    if (done || escaneo.iniciando) return;
    if (esc) {
      setAvisoEscaneo('Ya hay un escaneo en este radicado. Para escanear de nuevo, primero descártelo.');
      return;
    }
    setAvisoEscaneo('');
    await iniciarEscaneo();
  }, [done, esc, escaneo.iniciando, iniciarEscaneo]);

  // The page count is offered as folios until the clerk types them herself.
  const nPaginas = esc?.paginas.length ?? 0;
  useEffect(() => {
    if (foliosTocados.current || done) return;
    setForm((f) => ({ ...f, folios: esc && nPaginas > 0 ? String(nPaginas) : FORM_VACIO.folios }));
  }, [nPaginas, esc === null, done]);

  // F2 or Ctrl+N: next citizen. Only while this screen is shown.
  useEffect(() => {
    if (!active) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const ctrlN = (e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyN';
      if (e.key === 'F2' || ctrlN) {
        e.preventDefault();
        nextCitizen();
      } else if (e.key === 'F4' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        void escanear();
      } else if (e.key === 'Escape' && confirmando) {
        e.preventDefault();
        setConfirmando(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, nextCitizen, escanear, confirmando]);

  // Suggestions of tipo and dependencia as the clerk types the asunto (debounced; the latest answer wins).
  const textoClasificar = textoSugerencias(form.asunto, esc?.texto ?? '');
  useEffect(() => {
    const pedido = ++pedidoSugerencias.current;
    if (!textoClasificar) {
      setSugerencias(null);
      return;
    }
    const t = setTimeout(() => {
      void llamar(() => window.api.sugerirClasificacion({ texto: textoClasificar })).then((r) => {
        if (pedido === pedidoSugerencias.current) setSugerencias(r.ok ? r.value : null);
      });
    }, ESPERA_SUGERENCIAS_MS);
    return () => clearTimeout(t);
  }, [textoClasificar]);

  // The live region speaks when the best tipo or dependencia changes, not at every percent.
  const [anuncio, setAnuncio] = useState('');
  const claveAnuncio = `${sugerencias?.tipos[0]?.codigo ?? ''}|${sugerencias?.dependencias[0]?.codigo ?? ''}`;
  useEffect(() => {
    setAnuncio(anuncioSugerencias(sugerencias?.tipos ?? [], sugerencias?.dependencias ?? []));
    // Only when the best codes change.
  }, [claveAnuncio]);

  const aceptarTipo = useCallback(
    (codigo: string) => setForm((f) => withTipo(f, catalogo?.tipos.find((t) => t.codigo === codigo))),
    [catalogo],
  );
  const aceptarDependencia = useCallback((codigo: string) => setForm((f) => ({ ...f, dependencia: codigo })), []);

  // Alt+1 takes the best tipo, Alt+2 the best dependencia, from any field; the cursor stays where it is.
  useEffect(() => {
    if (!active || done) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const tipoTop = sugerencias?.tipos[0];
      const depTop = sugerencias?.dependencias[0];
      if (e.code === 'Digit1' && tipoTop) {
        e.preventDefault();
        aceptarTipo(tipoTop.codigo);
      } else if (e.code === 'Digit2' && depTop) {
        e.preventDefault();
        aceptarDependencia(depTop.codigo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, done, sugerencias, aceptarTipo, aceptarDependencia]);

  // Coming back to this screen puts the cursor where the work is.
  useEffect(() => {
    if (!active) return;
    requestAnimationFrame(() => (result ? resultRef.current : firstField.current)?.focus());
    // Only on activation; focus after a success is handled below.
  }, [active]);

  /** Seals the scan and the picked files into the radicado; whatever fails stays for a retry. */
  const anexarTodo = async (numero: string) => {
    setAnexando(true);
    const nuevos: Anexo[] = [];
    let errorEscaneo: string | null = null;
    let errorArchivos: string | null = null;
    const e = escaneo.escaneo;
    if (e && e.paginas.length > 0) {
      const a = await escaneo.guardar(numero);
      if (!a.ok) errorEscaneo = motivoAnexoFallido('escaneo', a.error);
      else {
        nuevos.push(a.value);
        escaneo.olvidar();
      }
    } else if (e) void escaneo.descartar(false);
    if (archivos.length > 0) {
      const r = await llamar(() => window.api.anexar({ numero, archivos: archivos.map(({ nombre, base64 }) => ({ nombre, base64 })) }));
      if (r.ok) {
        nuevos.push(...r.value);
        setArchivos([]);
      } else errorArchivos = motivoAnexoFallido('archivos', r.error);
    }
    setAnexado((prev) => ({ anexos: [...prev.anexos, ...nuevos], errorEscaneo, errorArchivos }));
    setAnexando(false);
  };


  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const lookupRemitente = async () => {
    const numero = form.numeroDocumento.trim();
    const key = `${form.tipoDocumento}:${numero}`;
    if (form.tipoDocumento === 'AN' || numero.length < 3 || key === lastLookup.current) return;
    lastLookup.current = key;
    const r = await llamar(() => window.api.remitentePorDocumento({ tipoDocumento: form.tipoDocumento, numeroDocumento: numero }));
    if (!r.ok) return; // a malformed number is reported when radicating
    if (r.value) {
      const remitente = r.value;
      setForm((f) => (`${f.tipoDocumento}:${f.numeroDocumento.trim()}` === key ? withRemitente(f, remitente) : f));
      setNotice('Remitente conocido: datos cargados.');
    } else {
      setNotice('Remitente nuevo: registre sus datos.');
    }
  };

  const submit = async () => {
    if (busy || result) return;
    if (esc?.estado === 'escaneando') {
      setError({ message: 'El escáner aún está entregando páginas. Espere a que termine para radicar.', campos: {} });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    const r = await llamar(() => window.api.radicar({ ...toRadicarInput(form, catalogo), sugerencia: sugerencias ? registroDeSugerencias(sugerencias) : null }));
    setBusy(false);
    if (r.ok) {
      setError(null);
      setNotice('');
      setResult(r.value);
      if (esc || archivos.length > 0) await anexarTodo(r.value.numero);
      return;
    }
    const fe = toFormError(r.error);
    setError(fe);
    const first = CAMPOS.find(([path]) => fe.campos[path]);
    requestAnimationFrame(() => (first ? document.getElementById(first[1]) : summaryRef.current)?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  // Enter radicates from any field; in the asunto box it is Ctrl+Enter (Enter is a new line).
  const onFormKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.nativeEvent.defaultPrevented) return;
    const t = e.target as HTMLElement;
    if (t instanceof HTMLButtonElement || t instanceof HTMLAnchorElement) return;
    if (t instanceof HTMLInputElement && t.type === 'file') return;
    if (t instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    void submit();
  };

  const err = (path: string) => error?.campos[path];
  const terminoError = err('termino.cantidad') ?? err('termino');
  const tiposSugeridos = sugerencias?.tipos ?? [];
  const dependenciasSugeridas = sugerencias?.dependencias ?? [];
  const conSugerencia = (id: string, hay: boolean, describedBy: string | undefined) =>
    [describedBy, hay ? `${id}-sugerencia` : null].filter(Boolean).join(' ') || undefined;

  return (
    <section className="screen" hidden={!active} aria-labelledby="radicar-titulo">
      <h1 id="radicar-titulo">Radicar documento</h1>
      <ErrorSummary error={error} innerRef={summaryRef} />
      {confirmando ? (
        <div className="alert alert--warn confirmacion" role="alertdialog" aria-labelledby="rad-confirmar-titulo" aria-describedby="rad-confirmar-texto">
          <p className="alert-title" id="rad-confirmar-titulo">
            Hay {hayEscaneo ? `${nPaginas === 1 ? '1 página escaneada' : `${nPaginas} páginas escaneadas`}` : ''}
            {hayEscaneo && archivos.length > 0 ? ' y ' : ''}
            {archivos.length > 0 ? `${archivos.length === 1 ? '1 archivo' : `${archivos.length} archivos`}` : ''} sin anexar.
          </p>
          <p id="rad-confirmar-texto">
            {result ? 'El radicado ya tiene número; si sigue, no se anexan. ' : ''}¿Descartarlos y pasar al siguiente ciudadano?
          </p>
          <div className="actions">
            <button type="button" className="btn btn--ghost" ref={volverConfirmBtn} onClick={() => setConfirmando(false)}>
              Volver (Esc)
            </button>
            <button type="button" className="btn btn--danger" onClick={() => nextCitizen(true)}>
              Descartar y seguir
            </button>
          </div>
        </div>
      ) : null}
      {result ? (
        <ResultadoRadicacion
          key={result.numero}
          radicado={result}
          headingRef={resultRef}
          onNext={() => nextCitizen()}
          configImpresion={configImpresion}
          active={active}
        >
          <ResultadoAnexos
            numero={result.numero}
            anexado={anexado}
            anexando={anexando}
            pendiente={pendiente}
            onReintentar={() => void anexarTodo(result.numero)}
          />
        </ResultadoRadicacion>
      ) : null}
      <form onSubmit={onSubmit} onKeyDown={onFormKeyDown} noValidate className="radicar-form">
        <fieldset disabled={done} className="plain">
          <fieldset className="group">
            <legend>Remitente</legend>
            <div className="row">
              <Field id="rad-tipo-documento" label="Tipo de documento" error={err('remitente.tipoDocumento')} className="field--medium">
                <select
                  id="rad-tipo-documento"
                  ref={firstField}
                  value={form.tipoDocumento}
                  onChange={(e) => set('tipoDocumento', e.target.value as TipoDocumentoIdentidad)}
                  {...fieldAria('rad-tipo-documento', err('remitente.tipoDocumento'))}
                >
                  {Object.entries(TIPOS_DOCUMENTO_IDENTIDAD).map(([k, v]) => (
                    <option key={k} value={k}>
                      {k} — {v}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="rad-numero-documento" label="Número de documento" error={err('remitente.numeroDocumento')} className="field--medium">
                <input
                  id="rad-numero-documento"
                  value={form.numeroDocumento}
                  autoComplete="off"
                  inputMode={form.tipoDocumento === 'CC' || form.tipoDocumento === 'TI' ? 'numeric' : 'text'}
                  onChange={(e) => set('numeroDocumento', e.target.value)}
                  onBlur={() => void lookupRemitente()}
                  {...fieldAria('rad-numero-documento', err('remitente.numeroDocumento'))}
                />
              </Field>
              <Field id="rad-nombres" label="Nombres y apellidos o razón social" error={err('remitente.nombres')}>
                <input
                  id="rad-nombres"
                  value={form.nombres}
                  autoComplete="off"
                  onChange={(e) => set('nombres', e.target.value)}
                  {...fieldAria('rad-nombres', err('remitente.nombres'))}
                />
              </Field>
            </div>
            <p className="notice" role="status" aria-live="polite">
              {notice}
            </p>
            <div className="row">
              <Field id="rad-telefono" label="Teléfono" error={err('remitente.telefono')} className="field--medium">
                <input
                  id="rad-telefono"
                  type="tel"
                  autoComplete="off"
                  value={form.telefono}
                  onChange={(e) => set('telefono', e.target.value)}
                  {...fieldAria('rad-telefono', err('remitente.telefono'))}
                />
              </Field>
              <Field id="rad-correo" label="Correo electrónico" error={err('remitente.correo')}>
                <input
                  id="rad-correo"
                  type="email"
                  autoComplete="off"
                  value={form.correo}
                  onChange={(e) => set('correo', e.target.value)}
                  {...fieldAria('rad-correo', err('remitente.correo'))}
                />
              </Field>
              <Field id="rad-direccion" label="Dirección" error={err('remitente.direccion')}>
                <input
                  id="rad-direccion"
                  autoComplete="off"
                  value={form.direccion}
                  onChange={(e) => set('direccion', e.target.value)}
                  {...fieldAria('rad-direccion', err('remitente.direccion'))}
                />
              </Field>
            </div>
            <div className={err('remitente.autorizaDatos') ? 'check check--error' : 'check'}>
              <input
                id="rad-autoriza"
                type="checkbox"
                checked={form.autorizaDatos}
                onChange={(e) => set('autorizaDatos', e.target.checked)}
                aria-describedby={['rad-aviso-datos', err('remitente.autorizaDatos') ? 'rad-autoriza-error' : ''].join(' ').trim()}
                aria-invalid={err('remitente.autorizaDatos') ? true : undefined}
              />
              <label htmlFor="rad-autoriza">El remitente autoriza el tratamiento de sus datos personales</label>
            </div>
            <p className="privacy" id="rad-aviso-datos">
              {AVISO_DATOS}
            </p>
            {err('remitente.autorizaDatos') ? (
              <p className="field-error" id="rad-autoriza-error">
                {err('remitente.autorizaDatos')}
              </p>
            ) : null}
          </fieldset>

          <fieldset className="group">
            <legend>Documento</legend>
            <div className="row">
              <Field id="rad-canal" label="Canal" error={err('canal')} className="field--medium">
                <select
                  id="rad-canal"
                  value={form.canal}
                  onChange={(e) => set('canal', e.target.value as Canal)}
                  {...fieldAria('rad-canal', err('canal'))}
                >
                  {Object.entries(CANALES).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field
              id="rad-asunto"
              label="Asunto"
              error={err('asunto')}
              hint="Ctrl+Enter radica desde este cuadro. Mientras escribe, la estación sugiere tipo (Alt+1 lo acepta) y dependencia (Alt+2)."
            >
              <textarea
                id="rad-asunto"
                rows={3}
                value={form.asunto}
                onChange={(e) => set('asunto', e.target.value)}
                {...fieldAria('rad-asunto', err('asunto'), 'hint')}
              />
            </Field>
            <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
              {anuncio}
            </p>
            <div className="row">
              <Field
                id="rad-tipo"
                label="Tipo documental"
                error={err('tipo')}
                hint={tipo ? `Término: ${describeTermino(tipo)}` : 'Escriba el código o el nombre; flechas y Enter para elegir.'}
              >
                <Combobox
                  id="rad-tipo"
                  listLabel="Tipos documentales"
                  options={tipoOptions}
                  value={form.tipo}
                  onChange={(v) => setForm((f) => withTipo(f, catalogo?.tipos.find((t) => t.codigo === v)))}
                  invalid={!!err('tipo')}
                  describedBy={conSugerencia('rad-tipo', tiposSugeridos.length > 0, fieldAria('rad-tipo', err('tipo'), 'hint')['aria-describedby'])}
                />
                <SugerenciaCampo
                  id="rad-tipo-sugerencia"
                  que="tipo documental"
                  sugeridos={tiposSugeridos}
                  elegido={form.tipo}
                  atajo="Alt+1"
                  onAceptar={aceptarTipo}
                />
              </Field>
              {pideTermino(tipo) ? (
                <>
                  <Field
                    id="rad-termino-cantidad"
                    label={tipo?.requiereTermino ? 'Término fijado por el documento' : 'Término (puede ajustarlo)'}
                    error={terminoError}
                    className="field--medium"
                  >
                    <input
                      id="rad-termino-cantidad"
                      type="number"
                      min={1}
                      inputMode="numeric"
                      value={form.terminoCantidad}
                      onChange={(e) => set('terminoCantidad', e.target.value)}
                      {...fieldAria('rad-termino-cantidad', terminoError)}
                    />
                  </Field>
                  <Field id="rad-termino-unidad" label="Unidad del término" error={err('termino.unidad')} className="field--medium">
                    <select
                      id="rad-termino-unidad"
                      value={form.terminoUnidad}
                      onChange={(e) => set('terminoUnidad', e.target.value as UnidadTermino)}
                      {...fieldAria('rad-termino-unidad', err('termino.unidad'))}
                    >
                      {UNIDADES_EDITABLES.map((u) => (
                        <option key={u} value={u}>
                          {UNIDAD_TERMINO_NOMBRE[u]}
                        </option>
                      ))}
                    </select>
                  </Field>
                </>
              ) : null}
            </div>
            <div className="row">
              <Field
                id="rad-dependencia"
                label="Dependencia"
                error={err('dependencia')}
                hint="Oficina que debe responder. Escriba el código o el nombre."
              >
                <Combobox
                  id="rad-dependencia"
                  listLabel="Dependencias"
                  options={dependenciaOptions}
                  value={form.dependencia}
                  onChange={(v) => set('dependencia', v)}
                  invalid={!!err('dependencia')}
                  describedBy={conSugerencia('rad-dependencia', dependenciasSugeridas.length > 0, fieldAria('rad-dependencia', err('dependencia'), 'hint')['aria-describedby'])}
                />
                <SugerenciaCampo
                  id="rad-dependencia-sugerencia"
                  que="dependencia"
                  sugeridos={dependenciasSugeridas}
                  elegido={form.dependencia}
                  atajo="Alt+2"
                  onAceptar={aceptarDependencia}
                />
              </Field>
              <Field id="rad-folios" label="Folios" error={err('folios')} className="field--short">
                <input
                  id="rad-folios"
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={form.folios}
                  onChange={(e) => set('folios', e.target.value)}
                  {...fieldAria('rad-folios', err('folios'))}
                />
              </Field>
              <Field id="rad-anexos" label="Anexos" error={err('anexos')} hint="Por ejemplo: 1 CD, 3 fotografías.">
                <input
                  id="rad-anexos"
                  autoComplete="off"
                  value={form.anexos}
                  onChange={(e) => set('anexos', e.target.value)}
                  {...fieldAria('rad-anexos', err('anexos'), 'hint')}
                />
              </Field>
            </div>
          </fieldset>
        </fieldset>
        <fieldset className="group" hidden={done && !pendiente}>
          <legend>Digitalización</legend>
          <p className="hint" id="rad-escaneo-hint">
            <kbd>F4</kbd> escanea el documento desde cualquier campo; las páginas aparecen mientras el escáner avanza y su número se
            propone como folios. Las páginas y los archivos se anexan al radicar.
          </p>
          <div className="escaneo-acciones">
            <button
              type="button"
              ref={escanearBtn}
              className="btn btn--ghost"
              aria-keyshortcuts="F4"
              aria-describedby="rad-escaneo-hint"
              disabled={done || escaneo.iniciando || esc !== null}
              onClick={() => void escanear()}
            >
              Escanear (F4)
            </button>
            {esc && !done ? (
              <button
                type="button"
                className="btn btn--danger-ghost"
                disabled={esc.estado === 'escaneando'}
                onClick={() => {
                  void escaneo.descartar();
                  requestAnimationFrame(() => escanearBtn.current?.focus());
                }}
              >
                Descartar escaneo
              </button>
            ) : null}
            <SelectorArchivos
              id="rad-archivo"
              label="Anexar archivo…"
              hint="PDF, JPG, PNG o TIFF (por ejemplo, de una memoria USB)."
              inputRef={archivoRef}
              accept={EXTENSIONES_ANEXO}
              disabled={done}
              onFiles={(files, input) => {
                void leerArchivos(files).then(
                  (leidos) => {
                    setArchivos((prev) => [...prev, ...leidos]);
                    setErrorArchivo(null);
                    input.value = '';
                  },
                  (err: unknown) => setErrorArchivo(err instanceof Error ? err.message : String(err)),
                );
              }}
            />
          </div>
          <p className="notice" role="status" aria-live="polite">
            {avisoEscaneo ||
              (esc?.estado === 'escaneando'
                ? `Escaneando… ${nPaginas === 1 ? '1 página recibida' : `${nPaginas} páginas recibidas`}.`
                : escaneo.aviso)}
          </p>
          {escaneo.error && !done ? (
            <p className="alert alert--error" role="alert">
              {escaneo.error}
            </p>
          ) : null}
          {errorArchivo ? (
            <p className="alert alert--error" role="alert">
              {errorArchivo}
            </p>
          ) : null}
          {esc && esc.paginas.length > 0 ? (
            <MiniaturasEscaneo
              idBase="rad-escaneo"
              paginas={esc.paginas}
              setPaginas={escaneo.setPaginas}
              disabled={done && !pendiente}
              onVacio={() => escanearBtn.current?.focus()}
            />
          ) : null}
          {archivos.length > 0 ? (
            <ul className="archivos-pendientes" aria-label="Archivos por anexar">
              {archivos.map((a, i) => (
                <li key={`${a.nombre}-${i}`}>
                  <span>
                    {a.nombre} <span className="muted">({formatBytes(a.bytes)})</span>
                  </span>
                  <button
                    type="button"
                    className="btn btn--small btn--danger-ghost"
                    aria-label={`Quitar ${a.nombre}`}
                    onClick={() => {
                      setArchivos((prev) => prev.filter((_, j) => j !== i));
                      archivoRef.current?.focus();
                    }}
                  >
                    Quitar
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <fieldset disabled={done} className="plain">
          <div className="actions">
            <button type="submit" className="btn btn--primary btn--large" disabled={busy || catalogo === null}>
              Radicar (Enter)
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => nextCitizen()}>
              Limpiar (F2)
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

interface ResultadoAnexosProps {
  numero: string;
  anexado: Anexado;
  anexando: boolean;
  /** Pages or files still waiting for a successful retry. */
  pendiente: boolean;
  onReintentar: () => void;
}

/** In the result panel: what was attached to the new radicado, or why not and a retry (the number is never lost). */
function ResultadoAnexos({ numero, anexado, anexando, pendiente, onReintentar }: ResultadoAnexosProps) {
  const fallo = anexado.errorEscaneo ?? anexado.errorArchivos;
  if (!anexando && anexado.anexos.length === 0 && !fallo) return null;
  return (
    <div className="result-anexos" role="status" aria-live="polite">
      {anexando ? <p>Anexando…</p> : null}
      {anexado.anexos.length > 0 ? (
        <ul className="result-anexos-lista" aria-label="Anexos del radicado">
          {anexado.anexos.map((a) => (
            <li key={a.id}>
              <strong>{a.origen === 'escaner' ? 'Escaneo anexado' : `Anexado ${a.nombre}`}:</strong>{' '}
              {a.paginas === 1 ? '1 página' : `${a.paginas} páginas`} · {formatBytes(a.bytes)} · SHA-256{' '}
              <span className="mono">{shaCorto(a.sha256)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {fallo && !anexando ? (
        <div className="alert alert--error">
          <p className="alert-title">
            El radicado <span className="mono">{numero}</span> quedó registrado y su número está asignado, pero no se pudo anexar{' '}
            {anexado.errorEscaneo && anexado.errorArchivos ? 'lo digitalizado' : anexado.errorEscaneo ? 'el escaneo' : 'los archivos'}.
          </p>
          {anexado.errorEscaneo ? <p>Escaneo: {anexado.errorEscaneo}</p> : null}
          {anexado.errorArchivos ? <p>Archivos: {anexado.errorArchivos}</p> : null}
          <p>No radique el documento otra vez: entregue este número al ciudadano.</p>
          {pendiente ? (
            <>
              <p>
                Las páginas y los archivos se conservan en esta pantalla: pulse «Reintentar anexar». Si vuelve a fallar, anéxelos más tarde
                desde Consulta (detalle del radicado) o avise a soporte.
              </p>
              <button type="button" className="btn btn--primary" onClick={onReintentar}>
                Reintentar anexar
              </button>
            </>
          ) : (
            <p>Anéxelos más tarde desde Consulta (detalle del radicado).</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
