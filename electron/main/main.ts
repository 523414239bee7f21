/**
 * Electron main process: thin wiring only (this code cannot run on the development machines, where
 * Electron's binary is not installed; everything it calls is tested through the router).
 */
import { app, BrowserWindow, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStation, type Station } from '../station';
import { canales } from '../../shared/ipc/contract';
import { APP_ORIGIN, CSP, archivoDeRenderer, remitenteConfiable } from './security';
import { logError } from '../log';
import { impresoraSistema } from './impresoraSistema';
import { escanerPorDefecto } from '../scanning';
import { vigilarCarpetaConfigurada } from '../services/carpetaEscaneo';
import type { CarpetaVigilada } from '../scanning/carpetaVigilada';
import { iniciarReplicacion, type ReplicacionEnCurso } from '../central/enEstacion';
import { iniciarCoordinacion } from '../central/coordinacion';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
app.enableSandbox();

let station: Station | null = null;
let colaImpresion: NodeJS.Timeout | null = null;
let reentrenamiento: NodeJS.Timeout | null = null;
let puntajes: NodeJS.Timeout | null = null;
let carpetaEscaneo: CarpetaVigilada | null = null;
let replicacion: ReplicacionEnCurso | null = null;

/**
 * The multifunction printer's scan folder, when IT configured one (followed when the administrador
 * changes it in the Escáner screen); and OCR left pending by a previous run.
 */
function iniciarAnexos(st: Station): void {
  st.services.anexos.programarOcr();
  carpetaEscaneo = vigilarCarpetaConfigurada(st.services.anexos);
}

/** Every few seconds the print queue retries the jobs whose time has come (printer back on, cable back in). */
const CADA_MS = 3000;
function iniciarColaImpresion(st: Station): void {
  colaImpresion = setInterval(() => {
    st.services.impresion.procesarPendientes().catch((err: unknown) => logError('cola de impresión', err));
  }, CADA_MS);
}

/** Every ten minutes the classifier retrains (in a worker thread) if enough new radicados arrived. */
const REVISAR_CLASIFICADOR_MS = 10 * 60_000;
function iniciarReentrenamiento(st: Station): void {
  reentrenamiento = setInterval(() => {
    st.services.clasificacion.reentrenarSiToca().catch((err: unknown) => logError('reentrenamiento del clasificador', err));
  }, REVISAR_CLASIFICADOR_MS);
  // The review queue's scores, a few at a time (tens of milliseconds of this thread), so the
  // coordinator's risk-ranked week opens at once.
  puntajes = setInterval(() => {
    try {
      st.services.revision.precalcular(PUNTAJES_POR_VUELTA);
    } catch (err) {
      logError('puntajes de la revisión', err);
    }
  }, PUNTAJES_CADA_MS);
}
const PUNTAJES_CADA_MS = 15_000;
const PUNTAJES_POR_VUELTA = 150;

function rendererDir(): string {
  return path.join(__dirname, '..', 'renderer');
}

function servirRenderer(): void {
  protocol.handle('app', async (request) => {
    const file = archivoDeRenderer(request.url, rendererDir(), path.join, path.sep);
    if (!file) return new Response('No encontrado', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function registrarIpc(st: Station): void {
  for (const canal of canales) {
    ipcMain.handle(canal, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!remitenteConfiable(event.senderFrame)) {
        return { ok: false, error: { code: 'NO_AUTORIZADO', message: 'Solicitud rechazada: no viene de la ventana de Radica.' } };
      }
      return st.router.handle(canal, payload, { clientId: `wc-${event.sender.id}` });
    });
  }
}

function crearVentana(st: Station): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'Radica',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const id = win.webContents.id;
  win.webContents.on('destroyed', () => st.router.fijarSesion(`wc-${id}`, null));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only the entity's own https pages (e.g. the consultation URL) may open, in the system browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

if (!app.requestSingleInstanceLock()) {
  // One station process per data directory: a second launch focuses the first window.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    try {
      station = openStation({
        dataDir: process.env.RADICA_DATA_DIR ?? app.getPath('userData'),
        impresoraSistema,
        escaner: escanerPorDefecto(process.platform),
      });
      // Coordinator mode (RADICA_COORDINADOR_URL, or the URL kept by `radica central coordinacion`):
      // the review screens span every ventanilla of her sedes.
      iniciarCoordinacion(station);
    } catch (err) {
      logError('abrir estación', err);
      app.exit(1);
      return;
    }
    servirRenderer();
    registrarIpc(station);
    iniciarColaImpresion(station);
    iniciarReentrenamiento(station);
    iniciarAnexos(station);
    // Replication to the central store, when this station has one configured (radica sync --url …).
    replicacion = iniciarReplicacion(station, { registrarError: logError });
    const r = replicacion;
    station.services.central.fijar(r ? () => r.estado() : null);
    crearVentana(station);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0 && station) crearVentana(station);
    });
  });

  app.on('window-all-closed', () => {
    if (colaImpresion) clearInterval(colaImpresion);
    if (reentrenamiento) clearInterval(reentrenamiento);
    if (puntajes) clearInterval(puntajes);
    void carpetaEscaneo?.detener();
    void replicacion?.detener();
    station?.close();
    station = null;
    app.quit();
  });
}
