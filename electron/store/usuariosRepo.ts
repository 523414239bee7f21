import type { Db } from './db';
import type { Rol, Usuario } from '../../shared/domain/radicado';

export class UsuariosRepo {
  constructor(private readonly db: Db) {}

  listar(): Usuario[] {
    return this.db.prepare('SELECT usuario, nombre, rol FROM usuarios WHERE activo = 1 ORDER BY rol, nombre').all() as Usuario[];
  }

  conPin(usuario: string): (Usuario & { pinHash: string }) | undefined {
    return this.db
      .prepare('SELECT usuario, nombre, rol, pin_hash AS pinHash FROM usuarios WHERE usuario = ? AND activo = 1')
      .get(usuario) as (Usuario & { pinHash: string }) | undefined;
  }

  existe(usuario: string): boolean {
    return this.db.prepare('SELECT 1 FROM usuarios WHERE usuario = ?').get(usuario) !== undefined;
  }

  crear(u: { usuario: string; nombre: string; rol: Rol; pinHash: string }, en: number): void {
    this.db
      .prepare('INSERT INTO usuarios (usuario, nombre, rol, pin_hash, creado_en) VALUES (?, ?, ?, ?, ?)')
      .run(u.usuario, u.nombre, u.rol, u.pinHash, en);
  }
}
