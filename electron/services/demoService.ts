import type { StationContext } from './context';
import { generador } from '../../shared/classifier/azar';
import type { RadicacionService } from './radicacionService';
import { APELLIDOS, ASUNTOS, BARRIOS, CALLES, ENTIDADES, NOMBRES, PROPORCION_CANALES, PROPORCION_TIPOS } from './demoData';
import { addDays, bogotaDate, bogotaInstant } from '../../shared/domain/bogota';
import type { Usuario } from '../../shared/domain/radicado';
import type { ValidadoDe } from '../../shared/ipc/contract';
import { RadicaError } from '../../shared/ipc/result';
import { registroDeSugerencias, type ResultadoSugerencias } from '../../shared/sugerencias';

const LOTE = 2000;
const OCHO_SEMANAS_MS = 56 * 86_400_000;
const JORNADA = { inicio: 7, fin: 17 };

/** Seeded (the same seed gives the same demo); the classifier's mulberry32, shared. */
export const rng = generador;

function elegirPonderado(r: () => number, tabla: [string, number][]): string {
  const total = tabla.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of tabla) {
    x -= w;
    if (x < 0) return v;
  }
  return tabla[tabla.length - 1]![0];
}

const elegir = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * Instants for n radicados, increasing, inside office hours (7:00–17:00 Bogotá, Monday–Friday) of
 * the window [desde, hasta]. Falls back to spreading evenly if the window holds no office hours.
 */
export function instantesDemo(n: number, desde: number, hasta: number, r: () => number): number[] {
  const tramos: [number, number][] = [];
  for (let d = bogotaDate(desde); d <= bogotaDate(hasta); d = addDays(d, 1)) {
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const a = Math.max(desde, bogotaInstant(d, JORNADA.inicio));
    const b = Math.min(hasta, bogotaInstant(d, JORNADA.fin));
    if (b > a) tramos.push([a, b]);
  }
  if (tramos.length === 0) tramos.push([desde, hasta]);
  const total = tramos.reduce((s, [a, b]) => s + (b - a), 0);
  const fracciones = Array.from({ length: n }, () => r()).sort((x, y) => x - y);
  const out: number[] = [];
  let t = 0;
  let acumulado = 0;
  for (const f of fracciones) {
    let pos = f * total;
    while (t < tramos.length - 1 && pos >= acumulado + (tramos[t]![1] - tramos[t]![0])) {
      acumulado += tramos[t]![1] - tramos[t]![0];
      t++;
    }
    pos -= acumulado;
    let instante = Math.floor(tramos[t]![0] + pos);
    const prev = out[out.length - 1];
    if (prev !== undefined && instante <= prev) instante = prev + 1;
    out.push(instante);
  }
  return out;
}

/**
 * The mistakes clerks really make (DOMAIN.md, weekly review): a tipo confused with its neighbour,
 * a tutela filed as a plain petition, a letter routed to the wrong dependencia. About 7 % of tipos
 * and 4 % of dependencias, so the demo week gives the coordinator something to find.
 */
const CONFUSIONES: Record<string, string[]> = {
  'PET-GEN': ['QUE', 'PET-DOC', 'REC'],
  'PET-DOC': ['PET-GEN', 'PET-CON'],
  'PET-CON': ['PET-GEN'],
  QUE: ['REC', 'PET-GEN', 'DEN'],
  REC: ['QUE'],
  DEN: ['QUE'],
  SUG: ['FEL', 'PET-GEN'],
  TRA: ['PET-GEN'],
  TUT: ['PET-GEN', 'QUE'],
};

function conErrorDeFuncionario(
  radicado: ValidadoDe<'radicacion:radicar'>,
  r: () => number,
  dependencias: readonly string[],
): ValidadoDe<'radicacion:radicar'> {
  const out = { ...radicado };
  const confusiones = CONFUSIONES[out.tipo];
  // A tutela misfiled is the costly case: it happens more than the share of tutelas suggests.
  if (confusiones && r() < (out.tipo === 'TUT' ? 0.3 : 0.07)) {
    out.tipo = elegir(r, confusiones);
    out.termino = null;
  }
  if (r() < 0.04) out.dependencia = elegir(r, dependencias.filter((d) => d !== out.dependencia));
  return out;
}

/** Synthetic radicados in this station's own series, marked demo, for demos and benchmarks. */
export class DemoService {
  /**
   * `sugerir`: what the station suggests for an asunto (ClasificacionService.sugerir). Each demo
   * radicado records it as if the clerk had seen it while typing, so the demo's report and the
   * Clasificador screen show how the suggestions did, as a real week would.
   */
  constructor(
    private readonly ctx: StationContext,
    private readonly radicacion: RadicacionService,
    private readonly sugerir: ((asunto: string) => ResultadoSugerencias) | null = null,
  ) {}

  /** `sinSugerencias`: the benchmark's large stores measure radicación alone, as before suggestions were recorded. */
  generar(cantidad: number, actor: Usuario, semilla = 2026, o: { sinSugerencias?: boolean } = {}): { creados: number; desde: string | null; hasta: string | null } {
    const sugerir = o.sinSugerencias ? null : this.sugerir;
    this.ctx.estacion();
    const r = rng(semilla + (this.ctx.radicados.ultimaFechaHora() ?? 0));
    const ahora = this.ctx.clock();
    // Never before an existing radicado: numbers must follow the order of receipt.
    const ultimo = this.ctx.radicados.ultimaFechaHora();
    const desde = Math.max(ahora - OCHO_SEMANAS_MS, (ultimo ?? 0) + 1);
    const hasta = ahora - 1;
    // Each radicado needs its own millisecond, and none may be dated in the future.
    if (hasta - desde < cantidad) {
      throw new RadicaError('CONFLICTO', 'No hay espacio en el tiempo para esos radicados de demostración después del último radicado; espere un momento e intente de nuevo.');
    }
    const instantes = instantesDemo(cantidad, desde, hasta, r);
    const radicadores = this.ctx.usuarios.listar().filter((u) => u.rol === 'radicador');
    const funcionarios: Usuario[] = radicadores.length > 0 ? radicadores : [{ usuario: 'radicador', nombre: 'Radicador', rol: 'radicador' }];
    const conocidos: ValidadoDe<'radicacion:radicar'>['remitente'][] = [];
    // The clerks' mistakes draw from their own sequence: the rest of the demo stays as it was.
    const errores = rng(semilla * 7 + 13 + (ultimo ?? 0));
    const dependencias = [...new Set(Object.values(ASUNTOS).flatMap((xs) => xs.map(([, d]) => d)))];

    for (let inicio = 0; inicio < cantidad; inicio += LOTE) {
      const fin = Math.min(cantidad, inicio + LOTE);
      const funcionario = elegir(r, funcionarios);
      const lote: ValidadoDe<'radicacion:radicar'>[] = [];
      for (let i = inicio; i < fin; i++) {
        const radicado = this.radicadoDemo(r, conocidos);
        // Suggested on the asunto before the clerk chose (and sometimes chose wrong).
        const sugerencia = sugerir ? registroDeSugerencias(sugerir(radicado.asunto)) : null;
        lote.push({ ...conErrorDeFuncionario(radicado, errores, dependencias), sugerencia });
      }
      this.radicacion.radicarLote(lote, funcionario, (i) => instantes[inicio + i]!, true);
    }
    this.ctx.db
      .transaction(() => {
        this.ctx.audit.append({ en: this.ctx.clock(), actor: actor.usuario, accion: 'demo', radicadoId: null, detalle: { cantidad } });
      })
      .immediate();
    return {
      creados: cantidad,
      desde: instantes.length ? new Date(instantes[0]!).toISOString() : null,
      hasta: instantes.length ? new Date(instantes[instantes.length - 1]!).toISOString() : null,
    };
  }

  private radicadoDemo(r: () => number, conocidos: ValidadoDe<'radicacion:radicar'>['remitente'][]): ValidadoDe<'radicacion:radicar'> {
    const tipo = elegirPonderado(r, PROPORCION_TIPOS);
    const [plantilla, dependencia] = elegir(r, ASUNTOS[tipo] ?? ASUNTOS['PET-GEN']!);
    const asunto = plantilla
      .replace('{b}', elegir(r, BARRIOS))
      .replace('{d}', `${elegir(r, CALLES)} ${1 + Math.floor(r() * 120)} # ${1 + Math.floor(r() * 90)}-${10 + Math.floor(r() * 89)}`)
      .replace('{p}', `${String.fromCharCode(65 + Math.floor(r() * 26), 65 + Math.floor(r() * 26), 65 + Math.floor(r() * 26))}${100 + Math.floor(r() * 900)}`)
      .replace('{n}', String(10000 + Math.floor(r() * 89999)));
    let remitente;
    if (conocidos.length > 20 && r() < 0.3) remitente = elegir(r, conocidos);
    else if (tipo === 'TUT' || r() < 0.05) {
      remitente = { tipoDocumento: 'NIT' as const, numeroDocumento: String(800000000 + Math.floor(r() * 99999999)), nombres: elegir(r, ENTIDADES), telefono: null, correo: null, direccion: null, autorizaDatos: true };
    } else {
      const nombres = `${elegir(r, NOMBRES)} ${elegir(r, APELLIDOS)} ${elegir(r, APELLIDOS)}`;
      remitente = {
        tipoDocumento: 'CC' as const,
        numeroDocumento: String(10_000_000 + Math.floor(r() * 1_190_000_000)),
        nombres,
        telefono: `3${Math.floor(r() * 1e9).toString().padStart(9, '0')}`,
        correo: r() < 0.5 ? `${nombres.split(' ')[0]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}${Math.floor(r() * 1000)}@correo.example` : null,
        direccion: `${elegir(r, CALLES)} ${1 + Math.floor(r() * 120)} # ${1 + Math.floor(r() * 90)}-${10 + Math.floor(r() * 89)}`,
        autorizaDatos: true,
      };
      if (conocidos.length < 50_000) conocidos.push(remitente);
    }
    return {
      remitente,
      canal: elegirPonderado(r, PROPORCION_CANALES) as ValidadoDe<'radicacion:radicar'>['canal'],
      asunto,
      tipo,
      dependencia,
      folios: 1 + Math.floor(r() * 6),
      anexos: r() < 0.15 ? 'Fotografías impresas' : null,
      termino: tipo === 'TUT' ? { cantidad: 48, unidad: 'horas' } : null,
    };
  }
}
