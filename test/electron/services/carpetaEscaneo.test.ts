import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { radicacion, tempStation } from '../helpers';
import { motorOcrFalso } from '../../../electron/anexos/ocr';
import { vigilarCarpetaEscaneo } from '../../../electron/services/carpetaEscaneo';
import { layoutAPdf } from '../../../electron/printing/pdf';
import type { ResultadoLote } from '../../../shared/domain/anexos';
import { cartaPdf, pdfDeImagenes, rasterizar } from '../anexos/muestras';

let t: ReturnType<typeof tempStation>;
afterEach(() => t?.close());

const esperar = async (cond: () => boolean, ms = 20_000) => {
  const fin = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > fin) throw new Error('tiempo agotado');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('carpeta de escaneo del multifuncional', () => {
  it('anexa lo que llega, lo mueve a procesados, y rechaza con motivo lo dañado', async () => {
    t = tempStation({ ocr: motorOcrFalso(() => 'texto') });
    await t.setup();
    const { numero } = await t.ok('radicacion:radicar', radicacion());
    const sticker = await layoutAPdf(await t.ok('sticker:vista', { numero, plantilla: 'etiqueta-100x50', documento: 'rotulo' }));
    const lote = await pdfDeImagenes([rasterizar(await cartaPdf({ sticker }), 200), rasterizar(await cartaPdf(), 200)], 200);
    const carpeta = path.join(t.dir, 'multifuncional');
    mkdirSync(carpeta);
    const lotes: ResultadoLote[] = [];
    const vigia = vigilarCarpetaEscaneo(t.station.services.anexos, carpeta, { estabilidadMs: 300, sondeoMs: 100, alLote: (r) => lotes.push(r) });
    try {
      writeFileSync(path.join(carpeta, 'SCAN0001.pdf'), lote);
      writeFileSync(path.join(carpeta, 'SCAN0002.pdf'), Buffer.from('esto no es un PDF'));
      await esperar(() => existsSync(path.join(carpeta, 'procesados', 'SCAN0001.pdf')) && existsSync(path.join(carpeta, 'rechazados', 'SCAN0002.pdf')));
    } finally {
      await vigia.detener();
    }
    expect(lotes.map((l) => l.anexados.map((a) => [a.numero, a.paginas]))).toEqual([[[numero, [1, 2]]]]);
    const [anexo] = await t.ok('anexos:listar', { numero });
    expect(anexo.origen).toBe('carpeta');
    expect(anexo.creadoPor).toBe('carpeta-escaneo');
    expect(readFileSync(path.join(carpeta, 'rechazados', 'SCAN0002.pdf.motivo.txt'), 'utf8')).toMatch(/PDF/);
    expect(readdirSync(carpeta).sort()).toEqual(['procesados', 'rechazados']);
  });
});
