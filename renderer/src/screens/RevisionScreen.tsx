import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Catalogo } from '../../../shared/domain/catalog';
import { describeTermino } from '../../../shared/domain/catalog';
import type { ColaRevision, ItemRevision, ModoCola } from '../../../shared/domain/revision';
import type { MarcarRevisionInput } from '../../../shared/ipc/contract';
import { llamar } from '../api';
import type { ComboOption } from '../components/Combobox';
import { SelectorSemana } from '../components/revision/SelectorSemana';
import { FiltroVentanillas } from '../components/revision/FiltroVentanillas';
import { ListaRevision } from '../components/revision/ListaRevision';
import { DetalleRevision } from '../components/revision/DetalleRevision';
import type { Edicion } from '../components/revision/DetalleRevision';
import {
  accionDeTecla,
  alcanceDe,
  claveVentanilla,
  describirMarca,
  entradaMarca,
  esEditable,
  formatNumero,
  moverIndice,
  progreso,
  rangoSemana,
  siguienteSinMarca,
} from '../revision';
import type { CampoCorreccion, VentanillaRef } from '../revision';
import '../components/revision/revision.css';

interface Props {
  active: boolean;
  catalogo: Catalogo | null;
}

interface Parametros {
  semana: string | null;
  modo: ModoCola;
  muestra: string;
  todas: VentanillaRef[];
  excluidas: Set<string>;
}

const MODOS: { modo: ModoCola; nombre: string; ayuda: string }[] = [
  { modo: 'riesgo', nombre: 'Por riesgo', ayuda: 'primero los que parecen mal clasificados' },
  { modo: 'muestra', nombre: 'Muestra', ayuda: 'al azar, N por ventanilla' },
  { modo: 'todo', nombre: 'Todos', ayuda: 'cada radicado de la semana' },
];

/**
 * The coordinator's weekly review: a week (the previous one by default), ventanillas and mode; the
 * queue on the left, the current radicado on the right, and the keyboard does the rest (↓/↑ or
 * J/K, C correcto, T tipo, D dependencia, O observación). The keys only act while the focus is in
 * the queue or its detail, so typing elsewhere is never taken for a mark (WCAG 2.1.4).
 */
export function RevisionScreen({ active, catalogo }: Props) {
  const [semana, setSemana] = useState<string | null>(null);
  const [modo, setModo] = useState<ModoCola>('riesgo');
  const [muestra, setMuestra] = useState('10');
  const [todas, setTodas] = useState<VentanillaRef[]>([]);
  const [excluidas, setExcluidas] = useState<Set<string>>(() => new Set());
  const [cola, setCola] = useState<ColaRevision | null>(null);
  const [items, setItems] = useState<ItemRevision[]>([]);
  const [actual, setActual] = useState(0);
  const [edicion, setEdicion] = useState<Edicion>(null);
  const [pendientes, setPendientes] = useState<Record<string, string>>({});
  const [terminos, setTerminos] = useState<Record<string, string>>({});
  const [aviso, setAviso] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [cargando, setCargando] = useState(false);
  const [ocupado, setOcupado] = useState(false);
  const pedido = useRef(0);
  const iniciado = useRef(false);
  const listRef = useRef<HTMLUListElement>(null);
  const tituloRef = useRef<HTMLHeadingElement>(null);

  const opcionesTipo: ComboOption[] = useMemo(
    () => (catalogo?.tipos ?? []).filter((t) => t.activo).map((t) => ({ value: t.codigo, label: `${t.codigo} · ${t.nombre}`, description: describeTermino(t) })),
    [catalogo],
  );
  const opcionesDependencia: ComboOption[] = useMemo(
    () => (catalogo?.dependencias ?? []).filter((d) => d.activo).map((d) => ({ value: d.codigo, label: `${d.codigo} · ${d.nombre}` })),
    [catalogo],
  );

  // The focus goes to the queue after the render that shows it (a state change, so it lands in the same commit).
  const [pedidoFoco, setPedidoFoco] = useState(0);
  const enfocarLista = () => setPedidoFoco((n) => n + 1);
  useEffect(() => {
    if (pedidoFoco > 0) (listRef.current ?? tituloRef.current)?.focus();
  }, [pedidoFoco]);

  const cargar = useCallback(async (p: Parametros, enfocar = false) => {
    const elegidas = new Set(p.todas.map(claveVentanilla).filter((k) => !p.excluidas.has(k)));
    const alcance = alcanceDe(p.todas, elegidas);
    if (alcance === null) {
      setError('Ventanillas: elija al menos una.');
      return;
    }
    const n = Number(p.muestra);
    if (p.modo === 'muestra' && !(Number.isInteger(n) && n >= 1)) {
      setError('Muestra: indique cuántos radicados por ventanilla (1 o más).');
      return;
    }
    const id = ++pedido.current;
    setCargando(true);
    const r = await llamar(() =>
      window.api.colaRevision({ semana: p.semana ?? 'anterior', modo: p.modo, ...(p.modo === 'muestra' ? { muestra: n } : {}), ...alcance }),
    );
    if (id !== pedido.current) return;
    setCargando(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    const c = r.value;
    setError(null);
    setCola(c);
    setItems(c.items);
    setSemana(c.semana.semana);
    if (c.ventanillas.length > 0) setTodas(c.ventanillas);
    const primero = c.items.findIndex((i) => !i.marca);
    setActual(primero >= 0 ? primero : 0);
    setEdicion(null);
    setAviso(
      c.items.length === 0
        ? ''
        : `Cola de la semana ${c.semana.semana}: ${c.items.length === 1 ? '1 radicado' : `${c.items.length} radicados`}, ${progreso(c.items).revisados} revisados.`,
    );
    if (enfocar) enfocarLista();
  }, []);

  const parametros: Parametros = { semana, modo, muestra, todas, excluidas };

  useEffect(() => {
    if (!active) return;
    if (!iniciado.current) {
      iniciado.current = true;
      void cargar({ semana: null, modo: 'riesgo', muestra: '10', todas: [], excluidas: new Set() }, true);
    } else enfocarLista();
    // Only when the screen is shown.
  }, [active]);

  const item = items[actual] ?? null;

  /** Saves a mark; on success updates the queue, says so, and (for a new verdict) moves to the next unmarked radicado. */
  const marcar = async (it: ItemRevision, input: MarcarRevisionInput, opciones: { mover: boolean; aviso?: string }) => {
    setOcupado(true);
    const r = await llamar(() => window.api.marcarRevision(input));
    setOcupado(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    const { marca, terminoCorrecto } = r.value;
    const nuevos = items.map((x) => (x.numero === marca.numero ? { ...x, marca } : x));
    const idx = nuevos.findIndex((x) => x.numero === marca.numero);
    setItems(nuevos);
    if (!it.marca) setCola((c) => (c ? { ...c, revisados: c.revisados + 1 } : c));
    setPendientes(({ [it.numero]: _, ...resto }) => resto);
    setTerminos(({ [it.numero]: _, ...resto }) => (terminoCorrecto ? { ...resto, [it.numero]: terminoCorrecto } : resto));
    setEdicion(null);
    const descripcion = describirMarca(marca);
    let texto =
      opciones.aviso ?? `${marca.numero}: ${descripcion === 'Correcto' ? 'marcado como correcto' : `marcado: ${descripcion.charAt(0).toLowerCase()}${descripcion.slice(1)}`}.`;
    if (terminoCorrecto) texto += ` ${terminoCorrecto}.`.replace(/\.\.$/, '.');
    if (opciones.mover) {
      const sig = siguienteSinMarca(nuevos, idx);
      if (sig >= 0) setActual(sig);
      else texto += ' Todos los radicados de la cola están revisados.';
    }
    setAviso(texto);
    enfocarLista();
  };

  const accion = (a: 'correcto' | CampoCorreccion | 'observacion') => {
    if (!item || ocupado) return;
    if (a === 'correcto') {
      void marcar(item, entradaMarca(item, { accion: 'correcto' }, pendientes[item.numero] ?? null)!, { mover: true });
      return;
    }
    setError(null);
    setEdicion(a);
  };

  const corregir = (campo: CampoCorreccion, codigo: string) => {
    if (!item) return;
    const cambio = campo === 'tipo' ? { accion: 'tipo' as const, codigo } : { accion: 'dependencia' as const, codigo };
    void marcar(item, entradaMarca(item, cambio, pendientes[item.numero] ?? null)!, { mover: true });
  };

  const observar = (texto: string) => {
    if (!item) return;
    if (!item.marca) {
      const t = texto.trim();
      setPendientes(({ [item.numero]: _, ...resto }) => (t ? { ...resto, [item.numero]: t } : resto));
      setEdicion(null);
      setAviso(t ? `Observación lista para ${item.numero}: se guardará al marcarlo (C, T o D).` : `Sin observación para ${item.numero}.`);
      enfocarLista();
      return;
    }
    void marcar(item, entradaMarca(item, { accion: 'observacion', texto })!, { mover: false, aviso: `Observación guardada en ${item.numero}.` });
  };

  const cancelar = () => {
    setEdicion(null);
    enfocarLista();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (edicion || e.defaultPrevented || esEditable(e.target as HTMLInputElement)) return;
    const a = accionDeTecla(e);
    if (!a || items.length === 0) return;
    e.preventDefault();
    if (ocupado) return;
    if (a === 'siguiente' || a === 'anterior' || a === 'primero' || a === 'ultimo') setActual((i) => moverIndice(i, items.length, a));
    else accion(a);
  };

  const prog = progreso(items);

  return (
    <section className="screen" hidden={!active} aria-labelledby="revision-titulo">
      <h1 id="revision-titulo" ref={tituloRef} tabIndex={-1}>
        Revisión semanal
      </h1>
      <p className="lead">Revise cómo se clasificaron y direccionaron los radicados de la semana. Las marcas alimentan el informe semanal.</p>
      <form className="rev-controles" noValidate aria-label="Qué revisar" onSubmit={(e) => {
        e.preventDefault();
        void cargar(parametros);
      }}>
        <SelectorSemana
          id="rev-semana"
          semana={semana}
          disabled={false}
          onCambiar={(s) => {
            setSemana(s);
            void cargar({ ...parametros, semana: s });
          }}
        />
        <fieldset className="plain rev-modo">
          <legend className="legend-small">Qué revisar</legend>
          {MODOS.map((m) => (
            <div className="check" key={m.modo}>
              <input
                id={`rev-modo-${m.modo}`}
                type="radio"
                name="rev-modo"
                value={m.modo}
                checked={modo === m.modo}
                onChange={() => {
                  setModo(m.modo);
                  void cargar({ ...parametros, modo: m.modo });
                }}
              />
              <label htmlFor={`rev-modo-${m.modo}`}>
                {m.nombre} <span className="muted">({m.ayuda})</span>
              </label>
            </div>
          ))}
          <div className="field field--inline rev-muestra">
            <label htmlFor="rev-muestra">Radicados por ventanilla</label>
            <input
              id="rev-muestra"
              type="number"
              min={1}
              max={10000}
              inputMode="numeric"
              value={muestra}
              disabled={modo !== 'muestra'}
              onChange={(e) => {
                setMuestra(e.target.value);
                void cargar({ ...parametros, muestra: e.target.value });
              }}
            />
          </div>
        </fieldset>
        <FiltroVentanillas
          idBase="rev-ventanilla"
          todas={todas}
          excluidas={excluidas}
          onCambiar={(s) => {
            setExcluidas(s);
            void cargar({ ...parametros, excluidas: s });
          }}
        />
        <div className="rev-actualizar">
          <button type="submit" className="btn btn--ghost" disabled={cargando}>
            Actualizar
          </button>
        </div>
      </form>

      <div id="rev-error" role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      <p className="notice rev-aviso" role="status">
        {aviso}
      </p>

      {cola === null ? (
        <p className="muted">{cargando ? 'Cargando la cola de revisión…' : ''}</p>
      ) : items.length === 0 ? (
        <p className="rev-vacia">
          No hay radicados para revisar en la semana {cola.semana.semana} (del {rangoSemana(cola.semana.semana)}) con las ventanillas elegidas.
        </p>
      ) : (
        <>
          <div className="rev-progreso">
            <p id="rev-progreso-texto">
              <strong data-campo="progreso">{prog.texto}</strong>
              <span className="muted">
                {' '}
                · en la semana: {formatNumero(cola.total)} radicados, {formatNumero(cola.revisados)} revisados
              </span>
            </p>
            <progress aria-labelledby="rev-progreso-texto" value={prog.revisados} max={Math.max(1, prog.total)} />
          </div>
          <p className="hint rev-teclas" id="rev-teclas">
            En la lista: <kbd>↓</kbd> <kbd>↑</kbd> o <kbd>J</kbd> <kbd>K</kbd> se mueven · <kbd>C</kbd> correcto · <kbd>T</kbd> tipo incorrecto ·{' '}
            <kbd>D</kbd> dependencia incorrecta · <kbd>O</kbd> observación. Tras marcar pasa al siguiente sin revisar.
          </p>
          <div className="rev-area" onKeyDown={onKeyDown}>
            <ListaRevision items={items} actual={actual} onElegir={setActual} listRef={listRef} describedBy="rev-teclas" />
            {item ? (
              <DetalleRevision
                item={item}
                edicion={edicion}
                ocupado={ocupado}
                errorRouter={error}
                terminoCorrecto={terminos[item.numero] ?? null}
                pendiente={pendientes[item.numero] ?? null}
                opcionesTipo={opcionesTipo}
                opcionesDependencia={opcionesDependencia}
                onAccion={accion}
                onCorregir={corregir}
                onObservar={observar}
                onCancelar={cancelar}
              />
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
