/**
 * Suggestions while typing: a clerk types the asunto of a tutela, the station suggests TUT and the
 * Oficina Jurídica from the catalog's phrases (cold start, no model yet), Alt+1 and Alt+2 take them
 * without leaving the asunto, and the radicado records what was suggested and that it was accepted.
 */
import { expect, expectAccessible, login, screenshot, selectByKeyboard, tabTo, test } from './harness';

test('sugerencias: tutela del juzgado → TUT y 110; Alt+1 y Alt+2 aceptan; el radicado guarda lo sugerido', async ({ app, estacion }) => {
  const { page } = app;
  const init = await estacion.station.router.handle(
    'estacion:inicializar',
    { entidad: 'Alcaldía de Villa Demo', sede: '01', sedeNombre: 'Sede Principal', ventanilla: '03', usuariosDemo: true },
    { clientId: 'setup' },
  );
  expect(init.ok).toBe(true);
  await app.abrir();
  await login(page, 'radicador');

  await test.step('escribir el asunto muestra las sugerencias sin mover el cursor', async () => {
    await expect(page.locator('#rad-tipo-documento')).toBeFocused();
    await selectByKeyboard(page, '#rad-tipo-documento', 'AN');
    await tabTo(page, '#rad-asunto');
    await page.keyboard.type('Acción de tutela del Juzgado Tercero Civil Municipal por el derecho a la salud de un menor');
    const tipo = page.locator('#rad-tipo-sugerencia');
    await expect(tipo.locator('.chip').first()).toContainText('TUT');
    await expect(tipo.locator('.chip').first()).toContainText(/\d+ %/);
    await expect(tipo).toContainText('Alt+1 acepta');
    await expect(page.locator('#rad-dependencia-sugerencia .chip').first()).toContainText('110');
    await expect(page.getByRole('status').filter({ hasText: 'Sugerencia: tipo TUT' })).toHaveCount(1);
    await expect(page.locator('#rad-asunto')).toBeFocused();
    await expect(page.locator('#rad-tipo')).toHaveAttribute('aria-describedby', /rad-tipo-sugerencia/);
    await expectAccessible(page, 'Radicar (con sugerencias)');
  });

  await test.step('Alt+1 y Alt+2 aceptan tipo y dependencia desde el asunto', async () => {
    await page.keyboard.press('Alt+1');
    await expect(page.locator('#rad-tipo')).toHaveValue(/^TUT · /);
    await expect(page.locator('#rad-tipo-sugerencia')).toContainText('✓ aceptada');
    await expect(page.locator('#rad-asunto')).toBeFocused();
    await expect(page.locator('#rad-termino-cantidad')).toBeVisible();
    // One field taken, the other still offered: both looks in one picture.
    await screenshot(page, 'radicar-sugerencias');
    await page.keyboard.press('Alt+2');
    await expect(page.locator('#rad-dependencia')).toHaveValue(/^110 · Oficina Asesora Jurídica/);
    await expect(page.locator('#rad-dependencia-sugerencia')).toContainText('✓ aceptada');
    await expect(page.locator('#rad-asunto')).toHaveValue(/salud de un menor$/);
    await expectAccessible(page, 'Radicar (sugerencias aceptadas)');
  });

  await test.step('radicar guarda lo sugerido, con qué confianza y que fue aceptado', async () => {
    await tabTo(page, '#rad-termino-cantidad');
    await page.keyboard.type('48');
    await expect(page.locator('#rad-termino-unidad')).toHaveValue('horas');
    await page.keyboard.press('Enter');
    const heading = page.locator('#resultado-numero');
    await expect(heading).toBeVisible();
    const numero = (await heading.locator('.mono').textContent())!.trim();
    const fila = estacion.station.services.context.clasificacion.sugerenciaDe(numero);
    expect(fila).toMatchObject({ modelo: 'frases', fuente: 'frases', tipoSugerido: 'TUT', tipoAceptado: true, dependenciaSugerida: '110', dependenciaAceptada: true });
    expect(fila!.tipoProbabilidad).toBeGreaterThan(0.5);
    // The next citizen starts without the previous suggestions.
    await page.keyboard.press('F2');
    await expect(page.locator('#rad-tipo-sugerencia')).toHaveCount(0);
  });
});
