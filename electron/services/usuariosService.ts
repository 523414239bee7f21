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

/** A 4-digit PIN is guessable: after this many misses in a row the user waits. */
export const MAX_INTENTOS = 5;
export const BLOQUEO_MS = 60_000;

export class UsuariosService {
  private readonly fallos = new Map<string, { seguidos: number; hasta: number }>();

  constructor(private readonly ctx: StationContext) {}

  listar(): Usuario[] {
    return this.ctx.usuarios.listar();
  }

  autenticar(usuario: string, pin: string): Usuario {
    const ahora = this.ctx.clock();
    const f = this.fallos.get(usuario);
    if (f && f.hasta > ahora) {
      const segundos = Math.ceil((f.hasta - ahora) / 1000);
      throw new RadicaError('SIN_SESION', `Demasiados intentos fallidos. Espere ${segundos} segundos o pida ayuda a su coordinador.`);
    }
    const u = this.ctx.usuarios.conPin(usuario);
    // Same message whether the user or the PIN is wrong: do not reveal which users exist.
    if (!u || !pinValido(pin, u.pinHash)) {
      const seguidos = (f?.seguidos ?? 0) + 1;
      this.fallos.set(usuario, { seguidos, hasta: seguidos >= MAX_INTENTOS ? ahora + BLOQUEO_MS : 0 });
      throw new RadicaError('SIN_SESION', 'Usuario o PIN incorrectos. Intente de nuevo.');
    }
    this.fallos.delete(usuario);
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
