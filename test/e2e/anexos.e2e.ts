/**
 * Attachments at the ventanilla: the clerk scans with F4 while she types (thumbnails arrive one by
 * one), turns, removes and reorders pages with the keyboard, the page count becomes the folios, the
 * OCR text moves the suggestion to a tutela, and Enter radicates and seals the pages. Then the
 * radicado's detail shows the attachment in a viewer, takes a file from a USB stick (and refuses a
 * disguised one), and the batch tray assigns a part without a sticker to a radicado.
 */
import type { Page } from '@playwright/test';
import type { Usuario } from '../../shared/domain/radicado';
import { motorOcrFalso } from '../../electron/anexos/ocr';
import { cartaPdf } from '../electron/anexos/muestras';
import { escanerPrueba, TEXTO_TUTELA } from './escanerPrueba';
import { expect, expectAccessible, login, logout, screenshot, selectByKeyboard, tabTo, test } from './harness';
import type { EstacionPrueba } from './harness';

const ADMIN: Usuario = { usuario: 'admin', nombre: 'Administrador', rol: 'administrador' };

test.use({
  opcionesEstacion: async ({}, use) => use({ escaner: escanerPrueba({ paginas: 3, pausaMs: 700 }), ocr: motorOcrFalso(() => TEXTO_TUTELA) }),
});

async function prepararEstacion(estacion: EstacionPrueba): Promise<void> {
  const init = await estacion.station.router.handle(
    'estacion:inicializar',
    { entidad: 'Alcaldía de Villa Demo', sede: '01', sedeNombre: 'Sede Principal', ventanilla: '03', usuariosDemo: true },
    { clientId: 'setup' },
  );
  expect(init.ok).toBe(true);
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
  await expect(resultado).toContainText('El radicado quedó registrado, pero no se pudo anexar todo.');
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
