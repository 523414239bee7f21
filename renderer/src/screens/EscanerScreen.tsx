import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ConfigEscaner, DispositivoEscaneo, FuenteEscaneo, ModoEscaneo } from '../../../shared/domain/escaneo';
import { NOMBRES_FUENTE, NOMBRES_MODO } from '../../../shared/domain/escaneo';
import { llamar, toFormError } from '../api';
import type { FormError } from '../api';
import { Field, fieldAria } from '../components/Field';
import { ErrorSummary } from '../components/ErrorSummary';
import { paginasTexto } from '../anexos';

interface Props {
  active: boolean;
}

interface Borrador {
  dispositivo: string;
  /** The administrador types the device's identifier herself (one the search does not list). */
  otro: boolean;
  fuente: FuenteEscaneo;
  duplex: boolean;
  resolucion: number;
  modo: ModoEscaneo;
  carpeta: string;
}

const FUENTES: FuenteEscaneo[] = ['adf', 'plano'];
const MODOS: ModoEscaneo[] = ['color', 'gris', 'blanco_negro'];
const RESOLUCIONES_TIPICAS = [100, 150, 200, 300, 400, 600];
/** The select's value for "type the identifier". */
const OTRO = '__otro__';

const VACIO: Borrador = { dispositivo: '', otro: false, fuente: 'adf', duplex: false, resolucion: 200, modo: 'gris', carpeta: '' };

const aBorrador = (c: ConfigEscaner | null): Borrador =>
  c ? { dispositivo: c.dispositivo, otro: false, fuente: c.fuente, duplex: c.duplex, resolucion: c.resolucion, modo: c.modo, carpeta: c.carpeta ?? '' } : VACIO;

/** What the router receives: the identifier and folder trimmed, no dúplex from the flatbed. */
const aConfig = (b: Borrador) => ({
  dispositivo: b.dispositivo.trim(),
  fuente: b.fuente,
  duplex: b.fuente === 'adf' && b.duplex,
  resolucion: b.resolucion,
  modo: b.modo,
  carpeta: b.carpeta.trim() || null,
});

/** Field path from the router → the input's id. */
const idDeCampo = (campo: string, otro: boolean): string | null =>
  ({ dispositivo: otro ? 'esc-dispositivo-otro' : 'esc-dispositivo', fuente: 'esc-fuente', duplex: 'esc-duplex', resolucion: 'esc-resolucion', modo: 'esc-modo', carpeta: 'esc-carpeta' })[
    campo
  ] ?? null;

/** A device's own choices when the search found it; the usual ones otherwise. The current value is always offered. */
function opciones<T>(delDispositivo: readonly T[] | undefined, todas: readonly T[], actual: T): T[] {
  const base = delDispositivo && delDispositivo.length > 0 ? [...delDispositivo] : [...todas];
  return base.includes(actual) ? base : [...base, actual];
}

/** Settings that the chosen device cannot do are moved to ones it can. */
function ajustarA(b: Borrador, d: DispositivoEscaneo | undefined): Borrador {
  if (!d) return b;
  const fuente = d.fuentes.length && !d.fuentes.includes(b.fuente) ? d.fuentes[0]! : b.fuente;
  const modo = d.modos.length && !d.modos.includes(b.modo) ? d.modos[0]! : b.modo;
  const validas = d.resoluciones.filter((r) => r >= 75 && r <= 1200);
  const resolucion =
    validas.length && !validas.includes(b.resolucion) ? validas.reduce((m, r) => (Math.abs(r - b.resolucion) < Math.abs(m - b.resolucion) ? r : m)) : b.resolucion;
  return { ...b, fuente, modo, resolucion, duplex: b.duplex && d.duplex && fuente === 'adf' };
}

type Prueba = { texto: string; ok: boolean | null };

/**
 * The administrador's scanner settings: which device the clerks' F4 (and «Escanear y anexar»)
 * uses, with what source, resolution and colour, a test scan, and the shared folder where the
 * office's multifunction printer drops its batches.
 */
export function EscanerScreen({ active }: Props) {
  const [borrador, setBorrador] = useState<Borrador | null>(null);
  const [guardado, setGuardado] = useState<ConfigEscaner | null>(null);
  const [errorCarga, setErrorCarga] = useState<string | null>(null);
  const [dispositivos, setDispositivos] = useState<DispositivoEscaneo[] | null>(null);
  const [buscando, setBuscando] = useState(false);
  const [estadoBusqueda, setEstadoBusqueda] = useState('');
  const [errorBusqueda, setErrorBusqueda] = useState<string | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [aviso, setAviso] = useState('');
  const [busy, setBusy] = useState(false);
  const [prueba, setPrueba] = useState<Prueba | null>(null);
  const tituloRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const dispositivoRef = useRef<HTMLSelectElement>(null);
  const montado = useRef(true);

  useEffect(() => {
    montado.current = true;
    return () => {
      montado.current = false;
    };
  }, []);

  useEffect(() => {
    if (active) requestAnimationFrame(() => tituloRef.current?.focus());
  }, [active]);

  // The saved settings, the first time the screen opens (later visits keep what is being edited).
  const cargado = borrador !== null;
  useEffect(() => {
    if (!active || cargado) return;
    void llamar(() => window.api.configEscaner({})).then((r) => {
      if (!montado.current) return;
      if (!r.ok) {
        setErrorCarga(r.error.message);
        return;
      }
      setErrorCarga(null);
      setGuardado(r.value);
      setBorrador(aBorrador(r.value));
    });
  }, [active, cargado]);

  if (!borrador) {
    return (
      <section className="screen" hidden={!active} aria-labelledby="escaner-titulo">
        <h1 id="escaner-titulo" ref={tituloRef} tabIndex={-1}>
          Escáner
        </h1>
        {errorCarga ? (
          <p className="alert alert--error" role="alert">
            {errorCarga}
          </p>
        ) : (
          <p role="status">Cargando la configuración del escáner…</p>
        )}
      </section>
    );
  }

  const dispositivo = dispositivos?.find((d) => d.id === borrador.dispositivo);
  const set = <K extends keyof Borrador>(k: K, v: Borrador[K]) => setBorrador((b) => (b ? { ...b, [k]: v } : b));
  const err = (campo: string) => error?.campos[campo];
  const sinGuardar = JSON.stringify(aConfig(borrador)) !== JSON.stringify(aConfig(aBorrador(guardado)));
  const probando = prueba?.ok === null;

  const buscar = async () => {
    setBuscando(true);
    setErrorBusqueda(null);
    setEstadoBusqueda('Buscando escáneres conectados a esta estación…');
    const r = await llamar(() => window.api.dispositivosEscaneo({}));
    setBuscando(false);
    if (!r.ok) {
      setEstadoBusqueda('');
      setErrorBusqueda(r.error.message);
      return;
    }
    setDispositivos(r.value);
    const n = r.value.length;
    setEstadoBusqueda(
      n === 0
        ? 'No se encontró ningún escáner. Revise que esté encendido y conectado, o escriba su identificador con «Otro».'
        : `${n === 1 ? 'Se encontró 1 escáner' : `Se encontraron ${n} escáneres`}: elíjalo en la lista «Escáner».`,
    );
    // A single device and none chosen yet: it is the obvious choice.
    if (n === 1 && !borrador.dispositivo.trim()) setBorrador((b) => (b ? ajustarA({ ...b, dispositivo: r.value[0]!.id, otro: false }, r.value[0]) : b));
    requestAnimationFrame(() => dispositivoRef.current?.focus());
  };

  const elegirDispositivo = (valor: string) => {
    // A test result belongs to the device it was made with.
    if (!probando) setPrueba(null);
    if (valor === OTRO) {
      setBorrador((b) => (b ? { ...b, otro: true } : b));
      requestAnimationFrame(() => document.getElementById('esc-dispositivo-otro')?.focus());
      return;
    }
    setBorrador((b) => (b ? ajustarA({ ...b, dispositivo: valor, otro: false }, dispositivos?.find((d) => d.id === valor)) : b));
  };

  const enfocarPrimerError = (fe: FormError) => {
    const primero = Object.keys(fe.campos)
      .map((c) => idDeCampo(c, borrador.otro))
      .find((id) => id && document.getElementById(id));
    requestAnimationFrame(() => (primero ? document.getElementById(primero) : summaryRef.current)?.focus());
  };

  const guardar = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setAviso('');
    const r = await llamar(() => window.api.configurarEscaner(aConfig(borrador)));
    setBusy(false);
    if (!r.ok) {
      const fe = toFormError(r.error);
      setError(fe);
      enfocarPrimerError(fe);
      return;
    }
    setError(null);
    setGuardado(r.value);
    setBorrador((b) => ({ ...aBorrador(r.value), otro: b?.otro ?? false }));
    setAviso(
      `Configuración del escáner guardada. ${
        r.value.carpeta ? `La aplicación de escritorio vigila desde ahora la carpeta «${r.value.carpeta}».` : 'Ninguna carpeta del multifuncional queda vigilada.'
      }`,
    );
  };

  /** A scan with the settings on screen (saved or not) that only counts the pages; nothing is attached. */
  const probar = async () => {
    const config = aConfig(borrador);
    if (!config.dispositivo) {
      const fe = { message: 'Escáner: elija un dispositivo antes de probar.', campos: { dispositivo: 'Escáner: elija un dispositivo antes de probar.' } };
      setError(fe);
      enfocarPrimerError(fe);
      return;
    }
    setError(null);
    setPrueba({ texto: `Escaneando con «${config.dispositivo}»… ponga una hoja en ${config.fuente === 'adf' ? 'el alimentador' : 'la cama plana'}.`, ok: null });
    const inicio = await llamar(() =>
      window.api.iniciarEscaneo({ dispositivo: config.dispositivo, fuente: config.fuente, duplex: config.duplex, resolucion: config.resolucion, modo: config.modo }),
    );
    if (!inicio.ok) {
      if (montado.current) setPrueba({ texto: `La prueba falló: ${inicio.error.message}`, ok: false });
      return;
    }
    const id = inicio.value.id;
    let estado = inicio.value;
    let paginas = Math.max(0, ...estado.paginas.map((p) => p.indice));
    while (estado.estado === 'escaneando' && montado.current) {
      await new Promise((r) => setTimeout(r, 400));
      // Only the pages not yet counted travel back.
      const r = await llamar(() => window.api.estadoEscaneo({ id, desde: paginas }));
      if (!r.ok) {
        if (montado.current) setPrueba({ texto: `La prueba falló: ${r.error.message}`, ok: false });
        return;
      }
      estado = r.value;
      paginas = Math.max(paginas, ...estado.paginas.map((p) => p.indice));
      if (montado.current && estado.estado === 'escaneando') {
        setPrueba({ texto: `Escaneando… ${paginas === 1 ? '1 página recibida' : `${paginas} páginas recibidas`}.`, ok: null });
      }
    }
    await llamar(() => window.api.descartarEscaneo({ id, desde: 0 }));
    if (!montado.current) return;
    setPrueba(
      estado.estado === 'listo'
        ? { texto: `Prueba correcta: el escáner entregó ${paginasTexto(paginas)}. No se anexó nada.`, ok: true }
        : { texto: `La prueba falló: ${estado.error ?? 'el escáner no entregó páginas.'}${paginas ? ` Llegaron ${paginasTexto(paginas)}.` : ''}`, ok: false },
    );
  };

  const fuentes = opciones(dispositivo?.fuentes, FUENTES, borrador.fuente);
  const modos = opciones(dispositivo?.modos, MODOS, borrador.modo);
  const resoluciones = opciones(
    dispositivo?.resoluciones.filter((r) => r >= 75 && r <= 1200),
    RESOLUCIONES_TIPICAS,
    borrador.resolucion,
  ).sort((a, b) => a - b);
  const sinDuplex = borrador.fuente !== 'adf' || (dispositivo !== undefined && !dispositivo.duplex);
  const configuradoFuera = borrador.dispositivo.trim() !== '' && !borrador.otro && !dispositivos?.some((d) => d.id === borrador.dispositivo);
  const errDispositivo = err('dispositivo');

  return (
    <section className="screen" hidden={!active} aria-labelledby="escaner-titulo">
      <h1 id="escaner-titulo" ref={tituloRef} tabIndex={-1}>
        Escáner
      </h1>
      <p className="lead">
        El escáner que usan <kbd>F4</kbd> en Radicar y «Escanear y anexar» en Consulta, y la carpeta donde el multifuncional deja sus
        lotes. Solo el administrador cambia esta configuración.
      </p>
      <ErrorSummary error={error} innerRef={summaryRef} />
      <form onSubmit={(e) => void guardar(e)} noValidate className="escaner-form">
        <fieldset className="group">
          <legend>Escáner de la estación</legend>
          <div className="escaner-buscar">
            <button type="button" className="btn btn--ghost" disabled={buscando} aria-describedby="esc-buscar-estado" onClick={() => void buscar()}>
              Buscar escáneres
            </button>
            <p className="escaner-buscar-estado" id="esc-buscar-estado" role="status" aria-live="polite">
              {estadoBusqueda}
            </p>
          </div>
          {errorBusqueda ? (
            <p className="alert alert--error" role="alert">
              {errorBusqueda}
            </p>
          ) : null}
          <div className="row">
            <Field
              id="esc-dispositivo"
              label="Escáner"
              error={borrador.otro ? undefined : errDispositivo}
              hint={dispositivos === null ? 'Pulse «Buscar escáneres» para ver los conectados a esta estación.' : undefined}
            >
              <select
                id="esc-dispositivo"
                ref={dispositivoRef}
                value={borrador.otro ? OTRO : borrador.dispositivo}
                onChange={(ev) => elegirDispositivo(ev.target.value)}
                {...fieldAria('esc-dispositivo', borrador.otro ? undefined : errDispositivo, dispositivos === null ? 'hint' : undefined)}
              >
                {borrador.dispositivo.trim() === '' && !borrador.otro ? <option value="">Ningún escáner elegido</option> : null}
                {(dispositivos ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.nombre} ({d.id})
                  </option>
                ))}
                {configuradoFuera ? <option value={borrador.dispositivo}>{borrador.dispositivo} (configurado)</option> : null}
                <option value={OTRO}>Otro: escribir el identificador…</option>
              </select>
            </Field>
            {borrador.otro ? (
              <Field
                id="esc-dispositivo-otro"
                label="Identificador del escáner"
                error={errDispositivo}
                hint="Como lo lista «radica escaneres»; por ejemplo fujitsu:fi-7160:1234 o el nombre WIA."
              >
                <input
                  id="esc-dispositivo-otro"
                  className="mono"
                  value={borrador.dispositivo}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(ev) => set('dispositivo', ev.target.value)}
                  {...fieldAria('esc-dispositivo-otro', errDispositivo, 'hint')}
                />
              </Field>
            ) : null}
          </div>
          <div className="row">
            <Field id="esc-fuente" label="Fuente del papel" error={err('fuente')} className="field--medium">
              <select
                id="esc-fuente"
                value={borrador.fuente}
                onChange={(ev) => {
                  const fuente = ev.target.value as FuenteEscaneo;
                  setBorrador((b) => (b ? { ...b, fuente, duplex: fuente === 'adf' && b.duplex } : b));
                }}
                {...fieldAria('esc-fuente', err('fuente'))}
              >
                {fuentes.map((f) => (
                  <option key={f} value={f}>
                    {NOMBRES_FUENTE[f]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="esc-resolucion" label="Resolución" error={err('resolucion')} className="field--medium">
              <select id="esc-resolucion" value={borrador.resolucion} onChange={(ev) => set('resolucion', Number(ev.target.value))} {...fieldAria('esc-resolucion', err('resolucion'))}>
                {resoluciones.map((r) => (
                  <option key={r} value={r}>
                    {r} ppp
                  </option>
                ))}
              </select>
            </Field>
            <Field id="esc-modo" label="Color" error={err('modo')} className="field--medium">
              <select id="esc-modo" value={borrador.modo} onChange={(ev) => set('modo', ev.target.value as ModoEscaneo)} {...fieldAria('esc-modo', err('modo'))}>
                {modos.map((m) => (
                  <option key={m} value={m}>
                    {NOMBRES_MODO[m]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <p className="hint">200 ppp en escala de grises es lo usual para correspondencia: se lee bien, el OCR funciona y el PDF pesa poco.</p>
          <div className="check">
            <input
              id="esc-duplex"
              type="checkbox"
              checked={borrador.duplex && !sinDuplex}
              disabled={sinDuplex}
              onChange={(ev) => set('duplex', ev.target.checked)}
              aria-describedby="esc-duplex-hint"
            />
            <label htmlFor="esc-duplex">Escanear las dos caras (dúplex)</label>
          </div>
          <p className="hint check-hint" id="esc-duplex-hint">
            {borrador.fuente !== 'adf'
              ? 'Solo con el alimentador.'
              : dispositivo && !dispositivo.duplex
                ? 'Este escáner no escanea por las dos caras.'
                : 'Con el alimentador, cada hoja entrega frente y reverso.'}
          </p>
          <div className="actions actions--prueba">
            <button type="button" className="btn btn--ghost" disabled={probando} aria-describedby="esc-prueba-nota esc-prueba-estado" onClick={() => void probar()}>
              Probar escáner
            </button>
            <p className="hint" id="esc-prueba-nota">
              Escanea con lo que ve en pantalla (aunque no lo haya guardado) y solo cuenta las páginas: no anexa nada.
            </p>
          </div>
          <p className={`prueba-estado ${prueba?.ok === false ? 'texto-error' : prueba?.ok ? 'texto-ok' : ''}`} id="esc-prueba-estado" role="status">
            {prueba?.texto ?? ''}
          </p>
        </fieldset>

        <fieldset className="group">
          <legend>Carpeta del multifuncional</legend>
          <Field
            id="esc-carpeta"
            label="Carpeta vigilada"
            error={err('carpeta')}
            hint={
              <>
                Carpeta compartida donde el multifuncional deja los lotes escaneados (por ejemplo <span className="mono">\\servidor\escaneos</span>{' '}
                o <span className="mono">/mnt/escaneos</span>). Vacía: ninguna. Cada archivo que llega se parte por rótulos y se anexa; lo
                procesado pasa a <span className="mono">procesados/</span> y lo rechazado a <span className="mono">rechazados/</span>. Al
                guardar, la aplicación de escritorio deja la carpeta anterior y vigila la nueva, sin reiniciar.
              </>
            }
          >
            <input
              id="esc-carpeta"
              className="mono"
              value={borrador.carpeta}
              autoComplete="off"
              spellCheck={false}
              onChange={(ev) => set('carpeta', ev.target.value)}
              {...fieldAria('esc-carpeta', err('carpeta'), 'hint')}
            />
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn--primary btn--large" disabled={busy}>
            Guardar configuración
          </button>
          <p className="notice" role="status">
            {sinGuardar ? 'Hay cambios sin guardar.' : aviso}
          </p>
        </div>
      </form>
    </section>
  );
}
