import { randomBytes } from 'node:crypto';
import type { Db } from './db';
import { catalogoSchema, type Catalogo } from '../../shared/domain/catalog';
import type { ConfiguracionEstacion } from '../../shared/domain/radicado';

export class ConfigRepo {
  constructor(private readonly db: Db) {}

  estacion(): ConfiguracionEstacion | null {
    const row = this.db.prepare("SELECT valor FROM configuracion WHERE clave = 'estacion'").get() as { valor: string } | undefined;
    return row ? (JSON.parse(row.valor) as ConfiguracionEstacion) : null;
  }

  guardarEstacion(config: ConfiguracionEstacion): void {
    this.db
      .prepare("INSERT INTO configuracion (clave, valor) VALUES ('estacion', ?) ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor")
      .run(JSON.stringify(config));
  }

  /** The secret of this installation (HMAC for verification codes, station identity). */
  valor(clave: string): string | null {
    const row = this.db.prepare('SELECT valor FROM configuracion WHERE clave = ?').get(clave) as { valor: string } | undefined;
    return row?.valor ?? null;
  }

  borrarValor(clave: string): void {
    this.db.prepare('DELETE FROM configuracion WHERE clave = ?').run(clave);
  }

  fijarValor(clave: string, valor: string): void {
    this.db.prepare('INSERT INTO configuracion (clave, valor) VALUES (?, ?) ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor').run(clave, valor);
  }

  /**
   * This installation's key (created by `radica init`; created here for a station initialised before
   * it existed). The central store gives a station's series to the first key that claims it.
   */
  instalacion(): string {
    const ya = this.valor('instalacion');
    if (ya) return ya;
    this.db.prepare("INSERT OR IGNORE INTO configuracion (clave, valor) VALUES ('instalacion', ?)").run(randomBytes(16).toString('hex'));
    return this.valor('instalacion')!;
  }

  catalogoVigente(): Catalogo | null {
    const row = this.db.prepare('SELECT contenido FROM catalogo_versiones ORDER BY version DESC LIMIT 1').get() as
      | { contenido: string }
      | undefined;
    return row ? catalogoSchema.parse(JSON.parse(row.contenido)) : null;
  }

  catalogoVersion(version: number): Catalogo | null {
    const row = this.db.prepare('SELECT contenido FROM catalogo_versiones WHERE version = ?').get(version) as
      | { contenido: string }
      | undefined;
    return row ? catalogoSchema.parse(JSON.parse(row.contenido)) : null;
  }

  guardarCatalogo(catalogo: Catalogo, en: number, por: string): void {
    this.db
      .prepare('INSERT INTO catalogo_versiones (version, contenido, creado_en, creado_por) VALUES (?, ?, ?, ?)')
      .run(catalogo.version, JSON.stringify(catalogo), en, por);
  }
}
