import { useCallback, useEffect, useRef, useState } from 'react';
import type { Catalogo } from '../../../shared/domain/catalog';
import type { ConfiguracionEstacion, Usuario } from '../../../shared/domain/radicado';
import { llamar } from '../api';
import { ROL_NOMBRE, stationLabel } from '../labels';
import { RadicarScreen } from './RadicarScreen';
import { ConsultaScreen } from './ConsultaScreen';
import { ImpresorasScreen } from './ImpresorasScreen';
import { EstadoImpresoras } from '../components/EstadoImpresoras';
import type { ConfigImpresion } from '../../../shared/domain/impresion';

export type View = 'radicar' | 'consulta' | 'impresoras';

interface WorkspaceProps {
  config: ConfiguracionEstacion;
  usuario: Usuario;
  onLogout: () => Promise<void>;
}

const VIEW_TITLE: Record<View, string> = { radicar: 'Radicar', consulta: 'Consulta', impresoras: 'Impresoras' };

/**
 * Header (with the printer status), navigation (Alt+R, Alt+C, and Alt+I for the administrador) and the
 * working screens, kept mounted so a half-typed form survives.
 */
export function Workspace({ config, usuario, onLogout }: WorkspaceProps) {
  const [view, setView] = useState<View>('radicar');
  const [catalogo, setCatalogo] = useState<Catalogo | null>(null);
  const [catalogoError, setCatalogoError] = useState<string | null>(null);
  const [configImpresion, setConfigImpresion] = useState<ConfigImpresion | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const esAdmin = usuario.rol === 'administrador';

  const cargarConfigImpresion = useCallback(async () => {
    const r = await llamar(() => window.api.configImpresion({}));
    if (r.ok) setConfigImpresion(r.value);
  }, []);

  useEffect(() => {
    void cargarConfigImpresion();
  }, [cargarConfigImpresion]);

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
      // Ctrl+P never opens the browser's print dialog: the screens print the sticker themselves.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyP') {
        e.preventDefault();
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyI' && esAdmin) {
        e.preventDefault();
        setView('impresoras');
      } else if (e.code === 'KeyR') {
        e.preventDefault();
        setView('radicar');
      } else if (e.code === 'KeyC') {
        e.preventDefault();
        setView('consulta');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [esAdmin]);

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
        <EstadoImpresoras config={configImpresion} />
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
        {esAdmin ? (
          <button
            type="button"
            className="nav-btn"
            aria-current={view === 'impresoras' ? 'page' : undefined}
            aria-keyshortcuts="Alt+I"
            onClick={() => setView('impresoras')}
          >
            Impresoras <kbd>Alt+I</kbd>
          </button>
        ) : null}
      </nav>
      <main id="contenido" ref={mainRef} tabIndex={-1} className="app-main">
        {catalogoError ? (
          <p role="alert" className="alert alert--error">
            {catalogoError}
          </p>
        ) : null}
        <RadicarScreen active={view === 'radicar'} catalogo={catalogo} configImpresion={configImpresion} />
        <ConsultaScreen active={view === 'consulta'} usuario={usuario} configImpresion={configImpresion} />
        {esAdmin ? <ImpresorasScreen active={view === 'impresoras'} config={configImpresion} onGuardado={setConfigImpresion} /> : null}
      </main>
    </div>
  );
}
