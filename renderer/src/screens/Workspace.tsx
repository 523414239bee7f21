import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Catalogo } from '../../../shared/domain/catalog';
import type { ConfiguracionEstacion, Usuario } from '../../../shared/domain/radicado';
import { llamar } from '../api';
import { ROL_NOMBRE, stationLabel } from '../labels';
import { RadicarScreen } from './RadicarScreen';
import { ConsultaScreen } from './ConsultaScreen';
import { ImpresorasScreen } from './ImpresorasScreen';
import { BandejaScreen } from './BandejaScreen';
import { EscanerScreen } from './EscanerScreen';
import { RevisionScreen } from './RevisionScreen';
import { InformesScreen } from './InformesScreen';
import { TableroScreen } from './TableroScreen';
import { EstacionesScreen } from './EstacionesScreen';
import { RetroalimentacionScreen } from './RetroalimentacionScreen';
import { ClasificadorScreen } from './ClasificadorScreen';
import { EstadoImpresoras } from '../components/EstadoImpresoras';
import { EstadoCentral } from '../components/EstadoCentral';
import type { ConfigImpresion } from '../../../shared/domain/impresion';

export type View = 'radicar' | 'consulta' | 'bandeja' | 'impresoras' | 'escaner' | 'retro' | 'revision' | 'informes' | 'tablero' | 'estaciones' | 'clasificador';

interface Seccion {
  view: View;
  nombre: string;
  atajo: string;
  /** KeyboardEvent.code of the Alt shortcut. */
  tecla: string;
}

const SECCIONES: Seccion[] = [
  { view: 'radicar', nombre: 'Radicar', atajo: 'Alt+R', tecla: 'KeyR' },
  { view: 'consulta', nombre: 'Consulta', atajo: 'Alt+C', tecla: 'KeyC' },
  { view: 'bandeja', nombre: 'Bandeja de lote', atajo: 'Alt+B', tecla: 'KeyB' },
  { view: 'retro', nombre: 'Mi retroalimentación', atajo: 'Alt+M', tecla: 'KeyM' },
];
/** The weekly review and the classifier are for the coordinador and the administrador (the router refuses the others). */
const SECCIONES_REVISION: Seccion[] = [
  { view: 'revision', nombre: 'Revisión', atajo: 'Alt+S', tecla: 'KeyS' },
  { view: 'informes', nombre: 'Informes', atajo: 'Alt+N', tecla: 'KeyN' },
  { view: 'tablero', nombre: 'Tablero', atajo: 'Alt+T', tecla: 'KeyT' },
  { view: 'estaciones', nombre: 'Estaciones', atajo: 'Alt+O', tecla: 'KeyO' },
  { view: 'clasificador', nombre: 'Clasificador', atajo: 'Alt+L', tecla: 'KeyL' },
];
/** Only the administrador configures printers and the scanner. */
const SECCIONES_ADMIN: Seccion[] = [
  ...SECCIONES,
  { view: 'impresoras', nombre: 'Impresoras', atajo: 'Alt+I', tecla: 'KeyI' },
  { view: 'escaner', nombre: 'Escáner', atajo: 'Alt+E', tecla: 'KeyE' },
];

interface WorkspaceProps {
  config: ConfiguracionEstacion;
  usuario: Usuario;
  onLogout: () => Promise<void>;
}

const VIEW_TITLE: Record<View, string> = { radicar: 'Radicar', consulta: 'Consulta', bandeja: 'Bandeja de lote', impresoras: 'Impresoras', escaner: 'Escáner', retro: 'Mi retroalimentación', revision: 'Revisión', informes: 'Informes', tablero: 'Tablero', estaciones: 'Estaciones', clasificador: 'Clasificador' };

/**
 * Header (with the printer status), navigation (Alt+R, Alt+C, Alt+B, and Alt+I and Alt+E for the administrador) and the
 * working screens, kept mounted so a half-typed form survives.
 */
export function Workspace({ config, usuario, onLogout }: WorkspaceProps) {
  const [view, setView] = useState<View>('radicar');
  const [catalogo, setCatalogo] = useState<Catalogo | null>(null);
  const [catalogoError, setCatalogoError] = useState<string | null>(null);
  const [configImpresion, setConfigImpresion] = useState<ConfigImpresion | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const esAdmin = usuario.rol === 'administrador';
  const revisa = esAdmin || usuario.rol === 'coordinador';
  const secciones = useMemo(() => [...(esAdmin ? SECCIONES_ADMIN : SECCIONES), ...(revisa ? SECCIONES_REVISION : [])], [esAdmin, revisa]);

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
      const seccion = secciones.find((x) => x.tecla === e.code);
      if (seccion) {
        e.preventDefault();
        setView(seccion.view);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [secciones]);

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
        <EstadoCentral />
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
        {secciones.map((x) => (
          <button
            key={x.view}
            type="button"
            className="nav-btn"
            aria-current={view === x.view ? 'page' : undefined}
            aria-keyshortcuts={x.atajo}
            onClick={() => setView(x.view)}
          >
            {x.nombre} <kbd>{x.atajo}</kbd>
          </button>
        ))}
      </nav>
      <main id="contenido" ref={mainRef} tabIndex={-1} className="app-main">
        {catalogoError ? (
          <p role="alert" className="alert alert--error">
            {catalogoError}
          </p>
        ) : null}
        <RadicarScreen active={view === 'radicar'} catalogo={catalogo} configImpresion={configImpresion} />
        <ConsultaScreen active={view === 'consulta'} usuario={usuario} configImpresion={configImpresion} />
        <BandejaScreen active={view === 'bandeja'} usuario={usuario} />
        {esAdmin ? <ImpresorasScreen active={view === 'impresoras'} config={configImpresion} onGuardado={setConfigImpresion} /> : null}
        {esAdmin ? <EscanerScreen active={view === 'escaner'} /> : null}
        <RetroalimentacionScreen active={view === 'retro'} />
        {revisa ? <RevisionScreen active={view === 'revision'} catalogo={catalogo} /> : null}
        {revisa ? <InformesScreen active={view === 'informes'} /> : null}
        {revisa ? <TableroScreen active={view === 'tablero'} /> : null}
        {revisa ? <EstacionesScreen active={view === 'estaciones'} /> : null}
        {revisa ? <ClasificadorScreen active={view === 'clasificador'} esAdmin={esAdmin} catalogo={catalogo} /> : null}
      </main>
    </div>
  );
}
