import type { Ref } from 'react';
import type { FormError } from '../api';

/**
 * The router's message for the last attempt, in a live region so screen readers announce it.
 * Always rendered (empty when there is no error) so the live region exists before it changes.
 */
export function ErrorSummary({ error, innerRef }: { error: FormError | null; innerRef?: Ref<HTMLDivElement> }) {
  return (
    <div ref={innerRef} tabIndex={-1} aria-live="assertive" aria-atomic="true" className={error ? 'alert alert--error' : 'live-empty'}>
      {error ? (
        <>
          <p className="alert-title">
            {Object.keys(error.campos).length > 1 ? `Revise estos ${Object.keys(error.campos).length} campos:` : error.message}
          </p>
          {Object.keys(error.campos).length > 1 ? (
            <ul>
              {Object.entries(error.campos).map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
