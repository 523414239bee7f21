import { SelectorSemana } from './SelectorSemana';

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
