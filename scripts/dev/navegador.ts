/**
 * `npm start` without Electron's binary: the same station in a Chromium window. With --captura FILE
 * it opens headless, saves a screenshot and exits (for looking at the UI on machines without a screen).
 */
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStation } from '../../electron/station';
import { iniciarCoordinacion } from '../../electron/central/coordinacion';
import { iniciarReplicacion } from '../../electron/central/enEstacion';
import { defaultDataDir } from '../../electron/paths';
import { bindApi, serveRenderer } from './browserHost';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const captura = args.includes('--captura') ? args[args.indexOf('--captura') + 1] : undefined;
  const dataDir = path.resolve(args.includes('--data-dir') ? args[args.indexOf('--data-dir') + 1]! : defaultDataDir());
  if (!CHROMIUM) {
    console.error('radica: no está instalado el binario de Electron ni Chromium. Instale Electron con "npm install" en una máquina con acceso a su descarga, o Chromium (apt-get install chromium).');
    return 1;
  }
  const headless = captura !== undefined || !process.env.DISPLAY;
  if (headless && captura === undefined) {
    console.error('radica: no hay pantalla (DISPLAY). Use "xvfb-run -a npm start" o "npm start -- --captura pantalla.png".');
    return 1;
  }
  // As in the desktop app: coordinator mode with a coordinator's central URL, and replication when
  // the station has a central store configured.
  const station = openStation({ dataDir });
  iniciarCoordinacion(station);
  const replicacion = iniciarReplicacion(station, { registrarError: (donde, err) => console.error(`radica: ${donde}: ${(err as Error).message}`) });
  station.services.central.fijar(replicacion ? () => replicacion.estado() : null);
  const server = await serveRenderer(path.resolve(__dirname, '..', 'renderer'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ locale: 'es-CO', timezoneId: 'America/Bogota', viewport: { width: 1366, height: 900 } });
    await bindApi(page, station, 'navegador');
    await page.goto(server.url);
    console.error(`Radica en modo navegador (sin Electron). Datos: ${dataDir}`);
    if (captura) {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await page.screenshot({ path: captura, fullPage: true });
      console.error(`Captura guardada en ${captura}`);
    } else {
      await new Promise<void>((resolve) => page.on('close', () => resolve()));
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
    await replicacion?.detener();
    station.close();
  }
}

void main().then((code) => process.exit(code));
