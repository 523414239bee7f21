/**
 * Printing, end to end: a TCP listener in the test plays a network ESC/POS printer. The
 * administrador configures it and prints a test page; the radicador radicates with the keyboard and
 * the sticker arrives at once; with the printer off the clerk sees the Spanish error, keeps the
 * number and goes on with the next citizen; with the printer back Ctrl+P prints; a job left waiting
 * is sent to another printer from the header's status panel; a reprint from Consulta says COPIA.
 */
import type { Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { bogotaYear } from '../../shared/domain/bogota';
import { expect, expectAccessible, login, logout, screenshot, selectByKeyboard, tabTo, test } from './harness';

/** A raw-port (9100) printer: keeps every byte it receives and closes after the sender's FIN. */
class ImpresoraTcp {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private trozos: Buffer[] = [];
  port = 0;

  async encender(port = 0): Promise<void> {
    const server = net.createServer((s) => {
      this.sockets.add(s);
      s.on('data', (d) => this.trozos.push(d));
      s.on('end', () => s.end());
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async apagar(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Everything received so far, as latin1 text (the ESC/POS code page keeps ASCII as is). */
  texto(): string {
    return Buffer.concat(this.trozos).toString('latin1');
  }

  vaciar(): void {
    this.trozos = [];
  }
}

/** The Code 128 payload of the first GS k (function B, m = 73) in ESC/POS bytes, e.g. "{B2026-0103-000001". */
function payloadCodigo128(bytes: Buffer): string | null {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 0x1d && bytes[i + 1] === 0x6b && bytes[i + 2] === 0x49) {
      const n = bytes[i + 3]!;
      return bytes.subarray(i + 4, i + 4 + n).toString('latin1');
    }
  }
  return null;
}

interface Ciudadano {
  numero: string;
  nombres: string;
  asunto: string;
}

async function chooseInCombobox(page: Page, selector: string, text: string, expected: RegExp): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
  await expect(page.locator(selector)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator(selector)).toHaveValue(expected);
}

/** A citizen radicated with the keyboard only, from the focused first field; returns the number. */
async function radicarConTeclado(page: Page, c: Ciudadano): Promise<string> {
  await expect(page.locator('#rad-tipo-documento')).toBeFocused();
  await selectByKeyboard(page, '#rad-tipo-documento', 'CC');
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.numero);
  await page.keyboard.press('Tab');
  await expect(page.getByText(/Remitente (nuevo|conocido)/)).toBeVisible();
  await page.keyboard.type(c.nombres);
  await tabTo(page, '#rad-autoriza');
  await page.keyboard.press('Space');
  await tabTo(page, '#rad-asunto');
  await page.keyboard.type(c.asunto);
  await chooseInCombobox(page, '#rad-tipo', 'peticion de doc', /^PET-DOC · /);
  await chooseInCombobox(page, '#rad-dependencia', 'hacienda', /Secretaría de Hacienda/);
  await page.keyboard.press('Enter');
  const heading = page.locator('#resultado-numero');
  await expect(heading).toBeFocused();
  return (await heading.locator('.mono').textContent())!.trim();
}

const estadoRotulo = (page: Page) => page.locator('.result .impresion-estado[data-documento="rotulo"]');

test('impresión: configurar la térmica, imprimir al radicar, impresora apagada sin perder nada, reintentar y reimprimir COPIA', async ({
  app,
  estacion,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  const numeroN = (n: number) => `${bogotaYear(Date.now())}-0103-${String(n).padStart(6, '0')}`;
  const impresora = new ImpresoraTcp();
  await impresora.encender();
  const uri = `tcp://127.0.0.1:${impresora.port}`;

  try {
    await test.step('el administrador configura la térmica (con un error de dirección primero)', async () => {
      await app.abrir();
      await expect(page.getByRole('heading', { name: 'Configurar la estación' })).toBeVisible();
      await expect(page.locator('#setup-entidad')).toBeFocused();
      await page.keyboard.press('Enter');
      await login(page, 'admin');
      await expect(page.getByRole('banner').locator('.impresora-chip')).toBeVisible();

      await page.keyboard.press('Alt+I');
      await expect(page.getByRole('heading', { name: 'Impresoras', level: 1 })).toBeVisible();
      // A new station prints to PDF files until IT sets the printers up.
      await expect(page.locator('#imp-0-nombre')).toHaveValue('Rótulos en PDF');
      await page.getByRole('button', { name: 'Agregar impresora' }).click();
      await expect(page.locator('#imp-1-nombre')).toBeFocused();
      await page.keyboard.type('Térmica 1');
      await page.keyboard.press('Tab');
      await expect(page.locator('#imp-1-id')).toBeFocused();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('termica-1');
      await page.keyboard.press('Tab');
      await expect(page.locator('#imp-1-uri')).toBeFocused();
      await page.keyboard.type('tcp://127.0.0.1');
      await expect(page.locator('#imp-1-formato')).toHaveValue('escpos');
      await expect(page.locator('#imp-1-plantilla')).toHaveValue('recibo-80');
      await page.locator('#imp-1-predeterminada').check();
      await expect(page.locator('#imp-0-predeterminada')).not.toBeChecked();
      await expect(page.locator('#imp-al-radicar')).toBeChecked();
      await page.getByRole('button', { name: 'Guardar configuración' }).click();

      // The router's message next to the field, and the cursor there.
      await expect(page.locator('#imp-1-uri-error')).toContainText('tcp://host:9100');
      await expect(page.locator('#imp-1-uri')).toBeFocused();
      await expect(page.locator('#imp-1-uri')).toHaveAttribute('aria-invalid', 'true');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(uri);
      await page.keyboard.press('Enter');
      await expect(page.getByText('Configuración de impresión guardada.')).toBeVisible();
      await expect(page.locator('#imp-1-uri-error')).toHaveCount(0);
      const config = estacion.station.services.impresion.config();
      expect(config.impresoras.find((i) => i.predeterminada)).toMatchObject({ id: 'termica-1', uri, formato: 'escpos', plantilla: 'recibo-80' });
      expect(config.imprimirAlRadicar).toBe(true);

      // Test print: the bytes reach the listener.
      const fila = page.locator('fieldset.impresora').nth(1);
      await fila.getByRole('button', { name: 'Imprimir prueba' }).click();
      await expect(page.locator('.prueba-estado[data-impresora="termica-1"]')).toHaveText('Prueba impresa en «Térmica 1».');
      await expect.poll(() => impresora.texto()).toContain('PRUEBA-0000');
      await expect(fila).toContainText('Estado: lista');
      await expect(page.locator('.impresora-chip')).toHaveText('Impresora: lista');
      await expectAccessible(page, 'Impresoras');
      await screenshot(page, 'impresoras');
    });

    await test.step('el radicador radica con el teclado y el rótulo sale en la térmica', async () => {
      await logout(page);
      await login(page, 'radicador');
      await expect(page.getByRole('navigation').getByRole('button', { name: /Impresoras/ })).toHaveCount(0);
      impresora.vaciar();
      const numero = await radicarConTeclado(page, {
        numero: '1020304050',
        nombres: 'María Fernanda Rojas Peña',
        asunto: 'Solicito copia del certificado de residencia.',
      });
      expect(numero).toBe(numeroN(1));
      await expect(estadoRotulo(page)).toHaveText('Rótulo impreso en «Térmica 1».');
      await expect.poll(() => impresora.texto()).toContain(numero);
      expect(payloadCodigo128(Buffer.from(impresora.texto(), 'latin1'))).toBe(`{B${numero}`);
      expect(impresora.texto()).not.toContain('COPIA');
      await expect(page.locator('.result svg[role="img"]')).toHaveAttribute('aria-label', new RegExp(`Vista previa del rótulo del radicado N° ${numero}`));
      await expect(page.locator('.impresora-chip')).toHaveText('Impresora: lista');
      await expect(page.getByRole('button', { name: 'Reimprimir rótulo (COPIA) (Ctrl+P)' })).toBeVisible();
      await expectAccessible(page, 'Radicar (rótulo impreso)');
      await screenshot(page, 'radicar-impreso');
    });

    await test.step('impresora apagada: error en español, el número sigue en pantalla y F2 atiende al siguiente', async () => {
      await impresora.apagar();
      await page.keyboard.press('F2');
      const numero = await radicarConTeclado(page, {
        numero: '52123456',
        nombres: 'José Ñúñez Álvarez',
        asunto: 'Derecho de petición sobre el impuesto predial.',
      });
      expect(numero).toBe(numeroN(2));
      await expect(estadoRotulo(page)).toContainText(`La impresora «Térmica 1» (${uri}) no responde`);
      await expect(estadoRotulo(page)).toContainText('Rótulo sin imprimir');
      await expect(page.locator('#resultado-numero')).toHaveText(`Radicado N° ${numero}`);
      await expect(page.getByRole('button', { name: 'Reintentar (Ctrl+P)' })).toBeVisible();
      await expect(page.locator('#resultado-impresora-rotulo')).toHaveValue('termica-1');
      await expect(page.locator('.impresora-chip')).toHaveText('Impresora sin conexión · 1 trabajo pendiente');
      // The radicado was committed before printing.
      const guardado = estacion.station.services.radicacion.porNumero(numero);
      expect(guardado?.radicado.numero).toBe(numero);
      await expectAccessible(page, 'Radicar (impresora sin conexión)');
      await screenshot(page, 'impresora-error');

      // The clerk goes on at once: F2, the next citizen, radicated while the printer is still off.
      await page.keyboard.press('F2');
      await expect(page.locator('#resultado-numero')).toHaveCount(0);
      const siguiente = await radicarConTeclado(page, {
        numero: '1098765432',
        nombres: 'Ana Lucía Pérez',
        asunto: 'Solicitud de paz y salvo.',
      });
      expect(siguiente).toBe(numeroN(3));
      await expect(estadoRotulo(page)).toContainText('no responde');
      await expect(page.locator('.impresora-chip')).toHaveText('Impresora sin conexión · 2 trabajos pendientes');
    });

    await test.step('la impresora vuelve: Ctrl+P reintenta y el rótulo sale', async () => {
      await impresora.encender(impresora.port);
      impresora.vaciar();
      await page.keyboard.press('Control+p');
      await expect(estadoRotulo(page)).toHaveText('Rótulo impreso en «Térmica 1».');
      await expect.poll(() => impresora.texto()).toContain(numeroN(3));
      expect(impresora.texto()).not.toContain('COPIA');
      await expect(page.locator('#resultado-numero')).toHaveText(`Radicado N° ${numeroN(3)}`);
    });

    await test.step('el trabajo que quedó en espera se envía a otra impresora desde el estado del encabezado', async () => {
      const chip = page.locator('.impresora-chip');
      await expect(chip).toHaveText('Impresora: lista · 1 trabajo pendiente');
      await chip.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Impresoras y trabajos pendientes' });
      await expect(panel).toBeVisible();
      await expect(panel.locator('.trabajo-lista li')).toHaveCount(1);
      await expect(panel.locator('.trabajo-lista li')).toContainText(numeroN(2));
      await expect(panel.locator('.trabajo-lista li')).toContainText('no responde');
      await expectAccessible(page, 'Panel de impresión');
      await panel.locator('.trabajo-lista select').selectOption('pdf');
      await panel.getByRole('button', { name: `Reintentar ${numeroN(2)}` }).click();
      await expect(panel.locator('.trabajo-mensaje')).toHaveText(`Radicado ${numeroN(2)}: impreso en «Rótulos en PDF».`);
      await expect(panel.locator('.trabajo-lista li')).toHaveCount(0);
      await expect(chip).toHaveText('Impresora: lista');
      const carpeta = path.join(estacion.dataDir, 'rotulos');
      expect(existsSync(carpeta) && readdirSync(carpeta).some((f) => f.includes(numeroN(2)))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      await expect(chip).toBeFocused();
    });

    await test.step('reimpresión desde el detalle de Consulta: sale marcada COPIA y queda en el historial', async () => {
      await page.keyboard.press('Alt+C');
      await expect(page.locator('#consulta-q')).toBeFocused();
      await page.keyboard.type(numeroN(1));
      await page.keyboard.press('Enter');
      await page.locator(`button[data-numero="${numeroN(1)}"]`).focus();
      await page.keyboard.press('Enter');
      const detalle = page.locator('article.detail');
      await expect(detalle.getByRole('heading', { level: 2 })).toHaveText(`Radicado N° ${numeroN(1)}`);
      await expect(detalle.locator('svg[role="img"]')).toHaveAttribute('aria-label', new RegExp(`rótulo del radicado N° ${numeroN(1)} \\(COPIA\\)`));
      await expect(detalle.getByRole('button', { name: 'Reimprimir rótulo (COPIA) (Ctrl+P)' })).toBeVisible();
      await expect(detalle.getByRole('button', { name: 'Imprimir constancia' })).toBeVisible();
      const codigo = estacion.station.services.context.codigoVerificacion(
        numeroN(1),
        estacion.station.services.radicacion.porNumero(numeroN(1))!.radicado.fechaHora,
      );
      await expect(detalle).toContainText(codigo);
      impresora.vaciar();
      await page.keyboard.press('Control+p');
      await expect(detalle.locator('.impresion-estado[data-documento="rotulo"]')).toHaveText('Rótulo (COPIA) impreso en «Térmica 1».');
      await expect.poll(() => impresora.texto()).toContain('COPIA');
      expect(impresora.texto()).toContain(numeroN(1));
      await expect(detalle.locator('table.audit')).toContainText('Reimprimió el rótulo (COPIA)');
      await expectAccessible(page, 'Consulta (detalle con rótulo)');
      await screenshot(page, 'detalle-sticker');
    });
  } finally {
    await impresora.apagar();
  }
});
