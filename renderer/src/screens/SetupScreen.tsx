import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { llamar, toFormError } from '../api';
import type { FormError } from '../api';
import { Field, fieldAria } from '../components/Field';
import { ErrorSummary } from '../components/ErrorSummary';

interface SetupForm {
  entidad: string;
  nit: string;
  sede: string;
  sedeNombre: string;
  ventanilla: string;
  usuariosDemo: boolean;
}

/** Demo defaults, so a first run can be tried with Enter. */
export const SETUP_DEFAULT: SetupForm = {
  entidad: 'Alcaldía de Villa Demo',
  nit: '',
  sede: '01',
  sedeNombre: 'Sede Principal',
  ventanilla: '03',
  usuariosDemo: true,
};

const FIELD_IDS: Record<string, string> = {
  entidad: 'setup-entidad',
  nit: 'setup-nit',
  sede: 'setup-sede',
  sedeNombre: 'setup-sede-nombre',
  ventanilla: 'setup-ventanilla',
  usuariosDemo: 'setup-demo',
};

/** First run: who the entity is and which sede and ventanilla this station serves. */
export function SetupScreen({ onDone }: { onDone: () => Promise<void> }) {
  const [form, setForm] = useState<SetupForm>(SETUP_DEFAULT);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => first.current?.focus(), []);

  const set = <K extends keyof SetupForm>(k: K, v: SetupForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await llamar(() =>
      window.api.inicializarEstacion({
        entidad: form.entidad,
        nit: form.nit || null,
        sede: form.sede,
        sedeNombre: form.sedeNombre || null,
        ventanilla: form.ventanilla,
        usuariosDemo: form.usuariosDemo,
      }),
    );
    setBusy(false);
    if (r.ok) {
      await onDone();
      return;
    }
    const fe = toFormError(r.error);
    setError(fe);
    const firstInvalid = Object.keys(FIELD_IDS).find((k) => fe.campos[k]);
    const target = firstInvalid ? document.getElementById(FIELD_IDS[firstInvalid]!) : summary.current;
    requestAnimationFrame(() => target?.focus());
  };

  const err = (k: keyof SetupForm) => error?.campos[k];

  return (
    <div className="page page--narrow">
      <header className="brand-header" role="banner">
        <p className="brand">Radica</p>
      </header>
      <main id="contenido" className="card">
        <h1>Configurar la estación</h1>
        <p className="lead">
          Primera vez en este equipo: indique la entidad, la sede y la ventanilla. El número de radicado usa la sede y la
          ventanilla (por ejemplo 0103). Los campos sin la marca «opcional» son obligatorios.
        </p>
        <ErrorSummary error={error} innerRef={summary} />
        <form onSubmit={submit} noValidate aria-labelledby="setup-titulo">
          <h2 id="setup-titulo" className="visually-hidden">
            Datos de la estación
          </h2>
          <Field id="setup-entidad" label="Entidad" error={err('entidad')}>
            <input
              id="setup-entidad"
              ref={first}
              value={form.entidad}
              onChange={(e) => set('entidad', e.target.value)}
              autoComplete="organization"
              {...fieldAria('setup-entidad', err('entidad'))}
            />
          </Field>
          <Field id="setup-nit" label="NIT (opcional)" error={err('nit')}>
            <input id="setup-nit" value={form.nit} onChange={(e) => set('nit', e.target.value)} {...fieldAria('setup-nit', err('nit'))} />
          </Field>
          <div className="row">
            <Field id="setup-sede" label="Código de sede" error={err('sede')} className="field--short">
              <input
                id="setup-sede"
                inputMode="numeric"
                value={form.sede}
                onChange={(e) => set('sede', e.target.value)}
                {...fieldAria('setup-sede', err('sede'))}
              />
            </Field>
            <Field id="setup-sede-nombre" label="Nombre de la sede (opcional)" error={err('sedeNombre')}>
              <input
                id="setup-sede-nombre"
                value={form.sedeNombre}
                onChange={(e) => set('sedeNombre', e.target.value)}
                {...fieldAria('setup-sede-nombre', err('sedeNombre'))}
              />
            </Field>
            <Field id="setup-ventanilla" label="Ventanilla" error={err('ventanilla')} className="field--short">
              <input
                id="setup-ventanilla"
                inputMode="numeric"
                value={form.ventanilla}
                onChange={(e) => set('ventanilla', e.target.value)}
                {...fieldAria('setup-ventanilla', err('ventanilla'))}
              />
            </Field>
          </div>
          <div className="check">
            <input
              id="setup-demo"
              type="checkbox"
              checked={form.usuariosDemo}
              onChange={(e) => set('usuariosDemo', e.target.checked)}
            />
            <label htmlFor="setup-demo">Crear usuarios de demostración (PIN 1234)</label>
          </div>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              Guardar y continuar (Enter)
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
