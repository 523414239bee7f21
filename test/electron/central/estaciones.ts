/**
 * Stations for the central store's tests: real temporary SQLite data directories, any sede and
 * ventanilla, a controllable clock, and the router with an administrator's and a coordinator's
 * session.
 */
import { rmSync } from 'node:fs';
import { openStation, type Station } from '../../../electron/station';
import type { FuenteRevision } from '../../../electron/revision/fuente';
import { Replicador, type OpcionesReplicador } from '../../../electron/central/replicador';
import { motorOcrFalso } from '../../../electron/anexos/ocr';
import type { Resultado } from '../../../shared/ipc/result';
import type { Usuario } from '../../../shared/domain/radicado';
import { radicacion, tempDir } from '../helpers';

export const ADMIN: Usuario = { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' };
export const COORDINADORA: Usuario = { usuario: 'coordinador', nombre: 'Carla Coordinadora', rol: 'coordinador' };

export type EstacionPrueba = Awaited<ReturnType<typeof estacionPrueba>>;

export async function estacionPrueba(
  sede: string,
  ventanilla: string,
  o: { now?: number; dir?: string; init?: boolean; fuenteRevision?: FuenteRevision } = {},
) {
  const dir = o.dir ?? tempDir(`radica-central-${sede}${ventanilla}-`);
  let now = o.now ?? Date.parse('2026-11-18T15:00:00Z');
  const station: Station = openStation({ dataDir: dir, clock: () => now, ocr: motorOcrFalso() });
  if (o.fuenteRevision) station.services.revision.usarFuente(o.fuenteRevision);
  const call = async (canal: string, payload: unknown, clientId = 'admin') => (await station.router.handle(canal, payload, { clientId })) as Resultado<any>;
  const ok = async (canal: string, payload: unknown, clientId = 'admin') => {
    const r = await call(canal, payload, clientId);
    if (!r.ok) throw new Error(`${canal}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  if (o.init !== false) {
    await ok('estacion:inicializar', { entidad: 'Alcaldía de Prueba', sede, ventanilla, usuariosDemo: true }, 'setup');
  }
  station.router.fijarSesion('admin', ADMIN);
  station.router.fijarSesion('coord', COORDINADORA);
  const ctx = station.services.context;
  let cerrada = false;
  return {
    dir,
    station,
    ctx,
    ok,
    call,
    sede,
    ventanilla,
    advance: (ms: number) => (now += ms),
    setNow: (ms: number) => (now = ms),
    /** Radicates `n` letters (one minute apart); returns their numbers. */
    async radicar(n = 1, asunto = 'Solicito paz y salvo del impuesto predial'): Promise<string[]> {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        now += 60_000;
        const r = await ok('radicacion:radicar', radicacion({ asunto: `${asunto} (${sede}-${ventanilla} #${i + 1})` }));
        out.push(r.numero as string);
      }
      return out;
    },
    replicador: (op: OpcionesReplicador) => new Replicador(ctx, op),
    /** Outbox rows not sent yet. */
    pendientes: () => ctx.db.prepare('SELECT count(*) FROM outbox WHERE enviado_en IS NULL').pluck().get() as number,
    filasOutbox: () => ctx.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
    auditoria: () => ctx.db.prepare('SELECT count(*) FROM auditoria').pluck().get() as number,
    cerrar(borrar = true) {
      if (cerrada) return;
      cerrada = true;
      void station.services.anexos.cerrar();
      station.close();
      if (borrar) rmSync(dir, { recursive: true, force: true });
    },
  };
}
