import type { Ref } from 'react';

interface Props {
  id: string;
  /** Text of the button-looking label (the input's accessible name). */
  label: string;
  hint: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  accept: string;
  onFiles: (files: FileList | null, input: HTMLInputElement) => void;
}

/**
 * A file input that looks like the app's buttons and speaks Spanish whatever the browser's locale
 * (the native one says "Choose Files"). The input stays focusable (Tab, then Enter or Space opens
 * the system dialog); its label carries the focus ring.
 */
export function SelectorArchivos({ id, label, hint, disabled, inputRef, accept, onFiles }: Props) {
  return (
    <div className="archivo-field">
      <input
        id={id}
        ref={inputRef}
        className="archivo-input"
        type="file"
        multiple
        accept={accept}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onFiles(e.currentTarget.files, e.currentTarget)}
      />
      <label htmlFor={id} className={disabled ? 'btn btn--ghost archivo-boton is-disabled' : 'btn btn--ghost archivo-boton'}>
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
