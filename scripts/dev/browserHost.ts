/**
 * The station in a browser instead of Electron: the built renderer served on 127.0.0.1 with the
 * app's CSP, and window.api bound to the real router through Playwright's exposeBinding, one
 * function per channel exactly as the preload does. Used by `npm start` where Electron's binary is
 * not installed, and by the end-to-end tests.
 */
import type { Page } from 'playwright-core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Station } from '../../electron/station';
import { CSP } from '../../electron/main/security';
import { metodosApi } from '../../shared/ipc/contract';

export { CSP };

const TIPOS: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A static file server for the renderer on 127.0.0.1 and a random port. */
export async function serveRenderer(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No encontrado');
      return;
    }
    res.writeHead(200, {
      'content-type': TIPOS[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Binds window.api of a page to the router, one function per metodosApi entry, like the preload. */
export async function bindApi(page: Page, station: Station, clientId: string): Promise<void> {
  await page.exposeBinding('__radica', (_source, channel: string, payload: unknown) =>
    station.router.handle(channel, payload, { clientId }),
  );
  await page.addInitScript((metodos: Record<string, string>) => {
    const w = window as unknown as { __radica: (c: string, p: unknown) => Promise<unknown>; api?: unknown };
    const api: Record<string, (p?: unknown) => Promise<unknown>> = {};
    for (const [fn, channel] of Object.entries(metodos)) api[fn] = (p?: unknown) => w.__radica(channel, p ?? {});
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
  }, metodosApi as Record<string, string>);
}
