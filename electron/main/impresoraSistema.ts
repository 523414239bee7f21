/**
 * os://NOMBRE printers: the PDF of the sticker printed silently on an OS queue (a label printer
 * with its Windows driver) at the label's page size. Thin Electron-only glue, registered by main.ts:
 * it cannot run on the development machines (no Electron binary), so the print queue above it is
 * tested with the other transports and this file is kept to the calls Electron documents.
 * Silent printing of a PDF loaded in a window works since Electron 35/36 (electron/electron#47378).
 */
import { BrowserWindow, webContents } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImpresoraSistema, Sondeo } from '../printing/transports';

const MICRONES_POR_MM = 1000;

export const impresoraSistema: ImpresoraSistema = {
  async imprimirPdf(pdf, o) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'radica-imp-'));
    const archivo = path.join(dir, 'rotulo.pdf');
    await writeFile(archivo, pdf);
    const win = new BrowserWindow({ show: false, webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    try {
      await win.loadURL(pathToFileURL(archivo).href);
      await new Promise<void>((resolve, reject) => {
        win.webContents.print(
          {
            silent: true,
            deviceName: o.nombreImpresora,
            printBackground: true,
            margins: { marginType: 'none' },
            pageSize: { width: Math.round(o.anchoMm * MICRONES_POR_MM), height: Math.round(o.altoMm * MICRONES_POR_MM) },
          },
          (ok, motivo) => (ok ? resolve() : reject(new Error(motivo || 'print failed'))),
        );
      });
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  },

  async estado(nombre): Promise<Sondeo> {
    const [wc] = webContents.getAllWebContents();
    if (!wc) return { estado: 'desconocido', detalle: null };
    const impresoras = await wc.getPrintersAsync();
    const p = impresoras.find((x) => x.name === nombre);
    if (!p) return { estado: 'sin_conexion', detalle: `El sistema no tiene una impresora llamada «${nombre}».` };
    return { estado: 'lista', detalle: p.displayName || null };
  },
};
