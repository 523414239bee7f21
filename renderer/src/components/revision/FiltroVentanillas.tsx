import type { VentanillaRef } from '../../revision';
import { claveVentanilla, nombreVentanilla } from '../../revision';

interface Props {
  idBase: string;
  todas: readonly VentanillaRef[];
  /** Keys (claveVentanilla) of the ventanillas left out. */
  excluidas: ReadonlySet<string>;
  onCambiar: (excluidas: Set<string>) => void;
  disabled?: boolean;
}

/** One checkbox per sede and ventanilla with radicados that week; all checked by default. */
export function FiltroVentanillas({ idBase, todas, excluidas, onCambiar, disabled }: Props) {
  if (todas.length === 0) return null;
  const alternar = (clave: string, marcada: boolean) => {
    const s = new Set(excluidas);
    if (marcada) s.delete(clave);
    else s.add(clave);
    onCambiar(s);
  };
  return (
    <fieldset className="plain ventanillas-filtro">
      <legend className="legend-small">Ventanillas</legend>
      <div className="ventanillas-opciones">
        {todas.map((v) => {
          const clave = claveVentanilla(v);
          const id = `${idBase}-${clave}`;
          return (
            <div className="check" key={clave}>
              <input id={id} type="checkbox" checked={!excluidas.has(clave)} disabled={disabled} onChange={(e) => alternar(clave, e.target.checked)} />
              <label htmlFor={id}>{nombreVentanilla(v)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
