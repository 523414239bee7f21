/**
 * The station and its central store, as the clerk sees it: a real PostgreSQL on 127.0.0.1, the
 * station's replicator running beside the router (as in the desktop app's main process). With the
 * server stopped the header says she is radicating locally and radicación goes on; when it is back
 * the radicado arrives centrally.
 */
import pg from 'pg';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, login, logout, screenshot, tabTo } from './harness';
import { iniciarPostgres, type PostgresPrueba } from '../electron/central/postgres';
import { migrar } from '../../electron/central/esquema';
import { iniciarReplicacion, type ReplicacionEnCurso } from '../../electron/central/enEstacion';
import { registrarCoordinador } from '../../electron/central/registro';
import { FuenteRevisionCentral } from '../../electron/central/fuenteCentral';

async function radicarConTeclado(page: Page, asunto: string): Promise<string> {
  await page.locator('#rad-tipo-documento').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type('52123456');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Rosa Elena Quintero');
  await tabTo(page, '#rad-autoriza');
  await page.keyboard.press('Space');
  await tabTo(page, '#rad-asunto');
  await page.keyboard.type(asunto);
  await tabTo(page, '#rad-tipo');
  await page.keyboard.type('PET-GEN');
  await expect(page.locator('#rad-tipo')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await tabTo(page, '#rad-dependencia');
  await page.keyboard.type('300');
  await expect(page.locator('#rad-dependencia')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await tabTo(page, '#rad-asunto', 60);
  await page.keyboard.press('Control+Enter');
  const titulo = page.locator('#resultado-numero');
  await expect(titulo).toBeVisible();
  return (await titulo.locator('.mono').textContent())!.trim();
}

async function enCentral(url: string, numero: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM radica.radicados WHERE numero = $1', [numero]);
    return r.rowCount === 1;
  } finally {
    await c.end();
  }
}

test('sin servidor central la ventanilla sigue radicando, y lo radicado llega cuando vuelve', async ({ app, estacion }) => {
  test.setTimeout(180_000);
  const { page } = app;
  let postgres: PostgresPrueba | null = null;
  let replicacion: ReplicacionEnCurso | null = null;
  let fuenteCoordinacion: FuenteRevisionCentral | null = null;
  try {
    postgres = await iniciarPostgres();
    await migrar(postgres.adminUrl);
    const { station } = estacion;
    const r = await station.router.handle('estacion:inicializar', { entidad: 'Alcaldía de Villa Demo', sede: '01', ventanilla: '03', usuariosDemo: true }, { clientId: 'setup' });
    expect(r.ok).toBe(true);
    // An administrator's URL: the station registers itself on first contact (small installations).
    replicacion = iniciarReplicacion(station, { url: postgres.adminUrl, intervaloMs: 300 });
    const rep = replicacion!;
    station.services.central.fijar(() => rep.estado());

    await app.abrir();
    await login(page, 'radicador');
    const chip = page.locator('.central-chip');
    await expect(chip).toHaveText('Servidor central: al día', { timeout: 20_000 });
    await expectAccessible(page, 'Radicar con servidor central');

    await postgres.detener();
    await expect(chip).toContainText('Sin conexión con el servidor central — radicando localmente', { timeout: 20_000 });
    const numero = await radicarConTeclado(page, 'Solicito poda de árbol frente a la escuela del barrio El Carmen');
    expect(numero).toMatch(/^\d{4}-0103-\d{6}$/);
    await expect(chip).toContainText('por enviar', { timeout: 20_000 });
    await expectAccessible(page, 'Radicar sin servidor central');
    await screenshot(page, 'central-sin-conexion');

    postgres.iniciar();
    await expect(chip).toHaveText('Servidor central: al día', { timeout: 30_000 });
    expect(await enCentral(postgres.adminUrl, numero)).toBe(true);
    await screenshot(page, 'central-al-dia');

    // Coordination's view of the stations (coordinator mode), from the central store.
    const coordinacion = new FuenteRevisionCentral((await registrarCoordinador(postgres.adminUrl, 'carla', ['01'])).url);
    fuenteCoordinacion = coordinacion;
    station.services.central.fijarCoordinacion(() => coordinacion.estaciones());
    await logout(page);
    await login(page, 'coordinador');
    await page.keyboard.press('Alt+o');
    await expect(page.getByRole('heading', { name: 'Estaciones' })).toBeFocused();
    const fila = page.getByRole('row', { name: /Sede 01 · ventanilla 03/ });
    await expect(fila).toContainText(/hace (menos de 1 min|\d+ min)/);
    await expect(fila).toContainText(/lista/);
    await expect(page.getByRole('status').filter({ hasText: '1 estación' })).toBeVisible();
    await expectAccessible(page, 'Estaciones');
    await screenshot(page, 'central-estaciones');

    // "En la ventanilla" in coordinator mode: every window of her sedes, from the central store.
    station.services.revision.usarFuente(coordinacion);
    await page.keyboard.press('Alt+l');
    await expect(page.getByRole('status').filter({ hasText: /^Del \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}, todas las ventanillas de sus sedes: \d+ radicados?\.$/ })).toBeVisible();
    await expect(page.getByText('Del servidor central. Solo cuentan los radicados de las estaciones que ya informan sus sugerencias')).toBeVisible();
    await page.locator('#clf-desempeno-titulo').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'Clasificador (en la ventanilla, coordinación)');
    await screenshot(page, 'central-en-la-ventanilla');
  } finally {
    await replicacion?.detener();
    await fuenteCoordinacion?.cerrar();
    await postgres?.cerrar();
  }
});
