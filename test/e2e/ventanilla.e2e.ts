/**
 * A day at the ventanilla, end to end: first-run setup, a radicador radicating three documents with
 * the keyboard only, consulta by cédula, a coordinador annulling one, and the radicador being
 * refused the annulment by the router. Accessibility (axe, WCAG 2.1 AA) is checked on every screen.
 */
import type { Page } from '@playwright/test';
import { bogotaInstant, bogotaYear, formatFechaHora } from '../../shared/domain/bogota';
import { calendarioHabil } from '../../shared/domain/holidays';
import { calcularVencimiento, describeVencimiento } from '../../shared/domain/terms';
import { callApi, expect, expectAccessible, login, logout, screenshot, selectByKeyboard, tabTo, test } from './harness';

/** "dd/mm/aaaa hh:mm" (Bogota) → epoch ms. */
function parseFechaHora(s: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(s.trim());
  if (!m) throw new Error(`Fecha y hora inesperada: ${s}`);
  return bogotaInstant(`${m[3]}-${m[2]}-${m[1]}`, Number(m[4]), Number(m[5]));
}

interface Citizen {
  tipoDocumento: string;
  numero: string;
  nombres: string;
  telefono: string;
  correo: string;
  direccion: string;
}

const MARIA: Citizen = {
  tipoDocumento: 'CC',
  numero: '1020304050',
  nombres: 'María Fernanda Rojas Peña',
  telefono: '3104567890',
  correo: 'maria.rojas@example.co',
  direccion: 'Calle 10 # 5-23, Villa Demo',
};

const CONSTRUCTORA: Citizen = {
  tipoDocumento: 'NIT',
  numero: '900123456-7',
  nombres: 'Constructora Los Andes S.A.S.',
  telefono: '6015550101',
  correo: 'juridica@losandes.example.co',
  direccion: 'Carrera 7 # 71-21, Bogotá',
};

/** Fills the remitente block from the focused first field, with the keyboard only. */
async function typeRemitente(page: Page, c: Citizen): Promise<void> {
  await expect(page.locator('#rad-tipo-documento')).toBeFocused();
  await selectByKeyboard(page, '#rad-tipo-documento', c.tipoDocumento);
  await page.keyboard.press('Tab');
  await expect(page.locator('#rad-numero-documento')).toBeFocused();
  await page.keyboard.type(c.numero);
  await page.keyboard.press('Tab');
  await expect(page.getByText('Remitente nuevo: registre sus datos.')).toBeVisible();
  await page.keyboard.type(c.nombres);
  await tabTo(page, '#rad-telefono');
  await page.keyboard.type(c.telefono);
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.correo);
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.direccion);
  await tabTo(page, '#rad-autoriza');
  await page.keyboard.press('Space');
  await expect(page.locator('#rad-autoriza')).toBeChecked();
}

/** Types into a combobox and takes the first match with Enter. */
async function chooseInCombobox(page: Page, selector: string, text: string, expected: RegExp, checkA11y = false): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
  await expect(page.locator(selector)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(selector)).toHaveAttribute('aria-activedescendant', /.+/);
  if (checkA11y) await expectAccessible(page, `Radicar (lista de ${selector} abierta)`);
  await page.keyboard.press('Enter');
  await expect(page.locator(selector)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator(selector)).toHaveValue(expected);
}

/** Waits for the result panel; returns the number, fecha y hora and vence text shown. */
async function readResult(page: Page) {
  const heading = page.locator('#resultado-numero');
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  const numero = (await heading.locator('.mono').textContent())!.trim();
  const fecha = (await page.locator('.result [data-campo="fecha"]').textContent())!.trim();
  const vence = (await page.locator('.result [data-campo="vence"]').textContent())!.trim();
  await expect(page.getByText('F2 o Ctrl+N: siguiente ciudadano')).toBeVisible();
  return { numero, fecha, vence };
}

test('ventanilla: configurar, radicar con el teclado, consultar, anular y negar la anulación al radicador', async ({ app, estacion }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const year = bogotaYear(Date.now());
  const prefijo = `${year}-0103-`;
  const numeroN = (n: number) => `${prefijo}${String(n).padStart(6, '0')}`;
  const calendario = calendarioHabil();

  await test.step('primera ejecución: configurar la estación con los datos de demostración', async () => {
    await app.abrir();
    await expect(page.getByRole('heading', { name: 'Configurar la estación' })).toBeVisible();
    await expect(page.locator('#setup-entidad')).toHaveValue('Alcaldía de Villa Demo');
    await expect(page.locator('#setup-sede')).toHaveValue('01');
    await expect(page.locator('#setup-sede-nombre')).toHaveValue('Sede Principal');
    await expect(page.locator('#setup-ventanilla')).toHaveValue('03');
    await expect(page.getByLabel('Crear usuarios de demostración (PIN 1234)')).toBeChecked();
    await expectAccessible(page, 'configuración');
    await screenshot(page, 'configuracion');
    await expect(page.locator('#setup-entidad')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    expect(estacion.station.services.estacion.config()?.entidad).toBe('Alcaldía de Villa Demo');
  });

  await test.step('iniciar sesión como radicador', async () => {
    await expect(page.locator('#login-usuario option')).toHaveCount(3);
    await expectAccessible(page, 'inicio de sesión');
    await screenshot(page, 'login');
    // A wrong PIN is refused with the router's message.
    await page.locator('#login-usuario').selectOption('radicador');
    await page.locator('#login-pin').fill('9999');
    await page.locator('#login-pin').press('Enter');
    await expect(page.getByText('Usuario o PIN incorrectos')).toBeVisible();
    await login(page, 'radicador');
    await expect(page.getByRole('banner')).toContainText('Laura Gómez');
    await expect(page.getByRole('banner')).toContainText('Sede 01 Sede Principal · Ventanilla 03');
    await expect(page.locator('#rad-tipo-documento')).toBeFocused();
    await expectAccessible(page, 'Radicar (vacío)');
  });

  await test.step('radicado 1: ciudadana nueva, petición de documentos, solo teclado', async () => {
    await typeRemitente(page, MARIA);
    await tabTo(page, '#rad-canal');
    await expect(page.locator('#rad-canal')).toHaveValue('presencial');
    await page.keyboard.press('Tab');
    await expect(page.locator('#rad-asunto')).toBeFocused();
    await page.keyboard.type('Solicito copia del certificado de residencia para trámite ante la Registraduría.');
    await chooseInCombobox(page, '#rad-tipo', 'peticion de doc', /^PET-DOC · /, true);
    await expect(page.locator('#rad-tipo-hint')).toHaveText('Término: 10 días hábiles');
    await chooseInCombobox(page, '#rad-dependencia', 'hacienda', /Secretaría de Hacienda/);
    await page.keyboard.press('Tab');
    await expect(page.locator('#rad-folios')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');

    const r = await readResult(page);
    expect(r.numero).toBe(numeroN(1));
    const esperado = calcularVencimiento(parseFechaHora(r.fecha), { cantidad: 10, unidad: 'dias_habiles' }, calendario);
    expect(r.vence).toBe(`Vence: ${describeVencimiento(esperado)}`);
    expect(r.vence).toMatch(/^Vence: \d{2}\/\d{2}\/\d{4}$/);
    // Enter again does not radicate twice: the form is closed until the next citizen.
    await page.keyboard.press('Enter');
    await expect(page.locator('#resultado-numero .mono')).toHaveText(numeroN(1));
  });

  await test.step('radicado 2: una empresa (NIT), tutela con término de 48 horas; primero un intento incompleto', async () => {
    await page.keyboard.press('F2');
    await expect(page.locator('#resultado-numero')).toHaveCount(0);
    await expect(page.locator('#rad-tipo-documento')).toBeFocused();
    await expect(page.locator('#rad-numero-documento')).toHaveValue('');

    // Enter on the empty form: the router's errors show next to the fields; focus goes to the first.
    await page.keyboard.press('Enter');
    await expect(page.locator('#rad-numero-documento')).toBeFocused();
    await expect(page.locator('#rad-numero-documento')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#rad-numero-documento-error')).toContainText('Número de documento');
    await expect(page.locator('#rad-asunto-error')).toContainText('Asunto es obligatorio');
    await expect(page.locator('.alert--error').first()).toContainText('Revise');
    await expectAccessible(page, 'Radicar (con errores)');
    await screenshot(page, 'radicar-errores');

    await page.keyboard.press('Shift+Tab');
    await typeRemitente(page, CONSTRUCTORA);
    await tabTo(page, '#rad-asunto');
    await page.keyboard.type('Acción de tutela: el juzgado ordena responder el derecho de petición radicado en marzo.');
    await chooseInCombobox(page, '#rad-tipo', 'TUT', /^TUT · /);
    await page.keyboard.press('Tab');
    await expect(page.locator('#rad-termino-cantidad')).toBeFocused();
    await page.keyboard.type('48');
    await page.keyboard.press('Tab');
    await expect(page.locator('#rad-termino-unidad')).toHaveValue('horas');
    await chooseInCombobox(page, '#rad-dependencia', '110', /Oficina Asesora Jurídica/);
    await tabTo(page, '#rad-anexos');
    await page.keyboard.type('Copia del fallo (3 hojas)');
    await page.keyboard.press('Enter');

    const r = await readResult(page);
    expect(r.numero).toBe(numeroN(2));
    expect(r.vence).toBe(`Vence: ${formatFechaHora(parseFechaHora(r.fecha) + 48 * 3_600_000)}`);
    await expect(page.locator('.field-error')).toHaveCount(0);
  });

  await test.step('radicado 3: ciudadana que vuelve; sus datos se cargan desde la cédula', async () => {
    await page.keyboard.press('Control+n');
    await expect(page.locator('#resultado-numero')).toHaveCount(0);
    await expect(page.locator('#rad-tipo-documento')).toBeFocused();
    await expect(page.locator('#rad-tipo-documento')).toHaveValue('CC');
    await page.keyboard.press('Tab');
    await page.keyboard.type(MARIA.numero);
    await page.keyboard.press('Tab');
    await expect(page.getByText('Remitente conocido: datos cargados')).toBeVisible();
    await expect(page.locator('#rad-nombres')).toHaveValue(MARIA.nombres);
    await expect(page.locator('#rad-telefono')).toHaveValue(MARIA.telefono);
    await expect(page.locator('#rad-correo')).toHaveValue(MARIA.correo);
    await expect(page.locator('#rad-direccion')).toHaveValue(MARIA.direccion);
    await expect(page.locator('#rad-autoriza')).toBeChecked();
    await tabTo(page, '#rad-asunto');
    await page.keyboard.type('Queja por la demora en la atención de la ventanilla de impuestos.');
    // Ctrl+Enter from the asunto would radicate now; first the tipo and the dependencia.
    await chooseInCombobox(page, '#rad-tipo', 'QUE', /^QUE · Queja/);
    await chooseInCombobox(page, '#rad-dependencia', '200', /Atención al Ciudadano/);
    await tabTo(page, '#rad-asunto', 60);
    await page.keyboard.press('Control+Enter');

    const r = await readResult(page);
    expect(r.numero).toBe(numeroN(3));
    const esperado = calcularVencimiento(parseFechaHora(r.fecha), { cantidad: 15, unidad: 'dias_habiles' }, calendario);
    expect(r.vence).toBe(`Vence: ${describeVencimiento(esperado)}`);
    await expectAccessible(page, 'Radicar (con resultado)');
    await screenshot(page, 'radicar');
  });

  await test.step('consulta por cédula y detalle', async () => {
    await page.keyboard.press('Alt+C');
    await expect(page.getByRole('heading', { name: 'Consulta de radicados' })).toBeVisible();
    await expect(page.locator('#consulta-q')).toBeFocused();
    await page.keyboard.type(`CC:${MARIA.numero}`);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/2 radicados encontrados \(búsqueda por documento/)).toBeVisible();
    const rows = page.locator('table.results tbody tr');
    await expect(rows).toHaveCount(2);
    const numeros = await page.locator('table.results button[data-numero]').allTextContents();
    expect([...numeros].sort()).toEqual([numeroN(1), numeroN(3)]);
    await expect(rows.first()).toContainText(MARIA.nombres);
    await expectAccessible(page, 'Consulta (resultados)');
    await screenshot(page, 'consulta');

    // Keyboard: focus the row of radicado 1 and open it with Enter.
    await page.locator(`button[data-numero="${numeroN(1)}"]`).focus();
    await page.keyboard.press('Enter');
    const detalle = page.locator('article.detail');
    await expect(detalle.getByRole('heading', { level: 2 })).toHaveText(`Radicado N° ${numeroN(1)}`);
    await expect(detalle).toContainText(MARIA.nombres);
    await expect(detalle).toContainText('PET-DOC · Petición de documentos');
    await expect(detalle).toContainText('Secretaría de Hacienda');
    await expect(detalle.locator('.badge--big')).toHaveText('ACTIVO');
    await expect(detalle.locator('table.audit tbody tr').first()).toBeVisible();
    await expect(detalle.locator('table.audit tbody tr').first()).toContainText('Radicó el documento');
    await expect(detalle.locator('table.audit')).toContainText('Laura Gómez');
    // A radicador cannot annul: the action is not offered.
    await expect(detalle.getByRole('button', { name: /Anular/ })).toHaveCount(0);
    await expectAccessible(page, 'Consulta (detalle)');
    await screenshot(page, 'detalle');
    await page.keyboard.press('Escape');
    await expect(page.locator(`button[data-numero="${numeroN(1)}"]`)).toBeFocused();
  });

  await test.step('el coordinador anula el radicado 2', async () => {
    await logout(page);
    await login(page, 'coordinador');
    await expect(page.getByRole('banner')).toContainText('Carlos Ruiz');
    await page.keyboard.press('Alt+C');
    await expect(page.locator('#consulta-q')).toBeFocused();
    await page.keyboard.type(numeroN(2));
    await page.keyboard.press('Enter');
    await expect(page.getByText(/1 radicado encontrado \(búsqueda por número/)).toBeVisible();
    await page.locator(`button[data-numero="${numeroN(2)}"]`).focus();
    await page.keyboard.press('Enter');
    const detalle = page.locator('article.detail');
    await expect(detalle.getByRole('heading', { level: 2 })).toHaveText(`Radicado N° ${numeroN(2)}`);
    await expect(detalle.getByRole('button', { name: 'Anular (Alt+A)' })).toBeVisible();

    await page.keyboard.press('Alt+A');
    await expect(page.locator('#anular-justificacion')).toBeFocused();
    await expect(page.locator('#anular-aprobado')).toHaveValue('Carlos Ruiz');
    // Too short a justification is refused by the router, next to the field.
    await page.keyboard.type('Error');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('#anular-justificacion-error')).toContainText('al menos 10 caracteres');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Número asignado por error: el documento se radicó dos veces en la ventanilla.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Carlos Ruiz, coordinador de correspondencia');
    await page.keyboard.press('Enter');

    await expect(detalle.locator('.badge--big')).toHaveText('ANULADO');
    const anulacion = detalle.getByRole('note', { name: 'Anulación' });
    await expect(anulacion).toContainText('ANULADO');
    await expect(anulacion).toContainText('Número asignado por error');
    await expect(anulacion).toContainText('Carlos Ruiz, coordinador de correspondencia');
    await expect(detalle.getByRole('button', { name: /Anular/ })).toHaveCount(0);
    await expect(detalle.locator('table.audit')).toContainText('Anuló el radicado');
    await expectAccessible(page, 'Consulta (detalle anulado)');
    await screenshot(page, 'anulado');
    const guardado = estacion.station.services.radicacion.consultar(numeroN(2), { usuario: 'coordinador', nombre: 'Carlos Ruiz', rol: 'coordinador' });
    expect(guardado.estado).toBe('ANULADO');
  });

  await test.step('el radicador no ve la acción Anular y el router la rechaza', async () => {
    await logout(page);
    await login(page, 'radicador');
    await page.keyboard.press('Alt+C');
    await expect(page.locator('#consulta-q')).toBeFocused();
    await page.keyboard.type(MARIA.numero);
    await page.keyboard.press('Enter');
    await expect(page.locator('table.results tbody tr')).toHaveCount(2);
    await page.locator(`button[data-numero="${numeroN(3)}"]`).focus();
    await page.keyboard.press('Enter');
    const detalle = page.locator('article.detail');
    await expect(detalle.getByRole('heading', { level: 2 })).toHaveText(`Radicado N° ${numeroN(3)}`);
    await expect(detalle.getByRole('button', { name: /Anular/ })).toHaveCount(0);
    await page.keyboard.press('Alt+A');
    await expect(page.locator('#anular-justificacion')).toHaveCount(0);

    const r = await callApi(page, 'anular', {
      numero: numeroN(3),
      justificacion: 'Intento de anulación sin autorización del coordinador.',
      aprobadoPor: 'Laura Gómez',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NO_AUTORIZADO');
    expect(r.error.message).toMatch(/no permite|rol/i);
    await expect(detalle.locator('.badge--big')).toHaveText('ACTIVO');
  });
});
