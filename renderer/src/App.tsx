import { useCallback, useEffect, useState } from 'react';
import type { EstadoEstacion } from '../../shared/ipc/contract';
import type { Usuario } from '../../shared/domain/radicado';
import { llamar } from './api';
import { SetupScreen } from './screens/SetupScreen';
import { LoginScreen } from './screens/LoginScreen';
import { Workspace } from './screens/Workspace';

type Phase = { kind: 'cargando' } | { kind: 'falla'; message: string } | { kind: 'lista'; estado: EstadoEstacion };

/** Decides what the station shows: first-run setup, login, or the clerk's workspace. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'cargando' });

  const reload = useCallback(async () => {
    const r = await llamar(() => window.api.estadoEstacion({}));
    setPhase(r.ok ? { kind: 'lista', estado: r.value } : { kind: 'falla', message: r.error.message });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const onLogin = (usuario: Usuario) =>
    setPhase((p) => (p.kind === 'lista' ? { kind: 'lista', estado: { ...p.estado, sesion: usuario } } : p));

  const onLogout = async () => {
    await llamar(() => window.api.cerrarSesion({}));
    await reload();
  };

  if (phase.kind === 'cargando') {
    return (
      <main className="centered" id="contenido">
        <p role="status">Cargando la estación…</p>
      </main>
    );
  }
  if (phase.kind === 'falla') {
    return (
      <main className="centered" id="contenido">
        <h1>Radica</h1>
        <p role="alert" className="alert alert--error">
          {phase.message}
        </p>
        <button type="button" className="btn btn--primary" onClick={() => void reload()}>
          Reintentar
        </button>
      </main>
    );
  }
  const { estado } = phase;
  if (!estado.inicializada || !estado.config) return <SetupScreen onDone={reload} />;
  if (!estado.sesion) return <LoginScreen config={estado.config} usuarios={estado.usuarios} onLogin={onLogin} />;
  return <Workspace config={estado.config} usuario={estado.sesion} onLogout={onLogout} />;
}
