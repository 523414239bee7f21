/**
 * The e2e harness: the real station (router, SQLite in a temp directory) in the test process, the
 * built renderer served over 127.0.0.1 with the app's CSP, and window.api in the page bound to the
 * router through page.exposeBinding, exactly as the Electron preload exposes one function per
 * channel.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStation, type Station, type StationOptions } from '../../electron/station';
import { metodosApi } from '../../shared/ipc/contract';
import { bindApi, serveRenderer } from '../../scripts/dev/browserHost';

export { bindApi, serveRenderer };
import type { Resultado } from '../../shared/ipc/result';

export const DIST_RENDERER = path.resolve(__dirname, '../../dist/renderer');
export const SCREENS_DIR = path.resolve(__dirname, '../../test-results/screens');

export interface EstacionPrueba {
  station: Station;
  dataDir: string;
}

export interface RadicaApp {
  page: Page;
  /** The router's client id of this page (its session). */
  clientId: string;
  url: string;
  /** Load (or reload) the app. */
  abrir(): Promise<void>;
}

/** What a spec may pass to openStation besides the data directory (a scanner, a fake OCR…). */
export type OpcionesEstacion = Omit<StationOptions, 'dataDir'>;

export const test = base.extend<{ opcionesEstacion: OpcionesEstacion; estacion: EstacionPrueba; app: RadicaApp }, { servidor: { url: string } }>({
  // Override per spec: test.use({ opcionesEstacion: async ({}, use) => use({ escaner: …, ocr: … }) }).
  opcionesEstacion: async ({}, use) => use({}),
  servidor: [
    async ({}, use) => {
      const s = await serveRenderer(DIST_RENDERER);
      await use({ url: s.url });
      await s.close();
    },
    { scope: 'worker' },
  ],
  estacion: async ({ opcionesEstacion }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'radica-e2e-'));
    const station = openStation({ ...opcionesEstacion, dataDir });
    await use({ station, dataDir });
    station.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, estacion, servidor }, use) => {
    const clientId = `e2e-${randomUUID()}`;
    await bindApi(page, estacion.station, clientId);
    const errores: string[] = [];
    page.on('pageerror', (e) => errores.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errores.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errores.push(`${r.status()} ${r.url()}`);
    });
    await use({ page, clientId, url: servidor.url, abrir: async () => void (await page.goto(servidor.url)) });
    // Any uncaught error or CSP violation in the page fails the test.
    expect(errores, 'errores en la consola del renderer').toEqual([]);
  },
});

export { expect };

/** axe-core with WCAG 2.1 A/AA rules: no violation of impact serious or critical. */
/** The demo station most screens start from: Villa Demo, sede 01, ventanilla 03, with the demo users. */
export async function inicializarDemo(estacion: EstacionPrueba): Promise<void> {
  const init = await estacion.station.router.handle(
    'estacion:inicializar',
    { entidad: 'Alcaldía de Villa Demo', sede: '01', sedeNombre: 'Sede Principal', ventanilla: '03', usuariosDemo: true },
    { clientId: 'setup' },
  );
  expect(init.ok).toBe(true);
}

export async function expectAccessible(page: Page, pantalla: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const graves = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(graves, `accesibilidad de ${pantalla}`).toEqual([]);
}

/** Calls window.api.<fn>(payload) from the page, as the renderer would. */
export async function callApi<T = unknown>(page: Page, fn: keyof typeof metodosApi, payload: unknown): Promise<Resultado<T>> {
  return page.evaluate(
    ([f, p]) => (window as unknown as { api: Record<string, (x: unknown) => Promise<unknown>> }).api[f]!(p),
    [fn, payload] as const,
  ) as Promise<Resultado<T>>;
}

/** Presses Tab until the element is focused: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, selector: string, maxTabs = 40): Promise<void> {
  const target = page.locator(selector);
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `${selector} alcanzable con Tab`).toBeFocused();
}

/** Changes a focused <select> with the arrow keys until it shows the value. */
export async function selectByKeyboard(page: Page, selector: string, value: string, maxSteps = 20): Promise<void> {
  const sel = page.locator(selector);
  await expect(sel).toBeFocused();
  for (let i = 0; i < maxSteps && (await sel.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  await expect(sel).toHaveValue(value);
}

export async function login(page: Page, usuario: string, pin = '1234'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await page.locator('#login-usuario').selectOption(usuario);
  await page.locator('#login-pin').fill(pin);
  await page.locator('#login-pin').press('Enter');
  await expect(page.getByRole('heading', { name: 'Radicar documento' })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}
