import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { ItemRevision } from '../../../../shared/domain/revision';
import { Combobox } from '../Combobox';
import type { ComboOption } from '../Combobox';
import { Field } from '../Field';
import { errorCorreccion, formatPorcentaje, preseleccion } from '../../revision';
import type { CampoCorreccion } from '../../revision';

interface Props {
  campo: CampoCorreccion;
  item: ItemRevision;
  opciones: ComboOption[];
  ocupado: boolean;
  /** The router's refusal, if the last save failed (shown in #rev-error, role=alert). */
  errorRouter: string | null;
  onGuardar: (codigo: string) => void;
  onCancelar: () => void;
}

/**
 * T or D: the right tipo (or dependencia), preselected with the classifier's choice when it differs
 * from the clerk's. Type to filter, Enter chooses and Enter again saves; Escape cancels.
 */
export function CorreccionForm({ campo, item, opciones, ocupado, errorRouter, onGuardar, onCancelar }: Props) {
  const [valor, setValor] = useState<string | null>(() => preseleccion(campo, item));
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `rev-${campo}-correcto`;
  const esTipo = campo === 'tipo';
  const sugerido = item.clasificador[campo];

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const guardar = (e: FormEvent) => {
    e.preventDefault();
    if (ocupado) return;
    const err = errorCorreccion(campo, item, valor);
    setError(err);
    if (err || !valor) {
      inputRef.current?.focus();
      return;
    }
    onGuardar(valor);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onCancelar();
    }
  };

  const mensaje = error ?? undefined;
  return (
    <form className="rev-form" noValidate onSubmit={guardar} onKeyDown={onKeyDown} aria-labelledby={`${id}-titulo`}>
      <h3 id={`${id}-titulo`}>{esTipo ? 'Tipo documental incorrecto' : 'Dependencia incorrecta'}</h3>
      <Field
        id={id}
        label={esTipo ? 'Tipo documental correcto' : 'Dependencia correcta'}
        error={mensaje}
        hint={
          <>
            Radicado como {esTipo ? `${item.tipo} · ${item.tipoNombre}` : `${item.dependencia} · ${item.dependenciaNombre}`}.
            {sugerido ? ` El clasificador sugiere ${sugerido.codigo} (${formatPorcentaje(sugerido.probabilidad, 0)}).` : ''} Enter guarda; Escape
            cancela.
          </>
        }
      >
        <Combobox
          id={id}
          inputRef={inputRef}
          listLabel={esTipo ? 'Tipos documentales' : 'Dependencias'}
          options={opciones}
          value={valor}
          onChange={(v) => {
            setValor(v);
            setError(null);
          }}
          invalid={!!mensaje || !!errorRouter}
          describedBy={[`${id}-hint`, mensaje ? `${id}-error` : null, errorRouter ? 'rev-error' : null].filter(Boolean).join(' ')}
        />
      </Field>
      <div className="actions actions--tight">
        <button type="submit" className="btn btn--primary" disabled={ocupado}>
          Guardar <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancelar}>
          Cancelar <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
