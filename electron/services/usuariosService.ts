import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { StationContext } from './context';
import type { Rol, Usuario } from '../../shared/domain/radicado';
import { RadicaError } from '../../shared/ipc/result';

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(pin, salt, 32).toString('base64')}`;
}

export function pinValido(pin: string, stored: string): boolean {
  const [alg, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(expected, got);
}

export const USUARIOS_DEMO: { usuario: string; nombre: string; rol: Rol }[] = [
  { usuario: 'radicador', nombre: 'Laura Gómez', rol: 'radicador' },
  { usuario: 'coordinador', nombre: 'Carlos Ruiz', rol: 'coordinador' },
  { usuario: 'admin', nombre: 'Administración TI', rol: 'administrador' },
];
export const PIN_DEMO = '1234';

export class UsuariosService {
  constructor(private readonly ctx: StationContext) {}

  listar(): Usuario[] {
    return this.ctx.usuarios.listar();
  }

  autenticar(usuario: string, pin: string): Usuario {
    const u = this.ctx.usuarios.conPin(usuario);
    // Same message whether the user or the PIN is wrong: do not reveal which users exist.
    if (!u || !pinValido(pin, u.pinHash)) throw new RadicaError('SIN_SESION', 'Usuario o PIN incorrectos. Intente de nuevo.');
    return { usuario: u.usuario, nombre: u.nombre, rol: u.rol };
  }

  crear(input: { usuario: string; nombre: string; rol: Rol; pin: string }, actor: string): Usuario {
    const { usuarios, audit, db, clock } = this.ctx;
    db.transaction(() => {
      if (usuarios.existe(input.usuario)) throw new RadicaError('CONFLICTO', `El usuario ${input.usuario} ya existe.`);
      const en = clock();
      usuarios.crear({ usuario: input.usuario, nombre: input.nombre, rol: input.rol, pinHash: hashPin(input.pin) }, en);
      audit.append({ en, actor, accion: 'crear_usuario', radicadoId: null, detalle: { usuario: input.usuario, rol: input.rol } });
    }).immediate();
    return { usuario: input.usuario, nombre: input.nombre, rol: input.rol };
  }
}
