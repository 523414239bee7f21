import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { ItemRevision } from '../../../../shared/domain/revision';
import { Field } from '../Field';

interface Props {
  item: ItemRevision;
  /** An observation written earlier and not saved yet (the item had no mark). */
  pendiente: string | null;
  ocupado: boolean;
  errorRouter: string | null;
  onGuardar: (texto: string) => void;
  onCancelar: () => void;
}

const MAX = 1000;

/** O: an observation for the clerk. Ctrl+Enter saves it with the mark (or keeps it for the mark to come). */
export function ObservacionForm({ item, pendiente, ocupado, errorRouter, onGuardar, onCancelar }: Props) {
  const [texto, setTexto] = useState(pendiente ?? item.marca?.observacion ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = 'rev-observacion';

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const guardar = (e?: FormEvent) => {
    e?.preventDefault();
    if (!ocupado) onGuardar(texto);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      guardar();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancelar();
    }
  };

  return (
    <form className="rev-form" noValidate onSubmit={guardar} onKeyDown={onKeyDown} aria-labelledby={`${id}-titulo`}>
      <h3 id={`${id}-titulo`}>Observación</h3>
      <Field
        id={id}
        label="Observación para quien radicó"
        hint={
          item.marca
            ? `Se guarda con la marca «${item.marca.veredicto}». Ctrl+Enter guarda; Escape cancela. Máximo ${MAX} caracteres.`
            : `El radicado aún no tiene marca: la observación se guardará al marcarlo con C, T o D. Ctrl+Enter la deja lista; Escape cancela.`
        }
      >
        <textarea
          id={id}
          ref={ref}
          rows={3}
          maxLength={MAX}
          value={texto}
          onChange={(e) => setTexto(e.target.value)}
          aria-invalid={errorRouter ? true : undefined}
          aria-describedby={[`${id}-hint`, errorRouter ? 'rev-error' : null].filter(Boolean).join(' ')}
        />
      </Field>
      <div className="actions actions--tight">
        <button type="submit" className="btn btn--primary" disabled={ocupado}>
          {item.marca ? 'Guardar observación' : 'Dejar lista'} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancelar}>
          Cancelar <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
