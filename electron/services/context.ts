import type { Db } from '../store/db';
import { AuditRepo } from '../store/auditRepo';
import { ConfigRepo } from '../store/configRepo';
import { OutboxRepo } from '../store/outboxRepo';
import { RadicadosRepo } from '../store/radicadosRepo';
import { UsuariosRepo } from '../store/usuariosRepo';
import type { Catalogo } from '../../shared/domain/catalog';
import type { ConfiguracionEstacion } from '../../shared/domain/radicado';
import { calendarioHabil, type CalendarioHabil } from '../../shared/domain/holidays';
import { RadicaError } from '../../shared/ipc/result';
import { codigoValido, codigoVerificacion } from './codigoVerificacion';
import { TrabajosRepo } from '../store/trabajosRepo';
import { ClasificacionRepo } from '../store/clasificacionRepo';
import { AnexosRepo } from '../store/anexosRepo';
import { RevisionRepo } from '../store/revisionRepo';

export type Clock = () => number;

/** What every service needs: the database, its repositories and the injected clock. */
export class StationContext {
  readonly config: ConfigRepo;
  readonly usuarios: UsuariosRepo;
  readonly radicados: RadicadosRepo;
  readonly audit: AuditRepo;
  readonly outbox: OutboxRepo;
  readonly trabajos: TrabajosRepo;
  readonly clasificacion: ClasificacionRepo;
  readonly anexos: AnexosRepo;
  readonly revisiones: RevisionRepo;
  private catalogos = new Map<number, { catalogo: Catalogo; calendario: CalendarioHabil }>();
  private readonly ultimaVersion;

  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly dataDir: string,
  ) {
    this.config = new ConfigRepo(db);
    this.usuarios = new UsuariosRepo(db);
    this.radicados = new RadicadosRepo(db);
    this.audit = new AuditRepo(db);
    this.outbox = new OutboxRepo(db);
    this.trabajos = new TrabajosRepo(db);
    this.clasificacion = new ClasificacionRepo(db);
    this.anexos = new AnexosRepo(db);
    this.revisiones = new RevisionRepo(db);
    this.ultimaVersion = db.prepare('SELECT max(version) AS v FROM catalogo_versiones');
  }

  estacion(): ConfiguracionEstacion {
    const c = this.config.estacion();
    if (!c) {
      throw new RadicaError(
        'NO_INICIALIZADA',
        'Esta estación aún no está configurada. Configure entidad, sede y ventanilla (radica init o la pantalla de primera vez).',
      );
    }
    return c;
  }

  /** The installation's secret (see codigoVerificacion.ts): created by `radica init`. */
  private secreto(): string {
    const s = this.config.valor('secreto');
    if (!s) throw new RadicaError('NO_INICIALIZADA', 'Esta estación aún no está configurada (falta su clave de verificación). Ejecute radica init.');
    return s;
  }

  codigoVerificacion(numero: string, fechaHora: number): string {
    return codigoVerificacion(this.secreto(), numero, fechaHora);
  }

  codigoValido(numero: string, fechaHora: number, codigo: string): boolean {
    return codigoValido(this.secreto(), numero, fechaHora, codigo);
  }

  /** The catalog in force; another process (an administrator's import) may have added a version. */
  catalogoVigente(): { catalogo: Catalogo; calendario: CalendarioHabil } {
    const v = (this.ultimaVersion.get() as { v: number | null }).v;
    if (v === null) throw new RadicaError('NO_INICIALIZADA', 'La estación no tiene catálogo de tipos documentales. Ejecute radica init.');
    return this.catalogoVersion(v);
  }

  catalogoVersion(version: number): { catalogo: Catalogo; calendario: CalendarioHabil } {
    let entry = this.catalogos.get(version);
    if (!entry) {
      const catalogo = this.config.catalogoVersion(version);
      if (!catalogo) throw new RadicaError('NO_ENCONTRADO', `No existe la versión ${version} del catálogo.`);
      entry = { catalogo, calendario: calendarioHabil(catalogo.diasNoHabiles) };
      this.catalogos.set(version, entry);
    }
    return entry;
  }
}
