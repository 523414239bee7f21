import { useEffect, useRef, useState } from 'react';
import type { Catalogo } from '../../../shared/domain/catalog';
import type { ConfiguracionEstacion, Usuario } from '../../../shared/domain/radicado';
import { llamar } from '../api';
import { ROL_NOMBRE, stationLabel } from '../labels';
import { RadicarScreen } from './RadicarScreen';
import { ConsultaScreen } from './ConsultaScreen';

export type View = 'radicar' | 'consulta';

interface WorkspaceProps {
  config: ConfiguracionEstacion;
  usuario: Usuario;
  onLogout: () => Promise<void>;
}

const VIEW_TITLE: Record<View, string> = { radicar: 'Radicar', consulta: 'Consulta' };

/** Header, navigation (Alt+R, Alt+C) and the two working screens, kept mounted so a half-typed form survives. */
export function Workspace({ config, usuario, onLogout }: WorkspaceProps) {
  const [view, setView] = useState<View>('radicar');
  const [catalogo, setCatalogo] = useState<Catalogo | null>(null);
  const [catalogoError, setCatalogoError] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    void llamar(() => window.api.obtenerCatalogo({})).then((r) => {
      if (!live) return;
      if (r.ok) setCatalogo(r.value);
      else setCatalogoError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.title = `${VIEW_TITLE[view]} · Radica`;
  }, [view]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyR') {
        e.preventDefault();
        setView('radicar');
      } else if (e.code === 'KeyC') {
        e.preventDefault();
        setView('consulta');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="page">
      <a className="skip-link" href="#contenido">
        Saltar al contenido
      </a>
      <header className="app-header" role="banner">
        <div className="app-header-brand">
          <p className="brand">Radica</p>
          <p className="brand-sub">{config.entidad}</p>
        </div>
        <p className="app-header-station">{stationLabel(config)}</p>
        <div className="app-header-user">
          <p>
            <span className="visually-hidden">Sesión de </span>
            <strong>{usuario.nombre}</strong> <span className="role-badge">{ROL_NOMBRE[usuario.rol]}</span>
          </p>
          <button type="button" className="btn btn--ghost" onClick={() => void onLogout()}>
            Cerrar sesión
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Secciones">
        <button
          type="button"
          className="nav-btn"
          aria-current={view === 'radicar' ? 'page' : undefined}
          aria-keyshortcuts="Alt+R"
          onClick={() => setView('radicar')}
        >
          Radicar <kbd>Alt+R</kbd>
        </button>
        <button
          type="button"
          className="nav-btn"
          aria-current={view === 'consulta' ? 'page' : undefined}
          aria-keyshortcuts="Alt+C"
          onClick={() => setView('consulta')}
        >
          Consulta <kbd>Alt+C</kbd>
        </button>
      </nav>
      <main id="contenido" ref={mainRef} tabIndex={-1} className="app-main">
        {catalogoError ? (
          <p role="alert" className="alert alert--error">
            {catalogoError}
          </p>
        ) : null}
        <RadicarScreen active={view === 'radicar'} catalogo={catalogo} />
        <ConsultaScreen active={view === 'consulta'} usuario={usuario} />
      </main>
    </div>
  );
}
