import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { llamar, toFormError } from '../api';
import type { FormError } from '../api';
import { Field, fieldAria } from './Field';
import { ErrorSummary } from './ErrorSummary';

interface Props {
  numero: string;
  aprobadoPorDefecto: string;
  onCancel: () => void;
  onDone: () => void;
}

/** Annulment: a written justification and who approved it (AGN Acuerdo 060 de 2001). */
export function AnularForm({ numero, aprobadoPorDefecto, onCancel, onDone }: Props) {
  const [justificacion, setJustificacion] = useState('');
  const [aprobadoPor, setAprobadoPor] = useState(aprobadoPorDefecto);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLTextAreaElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await llamar(() => window.api.anular({ numero, justificacion, aprobadoPor }));
    setBusy(false);
    if (r.ok) {
      onDone();
      return;
    }
    const fe = toFormError(r.error);
    setError(fe);
    requestAnimationFrame(() =>
      document.getElementById(fe.campos.aprobadoPor && !fe.campos.justificacion ? 'anular-aprobado' : 'anular-justificacion')?.focus(),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form className="anular" onSubmit={submit} noValidate aria-labelledby="anular-titulo">
      <h3 id="anular-titulo">Anular el radicado {numero}</h3>
      <p>El número queda anulado y no se reutiliza. La anulación queda en el historial.</p>
      <ErrorSummary error={error} />
      <Field id="anular-justificacion" label="Justificación" required error={error?.campos.justificacion} hint="Al menos 10 caracteres. Ctrl+Enter confirma.">
        <textarea
          id="anular-justificacion"
          ref={first}
          rows={3}
          value={justificacion}
          onChange={(e) => setJustificacion(e.target.value)}
          onKeyDown={onKeyDown}
          {...fieldAria('anular-justificacion', error?.campos.justificacion, 'hint')}
        />
      </Field>
      <Field id="anular-aprobado" label="Aprobado por" required error={error?.campos.aprobadoPor}>
        <input
          id="anular-aprobado"
          value={aprobadoPor}
          onChange={(e) => setAprobadoPor(e.target.value)}
          {...fieldAria('anular-aprobado', error?.campos.aprobadoPor)}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="btn btn--danger" disabled={busy}>
          Confirmar anulación
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancelar (Esc)
        </button>
      </div>
    </form>
  );
}
