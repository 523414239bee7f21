import { describe, expect, it } from 'vitest';
import { ejecutarProceso } from '../../../electron/scanning/proceso';

describe('ejecutarProceso', () => {
  it('un programa que dice que terminó pero no sale se detiene tras una gracia, con lo que imprimió', async () => {
    const inicio = Date.now();
    const r = await ejecutarProceso({
      comando: process.execPath,
      // Like scanimage hanging in its cleanup after the batch.
      args: ['-e', 'console.error("Scanned page 1. (scanner status = 9)"); console.error("Batch terminated, 1 page scanned"); setInterval(() => {}, 1000);'],
      tiempoMaximoMs: 60_000,
      terminoEn: /^Batch terminated/,
    });
    expect(r.detenido).toBe('terminado');
    expect(r.stderr).toContain('Batch terminated, 1 page scanned');
    expect(Date.now() - inicio).toBeLessThan(15_000);
  });

  it('un programa que sale solo no se toca', async () => {
    const r = await ejecutarProceso({
      comando: process.execPath,
      args: ['-e', 'console.error("Batch terminated, 2 pages scanned"); process.exit(0);'],
      tiempoMaximoMs: 60_000,
      terminoEn: /^Batch terminated/,
    });
    expect(r).toMatchObject({ detenido: null, codigo: 0 });
  });
});
