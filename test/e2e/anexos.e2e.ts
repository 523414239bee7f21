/**
 * Attachments at the ventanilla: the clerk scans with F4 while she types (thumbnails arrive one by
 * one), turns, removes and reorders pages with the keyboard, the page count becomes the folios, the
 * OCR text moves the suggestion to a tutela, and Enter radicates and seals the pages. Then the
 * radicado's detail shows the attachment in a viewer, takes a file from a USB stick (and refuses a
 * disguised one), and the batch tray assigns a part without a sticker to a radicado. The detail
 * also scans with live thumbnails, the tray previews its parts, and the administrador configures
 * the scanner and the multifunction printer's folder (Alt+E).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Usuario } from '../../shared/domain/radicado';
import type { Radicado } from '../../shared/domain/radicado';
import { motorOcrFalso } from '../../electron/anexos/ocr';
import { vigilarCarpetaConfigurada } from '../../electron/services/carpetaEscaneo';
import { cartaPdf } from '../electron/anexos/muestras';
import { radicacion } from '../electron/helpers';
import { escanerPrueba, paginasPrueba, TEXTO_TUTELA } from './escanerPrueba';
import { callApi, expect, expectAccessible, login, logout, screenshot, selectByKeyboard, tabTo, test, inicializarDemo } from './harness';
import type { EstacionPrueba } from './harness';

const ADMIN: Usuario = { usuario: 'admin', nombre: 'Administrador', rol: 'administrador' };

test.use({
  opcionesEstacion: async ({}, use) => use({ escaner: escanerPrueba({ paginas: 3, pausaMs: 700 }), ocr: motorOcrFalso(() => TEXTO_TUTELA) }),
});

async function prepararEstacion(estacion: EstacionPrueba): Promise<void> {
  await inicializarDemo(estacion);
  estacion.station.services.anexos.configurarEscaner(
    { dispositivo: 'prueba:0', fuente: 'adf', duplex: false, resolucion: 100, modo: 'gris', carpeta: null },
    ADMIN,
  );
}

const miniaturas = (page: Page) => page.locator('.miniaturas .miniatura');

/** Remitente anónimo and a neutral asunto, by keyboard; the cursor ends in the asunto. */
async function llenarFormulario(page: Page, asunto: string): Promise<void> {
  await expect(page.locator('#rad-tipo-documento')).toBeFocused();
  await selectByKeyboard(page, '#rad-tipo-documento', 'AN');
  await tabTo(page, '#rad-asunto');
  await page.keyboard.type(asunto);
}

test('escanear con F4, ordenar, girar y quitar páginas, radicar con el anexo y verlo en la consulta', async ({ app, estacion }) => {
  const { page } = app;
  await prepararEstacion(estacion);
  await app.abrir();
  await login(page, 'radicador');
  let numero = '';

  await test.step('F4 escanea mientras la radicadora sigue en el formulario; las miniaturas llegan una a una', async () => {
    await llenarFormulario(page, 'Documento entregado en ventanilla por el ciudadano');
    await expect(page.getByText('F4 escanea el documento')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Escanear (F4)' })).toBeVisible();
    await page.keyboard.press('F4');
    // The first page is shown while the feeder still runs.
    await expect(miniaturas(page)).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: /Escaneando… 1 página recibida/ })).toHaveCount(1);
    await expect(page.locator('#rad-asunto')).toBeFocused();
    await expect(miniaturas(page)).toHaveCount(3);
    await expect(page.getByRole('status').filter({ hasText: 'Escaneo terminado: 3 páginas.' })).toHaveCount(1);
    await expect(page.locator('#rad-folios')).toHaveValue('3');
    await screenshot(page, 'anexos-radicar-escaneo');
    await expectAccessible(page, 'Radicar (escaneo con miniaturas)');
  });

  await test.step('el texto del escaneo (OCR) lleva la sugerencia a la tutela', async () => {
    await expect(page.locator('#rad-tipo-sugerencia .chip').first()).toContainText('TUT');
    await expect(page.locator('#rad-dependencia-sugerencia .chip').first()).toContainText('110');
  });

  await test.step('girar (R), quitar (Supr) y mover (Alt+←) con el teclado; los folios siguen las páginas', async () => {
    await tabTo(page, '.miniatura[tabindex="0"]', 60);
    await expect(miniaturas(page).nth(0)).toHaveAttribute('data-indice', '1');
    await page.keyboard.press('r');
    await expect(miniaturas(page).nth(0)).toHaveAttribute('aria-label', /Página 1 de 3, girada 90 grados/);
    await expect(miniaturas(page).nth(0).locator('img')).toHaveClass(/rot-90/);
    await expect(miniaturas(page).nth(0)).toContainText('↻ 90°');
    await page.keyboard.press('ArrowRight');
    await expect(miniaturas(page).nth(1)).toBeFocused();
    await page.keyboard.press('Delete');
    await expect(miniaturas(page)).toHaveCount(2);
    // The focus went to the next page (the scanner's third), which Alt+← moves to the front.
    await expect(miniaturas(page).nth(1)).toBeFocused();
    await expect(miniaturas(page).nth(1)).toHaveAttribute('data-indice', '3');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(miniaturas(page).nth(0)).toHaveAttribute('data-indice', '3');
    await expect(miniaturas(page).nth(0)).toBeFocused();
    await expect(miniaturas(page).nth(1)).toHaveAttribute('data-indice', '1');
    await expect(page.getByRole('status').filter({ hasText: 'Página movida a la posición 1 de 2.' })).toHaveCount(1);
    await expect(page.locator('#rad-folios')).toHaveValue('2');
    await screenshot(page, 'anexos-radicar-ordenado');
    await expectAccessible(page, 'Radicar (páginas ordenadas)');
  });

  await test.step('Alt+1, Alt+2, el término y Enter radican y anexan las 2 páginas', async () => {
    await page.keyboard.press('Alt+1');
    await expect(page.locator('#rad-tipo')).toHaveValue(/^TUT · /);
    await page.keyboard.press('Alt+2');
    await expect(page.locator('#rad-dependencia')).toHaveValue(/^110 · /);
    await tabTo(page, '#rad-termino-cantidad', 60);
    await page.keyboard.type('48');
    await page.keyboard.press('Enter');
    const heading = page.locator('#resultado-numero');
    await expect(heading).toBeVisible();
    numero = (await heading.locator('.mono').textContent())!.trim();
    const anexo = page.locator('.result-anexos');
    await expect(anexo).toContainText('Escaneo anexado: 2 páginas');
    await expect(anexo).toContainText(/SHA-256 [0-9a-f]{12}/);
    const [sellado] = estacion.station.services.anexos.listar(numero, ADMIN);
    expect(sellado).toMatchObject({ paginas: 2, origen: 'escaner' });
    expect(estacion.station.services.radicacion.porNumero(numero)!.radicado.folios).toBe(2);
    // Nothing left pending: F2 goes straight to the next citizen.
    await expect(page.getByRole('group', { name: 'Digitalización' })).toBeHidden();
    await screenshot(page, 'anexos-radicar-resultado');
    await expectAccessible(page, 'Radicar (resultado con anexo)');
  });

  await test.step('consulta → detalle → visor: página 1 de 2 y la página girada', async () => {
    await page.keyboard.press('Alt+C');
    await expect(page.locator('#consulta-q')).toBeFocused();
    await page.keyboard.type(numero);
    await page.keyboard.press('Enter');
    await tabTo(page, `button[data-numero="${numero}"]`);
    await page.keyboard.press('Enter');
    await expect(page.locator('#detalle-titulo')).toBeFocused();
    const tabla = page.locator('.anexos-tabla');
    await expect(tabla.locator('tbody tr')).toHaveCount(1);
    await expect(tabla.locator('tbody tr').first()).toContainText('Escáner');
    await expect(tabla.locator('tbody tr').first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await tabTo(page, '.anexos-tabla button[data-anexo]');
    await page.keyboard.press('Enter');
    const visor = page.locator('.visor');
    await expect(visor).toBeFocused();
    await expect(visor.locator('.visor-posicion')).toHaveText('Página 1 de 2');
    await expect(visor.getByRole('img', { name: /^Página 1 de 2 del anexo escaneo-/ })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(visor.locator('.visor-posicion')).toHaveText('Página 2 de 2');
    await expect(visor.getByRole('img', { name: /^Página 2 de 2 del anexo/ })).toHaveClass(/rot-90/);
    await screenshot(page, 'anexos-visor');
    await expectAccessible(page, 'Detalle (visor de anexo)');
    await page.keyboard.press('ArrowLeft');
    await expect(visor.locator('.visor-posicion')).toHaveText('Página 1 de 2');
    // Esc closes the viewer first (the detail stays), and the focus goes back to its button.
    await page.keyboard.press('Escape');
    await expect(visor).toHaveCount(0);
    await expect(page.locator('#detalle-titulo')).toBeVisible();
    await expect(page.locator('.anexos-tabla button[data-anexo]')).toBeFocused();
  });

  await test.step('anexar un archivo en el detalle; un archivo disfrazado se rechaza en español', async () => {
    const input = page.locator('#det-archivo');
    await input.setInputFiles({ name: 'carta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Esto no es un PDF, es texto.\n') });
    await expect(page.locator('.anexos [role="alert"]')).toContainText(/carta\.pdf/);
    await expect(page.locator('.anexos-tabla tbody tr')).toHaveCount(1);
    await screenshot(page, 'anexos-detalle-error');
    await expectAccessible(page, 'Detalle (archivo rechazado)');
    await input.setInputFiles({ name: 'derecho-peticion.pdf', mimeType: 'application/pdf', buffer: await cartaPdf() });
    await expect(page.locator('.anexos-tabla tbody tr')).toHaveCount(2);
    await expect(page.locator('.anexos [role="alert"]')).toHaveCount(0);
    await expect(page.locator('.anexos-tabla tbody tr').nth(1)).toContainText('derecho-peticion.pdf');
    await expect(page.getByRole('status').filter({ hasText: 'Anexado derecho-peticion.pdf' })).toHaveCount(1);
    // A born-digital page has no image: the viewer says so.
    await page.getByRole('button', { name: 'Ver derecho-peticion.pdf' }).click();
    await expect(page.locator('.visor-sin-imagen')).toContainText('no tiene imagen');
    await screenshot(page, 'anexos-detalle-archivo');
    await expectAccessible(page, 'Detalle (dos anexos)');
  });

  await test.step('la consulta encuentra el radicado por el texto del anexo y lo resalta', async () => {
    await estacion.station.services.anexos.esperarOcr();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator('#consulta-q')).toBeVisible();
    await page.locator('#consulta-q').fill('admisión');
    await page.locator('#consulta-q').press('Enter');
    const fila = page.locator('.fila-fragmento');
    await expect(fila).toHaveCount(1);
    await expect(fila).toContainText('En el anexo:');
    await expect(fila.locator('mark').first()).toHaveText(/admisión/i);
    await screenshot(page, 'anexos-consulta-fragmento');
    await expectAccessible(page, 'Consulta (fragmento del anexo)');
  });

  await test.step('bandeja de lote: una parte sin rótulo se asigna a un radicado escribiendo su número', async () => {
    await estacion.station.services.anexos.lote([{ nombre: 'lote.pdf', bytes: await cartaPdf() }], 'lote-prueba', ADMIN);
    await page.keyboard.press('Alt+B');
    await expect(page.getByRole('heading', { name: 'Bandeja de lote', level: 1 })).toBeVisible();
    const item = page.locator('.bandeja-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Páginas antes del primer rótulo');
    await expect(item).toContainText('lote-prueba: página 1');
    // The radicador may assign, not discard.
    await expect(item.getByRole('button', { name: 'Descartar' })).toHaveCount(0);
    const campo = item.getByLabel('Número de radicado');
    await expect(campo).toBeFocused();
    await screenshot(page, 'anexos-bandeja');
    await expectAccessible(page, 'Bandeja de lote');
    await page.keyboard.type('2020-9999-000001');
    await page.keyboard.press('Enter');
    await expect(item.locator('.field-error')).not.toBeEmpty();
    await expect(campo).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'anexos-bandeja-error');
    await expectAccessible(page, 'Bandeja de lote (número erróneo)');
    await campo.fill(numero);
    await page.keyboard.press('Enter');
    await expect(page.getByText('La bandeja está vacía')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `anexadas al radicado ${numero}` })).toHaveCount(1);
    expect(estacion.station.services.anexos.listar(numero, ADMIN).map((a) => a.origen)).toEqual(['escaner', 'archivo', 'bandeja']);
    await screenshot(page, 'anexos-bandeja-vacia');
    await expectAccessible(page, 'Bandeja de lote (vacía)');
  });

  await test.step('el coordinador puede descartar una parte de la bandeja', async () => {
    await estacion.station.services.anexos.lote([{ nombre: 'lote2.pdf', bytes: await cartaPdf({ pie: 'otra' }) }], 'lote-dos', ADMIN);
    await logout(page);
    await login(page, 'coordinador');
    await page.keyboard.press('Alt+B');
    const item = page.locator('.bandeja-item');
    await expect(item).toHaveCount(1);
    await item.getByRole('button', { name: 'Descartar' }).click();
    await expect(page.getByText('La bandeja está vacía')).toBeVisible();
  });
});

test('si anexar falla, el número queda y las páginas se conservan para reintentar; F2 pide confirmación', async ({ app, estacion }) => {
  const { page } = app;
  await prepararEstacion(estacion);
  await app.abrir();
  await login(page, 'radicador');
  await llenarFormulario(page, 'Acción de tutela del Juzgado Tercero Civil Municipal por el derecho a la salud');
  await page.keyboard.press('F4');
  await expect(miniaturas(page)).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Escaneo terminado: 3 páginas.' })).toHaveCount(1);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+2');
  await tabTo(page, '#rad-termino-cantidad', 60);
  await page.keyboard.type('48');

  // The disk "fills up" for attachments only: the radicado still commits.
  estacion.station.db.exec(`CREATE TEMP TRIGGER anexo_falla BEFORE INSERT ON anexos BEGIN SELECT RAISE(ABORT, 'disco lleno'); END`);
  await page.keyboard.press('Enter');
  const heading = page.locator('#resultado-numero');
  await expect(heading).toBeVisible();
  const numero = (await heading.locator('.mono').textContent())!.trim();
  const resultado = page.locator('.result-anexos');
  // Not the router's generic internal-error text: the number IS assigned, and what to do.
  await expect(resultado).toContainText(`El radicado ${numero} quedó registrado y su número está asignado, pero no se pudo anexar el escaneo.`);
  await expect(resultado).toContainText('Escaneo: La estación no pudo guardar las páginas escaneadas por un error interno');
  await expect(resultado).toContainText('No radique el documento otra vez');
  await expect(resultado).not.toContainText('Si no vio un número de radicado');
  await expect(resultado.getByRole('button', { name: 'Reintentar anexar' })).toBeVisible();
  await expect(miniaturas(page)).toHaveCount(3);
  await screenshot(page, 'anexos-radicar-fallo');
  await expectAccessible(page, 'Radicar (anexo fallido)');

  // F2 does not drop the pages without asking; Esc goes back.
  await page.keyboard.press('F2');
  const dialogo = page.getByRole('alertdialog');
  await expect(dialogo).toContainText('3 páginas escaneadas sin anexar');
  await expect(dialogo.getByRole('button', { name: 'Volver (Esc)' })).toBeFocused();
  await expectAccessible(page, 'Radicar (confirmar descarte)');
  await page.keyboard.press('Escape');
  await expect(dialogo).toHaveCount(0);
  await expect(heading).toContainText(numero);

  estacion.station.db.exec('DROP TRIGGER anexo_falla');
  await resultado.getByRole('button', { name: 'Reintentar anexar' }).click();
  await expect(resultado).toContainText('Escaneo anexado: 3 páginas');
  await expect(resultado.getByRole('button', { name: 'Reintentar anexar' })).toHaveCount(0);
  expect(estacion.station.services.anexos.listar(numero, ADMIN)).toHaveLength(1);
  await page.keyboard.press('F2');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('#resultado-numero')).toHaveCount(0);
  await expect(page.locator('#rad-folios')).toHaveValue('1');
});

/** Consulta → the radicado's detail, by keyboard. */
async function abrirDetalle(page: Page, numero: string): Promise<void> {
  await page.keyboard.press('Alt+C');
  await expect(page.locator('#consulta-q')).toBeFocused();
  await page.keyboard.type(numero);
  await page.keyboard.press('Enter');
  await tabTo(page, `button[data-numero="${numero}"]`);
  await page.keyboard.press('Enter');
  await expect(page.locator('#detalle-titulo')).toBeFocused();
}

test('escanear y anexar desde el detalle: las páginas llegan en vivo, se giran y quitan con el teclado, y el anexo queda listado', async ({ app, estacion }) => {
  const { page } = app;
  await prepararEstacion(estacion);
  await app.abrir();
  await login(page, 'radicador');
  const r = await callApi<Radicado>(page, 'radicar', radicacion({ asunto: 'Derecho de petición: los anexos llegan después' }));
  if (!r.ok) throw new Error(r.error.message);
  const numero = r.value.numero;
  await abrirDetalle(page, numero);
  await expect(page.getByText('Este radicado no tiene anexos digitalizados.')).toBeVisible();

  const panel = page.locator('.escaneo-detalle');
  const mini = panel.locator('.miniatura');
  const anexarBtn = panel.getByRole('button', { name: /^Anexar escaneo/ });
  await test.step('Enter en «Escanear y anexar»: las miniaturas llegan una a una', async () => {
    await tabTo(page, '.anexos-acciones button:text-is("Escanear y anexar")', 60);
    await page.keyboard.press('Enter');
    await expect(mini).toHaveCount(1);
    await expect(panel.getByRole('status').filter({ hasText: /Escaneando… 1 página recibida/ })).toHaveCount(1);
    await expect(page.locator('#det-escaneo-titulo')).toBeFocused();
    await expect(anexarBtn).toBeDisabled();
    await expect(mini).toHaveCount(3);
    await expect(panel.getByRole('status').filter({ hasText: 'Escaneo terminado: 3 páginas.' })).toHaveCount(1);
    await expect(anexarBtn).toBeEnabled();
    await screenshot(page, 'anexos-detalle-escaneo');
    await expectAccessible(page, 'Detalle (escaneo con miniaturas)');
  });

  await test.step('girar (R) y quitar (Supr) con el teclado antes de anexar', async () => {
    await tabTo(page, '.escaneo-detalle .miniatura[tabindex="0"]');
    await page.keyboard.press('r');
    await expect(mini.nth(0)).toHaveAttribute('aria-label', /Página 1 de 3, girada 90 grados/);
    await page.keyboard.press('ArrowRight');
    await expect(mini.nth(1)).toBeFocused();
    await page.keyboard.press('Delete');
    await expect(mini).toHaveCount(2);
    await expect(anexarBtn).toHaveText('Anexar escaneo (2 páginas)');
    await tabTo(page, '.escaneo-detalle button:text-is("Anexar escaneo (2 páginas)")');
  });

  await test.step('Esc con páginas sin anexar no sale del detalle: lo dice', async () => {
    await page.keyboard.press('Escape');
    await expect(page.locator('#detalle-titulo')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Hay un escaneo sin anexar' })).toHaveCount(1);
    await expect(anexarBtn).toBeFocused();
    await expect(mini).toHaveCount(2);
  });

  await test.step('Enter anexa: el anexo aparece en la lista y el visor muestra la página girada', async () => {
    await page.keyboard.press('Enter');
    await expect(panel).toHaveCount(0);
    const filas = page.locator('.anexos-tabla tbody tr');
    await expect(filas).toHaveCount(1);
    await expect(filas.first()).toContainText('Escáner');
    await expect(filas.first().locator('td').nth(1)).toHaveText('2');
    await expect(page.getByRole('status').filter({ hasText: 'Escaneo anexado: 2 páginas.' })).toHaveCount(1);
    await expect(page.locator('.anexos-tabla button[data-anexo]')).toBeFocused();
    const [anexo] = estacion.station.services.anexos.listar(numero, ADMIN);
    expect(anexo).toMatchObject({ paginas: 2, origen: 'escaner' });
    await screenshot(page, 'anexos-detalle-escaneo-anexado');
    await expectAccessible(page, 'Detalle (escaneo anexado)');
    await page.keyboard.press('Enter');
    const visor = page.locator('.visor');
    await expect(visor).toBeFocused();
    await expect(visor.locator('.visor-posicion')).toHaveText('Página 1 de 2');
    await expect(visor.getByRole('img', { name: /^Página 1 de 2 del anexo escaneo-/ })).toHaveClass(/rot-90/);
    // Esc closes the viewer, and then (nothing pending) leaves the detail.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator('#detalle-titulo')).toHaveCount(0);
  });
});

test('la bandeja de lote muestra las páginas de cada parte antes de asignarla', async ({ app, estacion }) => {
  const { page } = app;
  await prepararEstacion(estacion);
  const [p1, p2] = await paginasPrueba();
  const lote = await estacion.station.services.anexos.lote(
    [
      { nombre: 'hoja-1.jpg', bytes: p1! },
      { nombre: 'hoja-2.jpg', bytes: p2! },
    ],
    'lote-vista',
    ADMIN,
  );
  expect(lote.bandeja).toHaveLength(1);
  await app.abrir();
  await login(page, 'radicador');
  await page.keyboard.press('Alt+B');
  const item = page.locator('.bandeja-item');
  await expect(item).toContainText('lote-vista: páginas 1–2');
  await expect(item.getByLabel('Número de radicado')).toBeFocused();
  const ver = item.getByRole('button', { name: 'Ver páginas (2 páginas)' });
  await tabTo(page, '.bandeja-item button[id^="bandeja-ver-"]');
  await expect(ver).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  const visor = item.locator('.visor');
  await expect(visor).toBeFocused();
  await expect(visor.locator('.visor-posicion')).toHaveText('Página 1 de 2');
  await expect(visor.getByRole('img', { name: 'Página 1 de 2 de lote-vista: páginas 1–2' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Cerrar páginas' })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(visor.locator('.visor-posicion')).toHaveText('Página 2 de 2');
  await expect(visor.getByRole('img', { name: 'Página 2 de 2 de lote-vista: páginas 1–2' })).toBeVisible();
  await screenshot(page, 'anexos-bandeja-vista');
  await expectAccessible(page, 'Bandeja de lote (vista de páginas)');
  await page.keyboard.press('Escape');
  await expect(visor).toHaveCount(0);
  await expect(ver).toBeFocused();
});

test('el administrador configura el escáner y la carpeta del multifuncional (Alt+E), los prueba y los vuelve a ver al recargar', async ({ app, estacion }) => {
  const { page } = app;
  await prepararEstacion(estacion);
  const carpeta = path.join(estacion.dataDir, 'multifuncional');
  mkdirSync(carpeta);
  // What the desktop app's main process runs: the watcher follows the saved folder.
  const vigia = vigilarCarpetaConfigurada(estacion.station.services.anexos, { estabilidadMs: 200, sondeoMs: 100 });
  try {
    await app.abrir();
    await login(page, 'radicador');
    // Only the administrador has the screen and the shortcut.
    await expect(page.getByRole('button', { name: /Escáner/ })).toHaveCount(0);
    await page.keyboard.press('Alt+E');
    await expect(page.getByRole('heading', { name: 'Escáner', level: 1 })).toHaveCount(0);
    await logout(page);
    await login(page, 'admin');

    await page.keyboard.press('Alt+E');
    await expect(page.getByRole('heading', { name: 'Escáner', level: 1 })).toBeFocused();
    await expect(page.locator('#esc-dispositivo')).toHaveValue('prueba:0');
    await expect(page.locator('#esc-carpeta')).toHaveValue('');

    await test.step('Buscar escáneres lista los conectados y los elige con el teclado', async () => {
      await tabTo(page, 'button:text-is("Buscar escáneres")');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Se encontró 1 escáner' })).toHaveCount(1);
      await expect(page.locator('#esc-dispositivo')).toBeFocused();
      await expect(page.locator('#esc-dispositivo option:checked')).toHaveText('Escáner de prueba (prueba:0)');
      await expect(page.locator('#esc-resolucion')).toHaveValue('100');
      // The test scanner has no dúplex.
      await expect(page.locator('#esc-duplex')).toBeDisabled();
      await screenshot(page, 'escaner-buscar');
      await expectAccessible(page, 'Escáner (dispositivos)');
    });

    await test.step('Probar escáner escanea sin radicado y solo cuenta las páginas', async () => {
      await tabTo(page, 'button:text-is("Probar escáner")');
      await page.keyboard.press('Enter');
      await expect(page.locator('#esc-prueba-estado')).toHaveText('Prueba correcta: el escáner entregó 3 páginas. No se anexó nada.', { timeout: 15_000 });
      expect(estacion.station.db.prepare('SELECT count(*) AS n FROM anexos').get()).toEqual({ n: 0 });
    });

    await test.step('un identificador vacío se señala en su campo; guardar con la carpeta la vigila al momento', async () => {
      await page.locator('#esc-dispositivo').focus();
      await selectByKeyboard(page, '#esc-dispositivo', '__otro__');
      await expect(page.locator('#esc-dispositivo-otro')).toBeVisible();
      await page.locator('#esc-dispositivo-otro').fill('');
      await page.locator('#esc-dispositivo-otro').press('Enter');
      await expect(page.locator('#esc-dispositivo-otro')).toBeFocused();
      await expect(page.locator('#esc-dispositivo-otro')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#esc-dispositivo-otro-error')).toHaveText('Escáner: elija un dispositivo.');
      await screenshot(page, 'escaner-error');
      await expectAccessible(page, 'Escáner (error)');
      await page.keyboard.type('test');
      await tabTo(page, '#esc-carpeta');
      await page.keyboard.type(carpeta);
      await expect(page.getByRole('status').filter({ hasText: 'Hay cambios sin guardar.' })).toHaveCount(1);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: `Configuración del escáner guardada. La aplicación de escritorio vigila desde ahora la carpeta «${carpeta}».` })).toHaveCount(1);
      expect(estacion.station.services.anexos.configEscaner()).toEqual({ dispositivo: 'test', fuente: 'adf', duplex: false, resolucion: 100, modo: 'gris', carpeta });
      await screenshot(page, 'escaner-guardado');
      await expectAccessible(page, 'Escáner (guardado)');
      // The saved folder is watched without a restart: a scan dropped there lands in the tray.
      writeFileSync(path.join(carpeta, 'SCAN0001.jpg'), (await paginasPrueba())[0]!);
      await expect.poll(() => existsSync(path.join(carpeta, 'procesados', 'SCAN0001.jpg')), { timeout: 20_000 }).toBe(true);
      expect(estacion.station.services.anexos.bandeja().map((b) => b.origen)).toEqual(['SCAN0001.jpg']);
    });

    await test.step('al recargar, la pantalla muestra lo guardado', async () => {
      await app.abrir();
      // The router keeps the page's session: the workspace comes back without logging in again.
      await expect(page.getByRole('heading', { name: 'Radicar documento' })).toBeVisible();
      await page.keyboard.press('Alt+E');
      await expect(page.getByRole('heading', { name: 'Escáner', level: 1 })).toBeFocused();
      await expect(page.locator('#esc-dispositivo')).toHaveValue('test');
      await expect(page.locator('#esc-dispositivo option:checked')).toHaveText('test (configurado)');
      await expect(page.locator('#esc-carpeta')).toHaveValue(carpeta);
      await expect(page.locator('#esc-resolucion')).toHaveValue('100');
      await expect(page.locator('#esc-modo')).toHaveValue('gris');
      await screenshot(page, 'escaner-recargado');
      await expectAccessible(page, 'Escáner (recargado)');
    });
  } finally {
    await vigia.detener();
  }
});
