import { useCallback, useRef, useState } from 'react';
import type { Resultado } from '../../../../shared/ipc/result';
import { llamar } from '../../api';
import { SelectorSemana } from './SelectorSemana';

/**
 * Figures over a period of weeks, fetched with `pedir`: the chosen period, the last answer, its
 * error, and `cambiar` for the selector. An answer that arrives after a newer request is dropped;
 * 'actual' becomes the week the answer names, so the arrows move from there.
 */
export function usePeriodo<T extends { semanas: string[] }>(pedir: (hasta: string, semanas: number) => Promise<Resultado<T>>, semanasIniciales: number) {
  const [hasta, setHasta] = useState<string | null>(null);
  const [semanas, setSemanas] = useState(semanasIniciales);
  const [datos, setDatos] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cargando, setCargando] = useState(false);
  const pedido = useRef(0);
  const pedirRef = useRef(pedir);
  pedirRef.current = pedir;

  const cargar = useCallback(async (h: string | null, n: number) => {
    const id = ++pedido.current;
    setCargando(true);
    const r = await llamar(() => pedirRef.current(h ?? 'actual', n));
    if (id !== pedido.current) return;
    setCargando(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setDatos(r.value);
    const ultima = r.value.semanas.at(-1);
    if (ultima) setHasta(ultima);
  }, []);

  const cambiar = useCallback(
    (h: string | null, n: number) => {
      setHasta(h);
      setSemanas(n);
      void cargar(h, n);
    },
    [cargar],
  );

  return { hasta, semanas, datos, error, cargando, recargar: () => cargar(hasta, semanas), cambiar };
}

interface Props {
  /** Prefix of the controls' ids: `${id}-hasta`, `${id}-semanas`. */
  id: string;
  /** The form's accessible name ("Periodo del tablero"). */
  nombre: string;
  /** The last week shown; null while the first answer is on its way. */
  hasta: string | null;
  semanas: number;
  opciones: readonly number[];
  onCambiar: (hasta: string | null, semanas: number) => void;
}

/** A period of whole ISO weeks: the last one, and how many end with it (the dashboard, the suggestions' figures). */
export function SelectorPeriodo({ id, nombre, hasta, semanas, opciones, onCambiar }: Props) {
  return (
    <form className="rev-controles" noValidate aria-label={nombre} onSubmit={(e) => e.preventDefault()}>
      <SelectorSemana id={`${id}-hasta`} label="Hasta la semana" semana={hasta} onCambiar={(s) => onCambiar(s, semanas)} />
      <div className="field field--medium">
        <label htmlFor={`${id}-semanas`}>Semanas</label>
        <select id={`${id}-semanas`} value={semanas} onChange={(e) => onCambiar(hasta, Number(e.target.value))}>
          {opciones.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? '1 semana' : `${n} semanas`}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
