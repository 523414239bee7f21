/**
 * Suggestions while typing: a clerk types the asunto of a tutela, the station suggests TUT and the
 * Oficina Jurídica from the catalog's phrases (cold start, no model yet), Alt+1 and Alt+2 take them
 * without leaving the asunto, and the radicado records what was suggested and that it was accepted.
 */
import { expect, expectAccessible, login, screenshot, selectByKeyboard, tabTo, test, inicializarDemo } from './harness';
import { ReplicacionRepo } from '../../electron/store/replicacionRepo';
import { entrenarObjetivos } from '../../electron/services/motorClasificador';

test('sugerencias: tutela del juzgado → TUT y 110; Alt+1 y Alt+2 aceptan; el radicado guarda lo sugerido', async ({ app, estacion }) => {
  const { page } = app;
  await inicializarDemo(estacion);
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
    await expect(tipo).toContainText('por «acción de tutela», «juzgado»');
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

/**
 * The Clasificador screen (Alt+L): an administrador imports a previous system's CSV, retrains with
 * one key, sees the model in use and how it measured, and the next asunto typed in Radicar gets the
 * new suggestion. A radicador has no such screen.
 */
test('clasificador: importar un CSV, reentrenar y ver el modelo en uso; las sugerencias cambian', async ({ app, estacion }) => {
  const { page } = app;
  let numeroBicitaxi = '';
  await inicializarDemo(estacion);
  await app.abrir();
  await login(page, 'admin');
  await page.keyboard.press('Alt+L');
  await expect(page.locator('#clasificador-titulo')).toBeFocused();
  await expect(page.getByText('Aún no hay modelos entrenados')).toBeVisible();

  await test.step('importar el CSV que guarda Excel en español («;», Windows-1252): columnas adivinadas, filas malas rechazadas con su línea', async () => {
    const barrios = ['El Carmen', 'La Ferrería', 'Pueblo Viejo', 'San Isidro', 'Bellavista', 'Santa Ana'];
    const lineas = ['Asunto;Tipo documental;Dependencia'];
    for (let i = 0; i < 30; i++) {
      const b = barrios[i % barrios.length];
      lineas.push(`Permiso de operación de bicitaxi en el barrio ${b}, vehículo ${i};COM;900`);
      // The tipo by its name, accents and all: it matches the catalog only if the file was decoded right.
      lineas.push(`"Arreglo del alumbrado del parque del barrio ${b}; poste ${i}";Petición general (interés general o particular);800`);
      // How the old system called it: unknown to the catalog until the administrator says what it is.
      lineas.push(`Paz y salvo predial para el barrio ${b}, número ${i};${i % 5 === 0 ? 'Certificados y constancias (Orfeo)' : 'PET-DOC'};300`);
    }
    lineas.push('Texto con un tipo que no existe;NO-EXISTE;300');
    await page.locator('#clf-csv').setInputFiles({ name: 'mercurio.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lineas.join('\r\n')}\r\n`, 'latin1') });
    await expect(page.getByText('mercurio.csv: 91 filas. Elija las columnas.')).toBeVisible();
    await expect(page.locator('#clf-col-texto')).toHaveValue('Asunto');
    await expect(page.locator('#clf-col-tipo')).toHaveValue('Tipo documental');
    await expect(page.locator('#clf-col-dependencia')).toHaveValue('Dependencia');
    await expect(page.locator('#clf-col-peso')).toHaveValue('');

    // The labels the catalog lacks, most rows first; mapping one brings its rows in.
    const equivalencias = page.getByRole('group', { name: 'Etiquetas que el catálogo no tiene' });
    await expect(equivalencias.locator('tbody tr')).toHaveCount(2);
    await expect(equivalencias.locator('tbody tr').nth(0)).toContainText('Certificados y constancias (Orfeo)');
    await expect(equivalencias.locator('tbody tr').nth(0)).toContainText('6');
    await expect(equivalencias.locator('tbody tr').nth(1)).toContainText('NO-EXISTE');
    await expect(equivalencias).toContainText('(por ahora, 7 filas)');
    await tabTo(page, '#clf-eq-0');
    await selectByKeyboard(page, '#clf-eq-0', 'PET-DOC', 80);
    await expect(equivalencias).toContainText('(por ahora, una fila)');
    await screenshot(page, 'clasificador-equivalencias');
    await expectAccessible(page, 'Clasificador (importar)');
    await tabTo(page, '#clf-importar');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Se importaron 90 ejemplos de 91 filas de mercurio.csv; 1 rechazadas' })).toBeVisible();
    await expect(page.getByText('tipo "NO-EXISTE" no está en el catálogo: línea 92 del CSV')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Filas rechazadas: 1' })).toBeVisible();
  });

  await test.step('reentrenar: el modelo de esta estación, con sus cifras', async () => {
    await tabTo(page, '#clf-reentrenar');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Listo:' })).toContainText('tipo documental versión 1 (90 ejemplos)');
    const tabla = page.locator('table', { hasText: 'Clasifica' });
    await expect(tabla.locator('tbody tr')).toHaveCount(2);
    await expect(tabla.locator('tbody tr').filter({ hasText: 'Tipo documental' })).toContainText('Esta estación');
    await expect(tabla.locator('tbody tr').filter({ hasText: 'Tipo documental' })).toContainText(/\d+(,\d)?\s%/);
    await expect(tabla.locator('tbody tr').filter({ hasText: 'Tipo documental' })).toContainText(/\d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, 'clasificador-modelos');
    await expectAccessible(page, 'Clasificador (modelos)');
  });

  await test.step('Radicar sugiere lo aprendido; el funcionario lo acepta y radica', async () => {
    await page.keyboard.press('Alt+R');
    await selectByKeyboard(page, '#rad-tipo-documento', 'AN');
    await tabTo(page, '#rad-asunto');
    await page.keyboard.type('Permiso de operación de bicitaxi en el barrio La Inmaculada');
    await expect(page.locator('#rad-tipo-sugerencia .chip').first()).toContainText('COM');
    await expect(page.locator('#rad-dependencia-sugerencia .chip').first()).toContainText('900');
    // Only the model spoke: the words it read in the asunto say why ("barrio", in every example, does not).
    await expect(page.locator('#rad-tipo-sugerencia .sugerencia-por')).toHaveText(/^por «[^»]+»(, «[^»]+»)?$/);
    await expect(page.locator('#rad-tipo-sugerencia .sugerencia-por')).toContainText('bicitaxi');
    await expect(page.locator('#rad-tipo-sugerencia .sugerencia-por')).not.toContainText('barrio');
    await screenshot(page, 'radicar-sugerencias-modelo');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+2');
    await expect(page.locator('#rad-dependencia')).toHaveValue(/^900 · /);
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('#resultado-numero')).toBeVisible();
    numeroBicitaxi = (await page.locator('#resultado-numero .mono').textContent())!.trim();
  });

  await test.step('En la ventanilla: cuántas sugerencias se aceptaron y acertaron, por modelo', async () => {
    await page.keyboard.press('Alt+L');
    const tipo = page.locator('#clf-desempeno-tipo');
    await expect(tipo.locator('caption')).toContainText('Tipo documental: 1 radicado con sugerencia, ninguno sin ella');
    const fila = tipo.locator('tbody tr').filter({ hasText: 'Esta estación, versión 1' });
    await expect(fila.locator('td')).toHaveText(['1', '1 (100 %)', '1 (100 %)', '—', '0']);
    await expect(page.locator('#clf-hasta')).toHaveValue(/^\d{4}-W\d{2}$/);
    await expect(page.getByRole('status').filter({ hasText: /^Del \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}: 1 radicado\.$/ })).toBeVisible();
    // A coordinator's review says it was a petición general: the suggestion the clerk took misled her.
    await estacion.station.services.revision.marcar(
      { numero: numeroBicitaxi, veredicto: 'incorrecto', tipoCorrecto: 'PET-GEN', dependenciaCorrecta: null, observacion: null },
      { usuario: 'coordinador', nombre: 'Carlos Ruiz', rol: 'coordinador' },
    );
    await page.keyboard.press('Alt+R');
    await page.keyboard.press('Alt+L');
    await expect(fila.locator('td')).toHaveText(['1', '1 (100 %)', '0 (0 %)', '0 de 1 (0 %)', '1']);
    const confusion = page.getByRole('list', { name: 'Tipo documental: lo que más se sugirió mal' }).getByRole('listitem');
    await expect(confusion).toHaveText(new RegExp(`^Sugirió COM · .+ y era PET-GEN · .+: 1 vez \\(${numeroBicitaxi}\\)$`));
    await page.locator('#clf-desempeno-titulo').scrollIntoViewIfNeeded();
    await screenshot(page, 'clasificador-ventanilla');
    await expectAccessible(page, 'Clasificador (en la ventanilla)');
    // The week before: nothing radicated, said so.
    await tabTo(page, '#clf-semanas');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('#clf-semanas')).toHaveValue('1');
    await tabTo(page, '#clf-hasta');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('No hay radicados en este periodo.')).toBeVisible();
  });

  await test.step('llega el modelo de tipo de la entidad: se entrena solo el de dependencia; con los dos, ninguno', async () => {
    // What a sync stores when the entity's model arrives (here, first a tipo-only one).
    const repo = new ReplicacionRepo(estacion.station.services.context.db);
    const textos = ['Permiso de bicitaxi en el barrio El Carmen', 'Arreglo del alumbrado del parque', 'Paz y salvo predial del barrio Santa Ana'];
    const entidad = entrenarObjetivos({
      ejemplos: {
        tipo: textos.flatMap((t, i) => [0, 1, 2].map((j) => ({ texto: `${t} ${j}`, etiqueta: ['PET-GEN', 'PET-GEN', 'PET-DOC'][i]! }))),
        dependencia: textos.flatMap((t, i) => [0, 1, 2].map((j) => ({ texto: `${t} ${j}`, etiqueta: ['900', '800', '300'][i]! }))),
      },
      creado: '2026-11-23T06:00:00.000Z',
    });
    const guardar = (objetivo: string) => {
      const m = entidad.find((x) => x.objetivo === objetivo)!;
      expect(repo.guardarModeloCentral({ objetivo: m.objetivo, version: 1, creadoEn: Date.now(), ejemplos: m.ejemplos, metricas: '{}', contenido: m.contenido })).toBe(true);
    };
    guardar('tipo');
    await page.keyboard.press('Alt+R');
    await page.keyboard.press('Alt+L');
    const tabla = page.locator('table', { hasText: 'Clasifica' });
    await expect(tabla.locator('tbody tr').filter({ hasText: 'Tipo documental' })).toContainText('La entidad (servidor central)');
    await expect(page.locator('#clf-reentrenar-hint')).toContainText('El modelo de tipo documental es el de la entidad (servidor central): se entrena solo el de dependencia.');
    await tabTo(page, '#clf-reentrenar');
    await page.keyboard.press('Enter');
    const listo = page.getByRole('status').filter({ hasText: 'Listo:' });
    // 91: the 90 imported examples and the radicado taken above.
    await expect(listo).toContainText('Listo: dependencia versión 2 (91 ejemplos). Las sugerencias ya los usan. Tipo documental: el de la entidad, versión 1.');

    guardar('dependencia');
    await page.keyboard.press('Alt+R');
    await page.keyboard.press('Alt+L');
    await expect(page.getByText('Esta estación usa el modelo de la entidad, entrenado en el servidor central')).toBeVisible();
    await expect(page.locator('#clf-reentrenar')).toHaveCount(0);
    await expect(page.getByText('radica central modelo importar --csv ARCHIVO')).toBeVisible();
    await screenshot(page, 'clasificador-entidad');
    await expectAccessible(page, 'Clasificador (modelo de la entidad)');
  });

  await test.step('un radicador no tiene la pantalla', async () => {
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await login(page, 'radicador');
    await expect(page.getByRole('navigation', { name: 'Secciones' })).not.toContainText('Clasificador');
  });
});
