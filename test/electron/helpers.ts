import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStation, type Station, type StationOptions } from '../../electron/station';
import type { Resultado } from '../../shared/ipc/result';
import type { RadicarInput } from '../../shared/ipc/contract';

export function tempDir(prefix = 'radica-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A station on a real temporary SQLite file, with a controllable clock. */
export function tempStation(
  opts: { now?: number; init?: boolean } & Pick<StationOptions, 'transportes' | 'ocr' | 'escaner' | 'leerCodigos'> = {},
) {
  const dir = tempDir();
  let now = opts.now ?? Date.parse('2026-07-08T14:00:00Z');
  const station: Station = openStation({
    dataDir: dir,
    clock: () => now,
    transportes: opts.transportes,
    ocr: opts.ocr,
    escaner: opts.escaner,
    leerCodigos: opts.leerCodigos,
  });
  const call = async (canal: string, payload: unknown, clientId = 'test') =>
    (await station.router.handle(canal, payload, { clientId })) as Resultado<any>;
  const ok = async (canal: string, payload: unknown, clientId = 'test') => {
    const r = await call(canal, payload, clientId);
    if (!r.ok) throw new Error(`${canal}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  /** The error of a call that must fail (and fails the test if it succeeds). */
  const falla = async (canal: string, payload: unknown, clientId = 'test') => {
    const r = await call(canal, payload, clientId);
    if (r.ok) throw new Error(`${canal}: se esperaba un error y funcionó`);
    return r.error;
  };
  const setup = async () => {
    await ok('estacion:inicializar', { entidad: 'Alcaldía de Prueba', sede: '01', ventanilla: '03', usuariosDemo: true }, 'setup');
    station.router.fijarSesion('test', { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' });
  };
  return {
    dir,
    station,
    call,
    ok,
    falla,
    setup,
    setNow: (ms: number) => (now = ms),
    advance: (ms: number) => (now += ms),
    close: () => {
      station.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function radicacion(over: Partial<RadicarInput> = {}, remitente: Partial<RadicarInput['remitente']> = {}): RadicarInput {
  return {
    remitente: {
      tipoDocumento: 'CC',
      numeroDocumento: '1234567',
      nombres: 'María Pérez Gómez',
      telefono: '3001234567',
      correo: null,
      direccion: 'Calle 10 # 5-20',
      autorizaDatos: true,
      ...remitente,
    },
    canal: 'presencial',
    asunto: 'Solicito paz y salvo del impuesto predial',
    tipo: 'PET-GEN',
    dependencia: '300',
    folios: 2,
    anexos: null,
    ...over,
  };
}
