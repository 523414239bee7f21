import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ConfiguracionEstacion, Usuario } from '../../../shared/domain/radicado';
import { llamar, toFormError } from '../api';
import type { FormError } from '../api';
import { Field, fieldAria } from '../components/Field';
import { ErrorSummary } from '../components/ErrorSummary';
import { ROL_NOMBRE, stationLabel } from '../labels';

interface LoginProps {
  config: ConfiguracionEstacion;
  usuarios: Usuario[];
  onLogin: (u: Usuario) => void;
}

/** Choose the funcionario and type the PIN; Enter signs in. */
export function LoginScreen({ config, usuarios, onLogin }: LoginProps) {
  const [usuario, setUsuario] = useState((usuarios.find((u) => u.rol === 'radicador') ?? usuarios[0])?.usuario ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLSelectElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => userRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await llamar(() => window.api.iniciarSesion({ usuario, pin }));
    setBusy(false);
    if (r.ok) {
      onLogin(r.value);
      return;
    }
    setError(toFormError(r.error));
    setPin('');
    requestAnimationFrame(() => (r.error.campos?.usuario ? userRef.current : pinRef.current)?.focus());
  };

  return (
    <div className="page page--narrow">
      <header className="brand-header" role="banner">
        <p className="brand">Radica</p>
        <p className="brand-sub">
          {config.entidad} · {stationLabel(config)}
        </p>
      </header>
      <main id="contenido" className="card">
        <h1>Iniciar sesión</h1>
        <ErrorSummary error={error} />
        <form onSubmit={submit} noValidate>
          <Field id="login-usuario" label="Funcionario" error={error?.campos.usuario}>
            <select
              id="login-usuario"
              ref={userRef}
              value={usuario}
              onChange={(e) => setUsuario(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  pinRef.current?.focus();
                }
              }}
              {...fieldAria('login-usuario', error?.campos.usuario)}
            >
              {usuarios.map((u) => (
                <option key={u.usuario} value={u.usuario}>
                  {u.nombre} — {ROL_NOMBRE[u.rol]} ({u.usuario})
                </option>
              ))}
            </select>
          </Field>
          <Field id="login-pin" label="PIN" error={error?.campos.pin} hint="De 4 a 8 dígitos.">
            <input
              id="login-pin"
              ref={pinRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              {...fieldAria('login-pin', error?.campos.pin, 'De 4 a 8 dígitos.')}
            />
          </Field>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              Ingresar (Enter)
            </button>
          </div>
        </form>
        {usuarios.length === 0 ? (
          <p className="alert alert--warn">
            La estación no tiene usuarios activos. Pida a un administrador que los cree.
          </p>
        ) : null}
      </main>
    </div>
  );
}
