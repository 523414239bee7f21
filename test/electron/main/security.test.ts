import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ORIGIN, CSP, archivoDeRenderer, remitenteConfiable } from '../../../electron/main/security';
import { metodosApi, canales } from '../../../shared/ipc/contract';

const root = path.resolve(__dirname, '../../..');

describe('seguridad de Electron', () => {
  it('IPC solo desde el marco principal con nuestro origen', () => {
    expect(remitenteConfiable({ url: `${APP_ORIGIN}/index.html`, parent: null })).toBe(true);
    expect(remitenteConfiable({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(remitenteConfiable({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(remitenteConfiable({ url: `${APP_ORIGIN}/index.html`, parent: {} })).toBe(false);
    expect(remitenteConfiable(null)).toBe(false);
    expect(remitenteConfiable({ url: 'app://radica.evil/index.html', parent: null })).toBe(false);
  });

  it('el protocolo app:// no sale de la carpeta del renderer', () => {
    const dir = '/opt/radica/renderer';
    expect(archivoDeRenderer('app://radica/index.html', dir, path.posix.join, '/')).toBe('/opt/radica/renderer/index.html');
    expect(archivoDeRenderer('app://radica/', dir, path.posix.join, '/')).toBe('/opt/radica/renderer/index.html');
    expect(archivoDeRenderer('app://radica/assets/a.js', dir, path.posix.join, '/')).toBe('/opt/radica/renderer/assets/a.js');
    expect(archivoDeRenderer('app://radica/../../etc/passwd', dir, path.posix.join, '/')).toBe('/opt/radica/renderer/etc/passwd'); // URL normalises
    expect(archivoDeRenderer('app://radica/%2e%2e/%2e%2e/etc/passwd', dir, path.posix.join, '/')).toBe('/opt/radica/renderer/etc/passwd');
    expect(archivoDeRenderer('app://radica/..%2f..%2fetc%2fpasswd', dir, path.posix.join, '/')).toBeNull();
    expect(archivoDeRenderer('app://radica/%E0%A4%A', dir, path.posix.join, '/')).toBeNull();
    expect(archivoDeRenderer('app://otro/index.html', dir, path.posix.join, '/')).toBeNull();
    expect(archivoDeRenderer('file:///etc/passwd', dir, path.posix.join, '/')).toBeNull();
  });

  it('CSP sin scripts en línea ni conexiones remotas', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'none'");
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('la ventana se crea con aislamiento, sandbox y sin Node', () => {
    const main = readFileSync(path.join(root, 'electron/main/main.ts'), 'utf8');
    for (const s of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false', 'app.enableSandbox()', 'setWindowOpenHandler', "'will-navigate'", 'setPermissionRequestHandler']) {
      expect(main, s).toContain(s);
    }
  });

  it('el preload expone exactamente una función por canal del contrato', () => {
    const preload = readFileSync(path.join(root, 'electron/main/preload.ts'), 'utf8');
    const pares = Object.fromEntries([...preload.matchAll(/(\w+): canal\('([\w:]+)'\)/g)].map((m) => [m[1], m[2]]));
    expect(pares).toEqual(metodosApi);
    expect(Object.values(metodosApi).sort()).toEqual([...canales].sort());
    expect(preload).not.toMatch(/ipcRenderer\.(send|on|sendSync|postMessage)\(|exposeInMainWorld\('ipc/);
  });
});
