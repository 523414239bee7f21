/**
 * Screen sizes of the stations: many ventanillas run 1366 × 768 or 1024 × 768 monitors. A
 * coordinator's or administrator's eleven sections must all stay on screen (wrapping if needed),
 * and no section may push the page sideways, which hides fields and buttons from the clerk.
 */
import { expect, inicializarDemo, login, screenshot, test } from './harness';

for (const ancho of [1366, 1024]) {
  test(`a ${ancho} × 768 cada sección del administrador cabe sin desplazamiento horizontal`, async ({ app, estacion }) => {
    const { page } = app;
    await page.setViewportSize({ width: ancho, height: 768 });
    await inicializarDemo(estacion);
    await app.abrir();
    await login(page, 'admin');

    const secciones = page.getByRole('navigation', { name: 'Secciones' }).getByRole('button');
    await expect(secciones).toHaveCount(11);
    for (const caja of await secciones.evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(caja.left).toBeGreaterThanOrEqual(0);
      expect(caja.right).toBeLessThanOrEqual(ancho);
    }

    for (const boton of await secciones.all()) {
      const atajo = (await boton.getAttribute('aria-keyshortcuts'))!;
      await page.keyboard.press(atajo);
      await expect(boton).toHaveAttribute('aria-current', 'page');
      const nombre = (await boton.innerText()).split('\n')[0]!.trim();
      const anchoPagina = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(anchoPagina, `${nombre} a ${ancho} px`).toBeLessThanOrEqual(ancho);
    }
    if (ancho === 1024) await screenshot(page, 'pantalla-1024-clasificador');
  });
}
