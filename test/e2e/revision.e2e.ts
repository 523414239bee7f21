/**
 * The weekly misclassification review, end to end: demo radicados over the last weeks, the
 * coordinator reviews the previous week with the keyboard only (one correcto, one tipo incorrecto →
 * TUT with an observation), reads the report with the same figures, downloads it as CSV, looks at
 * the dashboard; the radicador sees her own feedback and none of the coordinator's screens.
 * Accessibility (axe, WCAG 2.1 AA) on every screen.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ColaRevision, InformeSemanal } from '../../shared/domain/revision';
import { semanaDeInstante } from '../../shared/domain/revision';
import { callApi, expect, expectAccessible, login, logout, screenshot, tabTo, test, inicializarDemo } from './harness';

const OBSERVACION = 'Es una acción de tutela del Juzgado: va con TUT y el término que fije el juez.';

test('revisión semanal: marcar con el teclado, informe con las mismas cifras, CSV, tablero y retroalimentación', async ({ app, estacion }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await inicializarDemo(estacion);
  // The administrador's demo data: radicados of the demo radicador spread over the last 8 weeks.
  estacion.station.services.demo.generar(240, { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' });

  const semana = semanaDeInstante(Date.now() - 7 * 86_400_000);
  const semanaActual = semanaDeInstante(Date.now());
  let cola!: ColaRevision;
  let corregido = '';

  await app.abrir();
  await login(page, 'coordinador');

  await test.step('el coordinador ve Revisión, Informes y Tablero; Alt+S abre la semana anterior', async () => {
    const nav = page.getByRole('navigation', { name: 'Secciones' });
    for (const n of ['Revisión', 'Informes', 'Tablero', 'Mi retroalimentación']) await expect(nav.getByRole('button', { name: new RegExp(`^${n}`) })).toBeVisible();
    await page.keyboard.press('Alt+S');
    await expect(page.getByRole('heading', { level: 1, name: 'Revisión semanal' })).toBeVisible();
    await expect(page.locator('#rev-semana')).toHaveValue(semana);
    await expect(page.locator('#rev-lista')).toBeFocused();
    await expect(page.locator('#rev-modo-riesgo')).toBeChecked();

    const r = await callApi<ColaRevision>(page, 'colaRevision', { semana, modo: 'riesgo' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    cola = r.value;
    expect(cola.items.length).toBeGreaterThan(2);
    await expect(page.locator('#rev-lista [role="option"]')).toHaveCount(cola.items.length);
    await expect(page.locator('[data-campo="progreso"]')).toHaveText(`0 de ${cola.items.length} revisados`);
    // The list is in the classifier's risk order, the first radicado is the current one.
    await expect(page.locator('#rev-lista')).toHaveAttribute('aria-activedescendant', 'rev-item-0');
    await expect(page.locator('#rev-detalle-titulo')).toContainText(cola.items[0]!.numero);
    await expect(page.locator('#rev-ventanilla-01-03')).toBeChecked();
    await expectAccessible(page, 'Revisión (cola)');
    await screenshot(page, 'revision-cola');
  });

  await test.step('← → en la semana cambian de semana y vuelven', async () => {
    await page.locator('#rev-semana').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#rev-semana')).toHaveValue(semanaActual);
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#rev-semana')).toHaveValue(semana);
    await expect(page.locator('#rev-lista [role="option"]')).toHaveCount(cola.items.length);
    // A week that does not exist is refused where it is typed.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-W60');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'semana ISO como 2026-W47' })).toBeVisible();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(semana);
    await page.keyboard.press('Enter');
    await expect(page.locator('#rev-semana-error')).toHaveCount(0);
  });

  await test.step('modo muestra: N por ventanilla; de vuelta a riesgo', async () => {
    await tabTo(page, '#rev-modo-riesgo');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#rev-modo-muestra')).toBeChecked();
    await expect(page.locator('#rev-lista [role="option"]')).toHaveCount(Math.min(10, cola.items.length));
    await page.keyboard.press('Tab');
    await expect(page.locator('#rev-muestra')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await expect(page.locator('#rev-lista [role="option"]')).toHaveCount(2);
    await expect(page.locator('[data-campo="progreso"]')).toHaveText('0 de 2 revisados');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('#rev-modo-riesgo')).toBeChecked();
    await expect(page.locator('#rev-lista [role="option"]')).toHaveCount(cola.items.length);
    await tabTo(page, '#rev-lista');
  });

  await test.step('C marca correcto, lo anuncia y pasa al siguiente', async () => {
    await expect(page.locator('#rev-lista')).toHaveAttribute('aria-activedescendant', 'rev-item-0');
    await page.keyboard.press('c');
    await expect(page.getByRole('status').filter({ hasText: `${cola.items[0]!.numero}: marcado como correcto` })).toBeVisible();
    await expect(page.locator('[data-campo="progreso"]')).toHaveText(`1 de ${cola.items.length} revisados`);
    await expect(page.locator('#rev-lista')).toHaveAttribute('aria-activedescendant', 'rev-item-1');
    await expect(page.locator('#rev-item-0')).toContainText('Correcto');
    await expect(page.locator('#rev-lista')).toBeFocused();
  });

  await test.step('O deja lista una observación; T corrige el tipo a TUT y la guarda con ella', async () => {
    // The first radicado after it that was not filed as TUT (J moves down).
    const j = cola.items.findIndex((x, i) => i >= 1 && x.tipo !== 'TUT');
    for (let i = 1; i < j; i++) await page.keyboard.press('j');
    const item = cola.items[j]!;
    corregido = item.numero;
    await expect(page.locator('#rev-lista')).toHaveAttribute('aria-activedescendant', `rev-item-${j}`);
    await expect(page.locator('#rev-detalle-titulo')).toContainText(item.numero);

    await page.keyboard.press('o');
    await expect(page.locator('#rev-observacion')).toBeFocused();
    await page.keyboard.type(OBSERVACION);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: `Observación lista para ${item.numero}` })).toBeVisible();
    await expect(page.locator('#rev-lista')).toBeFocused();

    await page.keyboard.press('t');
    const combo = page.locator('#rev-tipo-correcto');
    await expect(combo).toBeFocused();
    // The classifier's suggestion is preselected when it differs from the clerk's tipo.
    const sugerido = item.clasificador.tipo?.codigo;
    if (sugerido && sugerido !== item.tipo) await expect(combo).toHaveValue(new RegExp(`^${sugerido} · `));
    // Choosing the tipo it already has is refused next to the field.
    await page.keyboard.type(item.tipo);
    await expect(combo).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.locator('#rev-tipo-correcto-error')).toContainText(`ya tiene el tipo ${item.tipo}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('TUT');
    await expect(combo).toHaveAttribute('aria-expanded', 'true');
    await screenshot(page, 'revision-corregir-tipo');
    await page.keyboard.press('Enter');
    await expect(combo).toHaveValue(/^TUT · /);
    // (With the list closed: the open list covers the buttons below it, which axe reads as low contrast.)
    await expectAccessible(page, 'Revisión (corregir el tipo)');
    await page.keyboard.press('Enter');

    const aviso = page.getByRole('status').filter({ hasText: `${item.numero}: marcado: tipo incorrecto → TUT` });
    await expect(aviso).toBeVisible();
    await expect(aviso).toContainText('Con TUT');
    await expect(aviso).toContainText(`se radicó como ${item.tipo}`);
    await expect(page.locator('[data-campo="progreso"]')).toHaveText(`2 de ${cola.items.length} revisados`);
    await expect(page.locator('#rev-lista')).toBeFocused();
    await expect(page.locator('#rev-lista')).not.toHaveAttribute('aria-activedescendant', `rev-item-${j}`);

    // Back to it (Inicio, then J): the mark, the observation and what TUT would have meant.
    await page.keyboard.press('Home');
    for (let i = 0; i < j; i++) await page.keyboard.press('j');
    await expect(page.locator('#rev-detalle-titulo')).toContainText(item.numero);
    await expect(page.locator('.rev-detalle')).toContainText('Tipo incorrecto → TUT');
    await expect(page.locator('.rev-detalle [data-campo="observacion"]')).toHaveText(OBSERVACION);
    await expect(page.locator('.rev-detalle [data-campo="termino-correcto"]')).toContainText('Con TUT');
    await expectAccessible(page, 'Revisión (marcados)');
    await screenshot(page, 'revision-marcas');

    // D on the same radicado adds the routing error to its tipo error and keeps the observation.
    const dep = item.dependencia === '110' ? '100' : '110';
    await expect(page.locator('#rev-lista')).toBeFocused();
    await page.keyboard.press('d');
    const comboDep = page.locator('#rev-dependencia-correcto');
    await expect(comboDep).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(dep);
    await expect(comboDep).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Enter');
    await expect(comboDep).toHaveValue(new RegExp(`^${dep} · `));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${item.numero}: marcado: tipo incorrecto → TUT; dependencia incorrecta → ${dep}` })).toBeVisible();
    await expect(page.locator('[data-campo="progreso"]')).toHaveText(`2 de ${cola.items.length} revisados`);
    await expect(page.locator('#rev-lista')).toBeFocused();
  });

  await test.step('Informes: las cifras de la semana son las de las marcas', async () => {
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('heading', { level: 1, name: 'Informe semanal' })).toBeVisible();
    await expect(page.locator('#inf-semana')).toHaveValue(semana);
    const informe = page.locator('article.informe');
    await expect(informe.getByRole('heading', { level: 2 })).toContainText(semana);
    await expect(informe.locator('.cifras [data-campo="radicados"]')).toHaveText(String(cola.total));
    await expect(informe.locator('.cifras [data-campo="revisados"]')).toHaveText('2');
    await expect(informe.locator('.cifras [data-campo="erroresClasificacion"]')).toHaveText('1');
    await expect(informe.locator('.cifras [data-campo="erroresDireccionamiento"]')).toHaveText('1');
    await expect(informe.locator('.cifras [data-campo="tasaError"]')).toHaveText('50\u00a0%');
    const fila = informe.locator('tr[data-fila="01-03"]');
    await expect(fila.locator('[data-campo="revisados"]')).toHaveText('2');
    await expect(fila.locator('[data-campo="tasaError"]')).toHaveText('50\u00a0%');
    await expect(informe.getByRole('table', { name: 'Cifras por funcionario' })).toContainText('Laura Gómez');
    await expect(informe.getByRole('table', { name: 'Tipo radicado y tipo correcto' })).toContainText('TUT');
    await expect(informe.locator('.observaciones')).toContainText(OBSERVACION);
    await expect(informe.locator('.observaciones')).toContainText(corregido);
    await expect(informe.locator('svg[role="img"]')).toHaveCount(1);
    await expect(informe.locator('svg[role="img"]')).toHaveAttribute('aria-label', /50\u00a0% de error, 2 revisados/);
    // What the station suggested on the week's radicados (the demo records the catalog's phrases), as the report's data says.
    const datos = await callApi<InformeSemanal>(page, 'informeSemanal', { semana });
    expect(datos.ok).toBe(true);
    const sug = datos.ok ? datos.value.sugerencias : null;
    expect(sug!.radicados).toBe(cola.total);
    const tipo = sug!.objetivos[0]!;
    expect(tipo.total.sugeridas).toBeGreaterThan(0);
    await expect(informe.getByRole('heading', { level: 3, name: 'Sugerencias del clasificador' })).toBeVisible();
    const tabla = informe.locator('#informe-sugerencias-tipo');
    await expect(tabla.locator('caption')).toHaveText(new RegExp(`^Tipo documental: ${tipo.total.sugeridas} radicados? con sugerencia`));
    await expect(tabla.getByRole('row', { name: /Frases del catálogo/ })).toContainText(String(tipo.fuentes[0]!.sugeridas));
    await expectAccessible(page, 'Informes');
    await screenshot(page, 'revision-informe');
  });

  await test.step('Descargar CSV: el archivo trae las mismas cifras y la observación', async () => {
    const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar CSV' }).click()]);
    expect(descarga.suggestedFilename()).toMatch(/\.csv$/);
    const texto = readFileSync((await descarga.path())!, 'utf8');
    const filas = parse(texto, { bom: true, columns: true }) as Record<string, string>[];
    const total = filas.find((f) => f.seccion === 'total')!;
    expect(total).toMatchObject({ semana, radicados: String(cola.total), revisados: '2', errores_clasificacion: '1', errores_direccionamiento: '1', tasa_error: '0.5' });
    const obs = filas.find((f) => f.seccion === 'observacion')!;
    expect(obs).toMatchObject({ numero: corregido, tipo_correcto: 'TUT', observacion: OBSERVACION, nombre: 'Laura Gómez' });
    await expect(page.getByRole('status').filter({ hasText: `Informe descargado: ${descarga.suggestedFilename()}` })).toBeVisible();
  });

  await test.step('una semana sin radicados lo dice claramente', async () => {
    await page.locator('#inf-semana').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-campo="informe-vacio"]')).toContainText('no tiene radicados');
    await expect(page.getByRole('button', { name: 'Descargar CSV' })).toBeDisabled();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await expect(page.locator('article.informe')).toBeVisible();
  });

  await test.step('Tablero: volúmenes y tasa de error de 8 semanas, accesibles', async () => {
    await page.keyboard.press('Alt+T');
    await expect(page.getByRole('heading', { level: 1, name: 'Tablero' })).toBeVisible();
    await expect(page.locator('#tab-hasta')).toHaveValue(semanaActual);
    const graficos = page.locator('.screen:not([hidden]) svg[role="img"]');
    await expect(graficos).toHaveCount(5);
    for (const nombre of ['Radicados por tipo documental', 'Radicados por canal', 'Radicados por dependencia', 'Radicados por ventanilla']) {
      await expect(page.getByRole('figure', { name: nombre })).toBeVisible();
    }
    await expect(page.getByRole('img', { name: /^Radicados por canal: .*Presencial/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Tasa de error y radicados por semana: .*50\s% de error, 2 revisados/ })).toBeVisible();
    // The numbers behind a chart, for screen readers and for copying.
    await page.getByText('Ver los datos: radicados por canal').click();
    await expect(page.getByRole('figure', { name: 'Radicados por canal' }).getByRole('table')).toBeVisible();
    await expectAccessible(page, 'Tablero');
    await screenshot(page, 'revision-tablero');
  });

  await test.step('la radicadora ve su retroalimentación y nada de la coordinación', async () => {
    await logout(page);
    await login(page, 'radicador');
    const nav = page.getByRole('navigation', { name: 'Secciones' });
    await expect(nav.getByRole('button', { name: /^Mi retroalimentación/ })).toBeVisible();
    for (const n of ['Revisión', 'Informes', 'Tablero']) await expect(nav.getByRole('button', { name: new RegExp(`^${n}`) })).toHaveCount(0);
    await page.keyboard.press('Alt+S');
    await expect(page.getByRole('heading', { name: 'Revisión semanal' })).toHaveCount(0);

    await page.keyboard.press('Alt+M');
    await expect(page.getByRole('heading', { level: 1, name: 'Mi retroalimentación' })).toBeVisible();
    const pantalla = page.locator('section[aria-labelledby="retro-titulo"]');
    await expect(pantalla).toContainText('Laura Gómez');
    await expect(pantalla.locator('tr', { hasText: semana })).toContainText('50\u00a0%');
    await expect(pantalla.locator('.observaciones')).toContainText(OBSERVACION);
    await expect(pantalla.locator('.observaciones')).toContainText('Tipo incorrecto → TUT');
    await expect(pantalla.locator('.observaciones')).toContainText(corregido);
    await expectAccessible(page, 'Mi retroalimentación');
    await screenshot(page, 'revision-retro');

    // The router refuses the coordinator's channels, whatever the UI shows.
    const r = await callApi(page, 'colaRevision', { semana, modo: 'riesgo' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NO_AUTORIZADO');
  });
});
