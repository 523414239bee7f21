import type { ReactNode } from 'react';

/** aria-invalid / aria-describedby for an input whose hint and error live in <Field>. */
export function fieldAria(id: string, error: string | undefined, hint?: ReactNode) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  required?: boolean;
  children: ReactNode;
}

/** Label, control, hint and error message, in that order. */
export function Field({ id, label, error, hint, className, required, children }: FieldProps) {
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (obligatorio)</span> : null}
      </label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
