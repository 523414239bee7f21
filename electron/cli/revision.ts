/**
 * `radica revision cola | marcar` and `radica informe semanal`: the weekly review from the command
 * line (coordinators' scheduled reports, scripts), through the same router and role checks as the UI.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Canal, SalidaDe } from '../../shared/ipc/contract';
import type { Router } from '../router';
import type { Usuario } from '../../shared/domain/radicado';
import { formatFecha, formatFechaHora } from '../../shared/domain/bogota';
import type { ColaRevision, InformeSemanal } from '../../shared/domain/revision';
import { NOMBRE_OBJETIVO } from '../../shared/sugerencias';

type Llamar = <C extends Canal>(canal: C, payload: unknown) => Promise<SalidaDe<C>>;

export const COMANDOS_REVISION = ['revision', 'informe'] as const;

export interface OpcionesCliRevision {
  sub: string | undefined;
  numero: string | undefined;
  semana?: string;
  sede?: string;
  ventanillas?: string;
  muestra?: number;
  prioridad?: string;
  veredicto?: string;
  tipoCorrecto?: string;
  dependenciaCorrecta?: string;
  observacion?: string;
  revisor?: string;
  formato?: string;
  out?: string;
}

export class UsoRevision extends Error {}

const pct = (x: number) => `${(x * 100).toLocaleString('es-CO', { maximumFractionDigits: 1 })} %`;

function alcance(o: OpcionesCliRevision) {
  return {
    semana: o.semana ?? 'actual',
    ...(o.sede ? { sede: o.sede } : {}),
    ...(o.ventanillas ? { ventanillas: o.ventanillas.split(',').map((v) => v.trim()).filter(Boolean) } : {}),
  };
}

function textoCola(c: ColaRevision): string {
  if (c.total === 0) return `Semana ${c.semana.semana} (${formatFecha(c.semana.desde)} a ${formatFecha(c.semana.hasta)}): no hay radicados para revisar.`;
  return [
    `Semana ${c.semana.semana} (${formatFecha(c.semana.desde)} a ${formatFecha(c.semana.hasta)}): ${c.total} radicados, ${c.revisados} revisados; en la cola ${c.items.length}.`,
    ...c.items.map(
      (i) =>
        `${i.numero}  ${formatFechaHora(i.fechaHora)}  ${i.tipo.padEnd(8)} ${i.dependencia.padEnd(5)} riesgo ${pct(i.riesgo).padStart(7)}${i.marca ? `  [${i.marca.veredicto}]` : ''}  ${i.asunto.slice(0, 60)}` +
        i.motivos.map((m) => `\n    - ${m}`).join(''),
    ),
  ].join('\n');
}

function textoInforme(i: InformeSemanal): string {
  const fila = (nombre: string, f: InformeSemanal['totales']) =>
    `  ${nombre.padEnd(30)} ${String(f.radicados).padStart(7)} ${String(f.revisados).padStart(9)} ${String(f.erroresClasificacion).padStart(6)} ${String(f.erroresDireccionamiento).padStart(6)} ${pct(f.tasaError).padStart(8)}`;
  return [
    `${i.entidad} — informe semanal de revisión ${i.semana} (${formatFecha(i.desde)} a ${formatFecha(i.hasta)})`,
    `  ${''.padEnd(30)} radicados revisados  clasif  direcc     tasa`,
    fila('Total', i.totales),
    ...i.ventanillas.map((v) => fila(`Sede ${v.sede} · ventanilla ${v.ventanilla}`, v)),
    ...i.funcionarios.map((f) => fila(f.nombre, f)),
    ...i.sugerencias.objetivos.map((o) => {
      const t = o.total;
      const de = `de ${i.sugerencias.radicados} radicados`;
      if (t.sugeridas === 0) return `  Sugerencias de ${NOMBRE_OBJETIVO[o.objetivo].toLowerCase()}: ninguna ${de}`;
      const revisadas = t.revisadas > 0 ? `, acertadas entre las revisadas ${t.acertadasRevisadas} de ${t.revisadas}` : '';
      return `  Sugerencias de ${NOMBRE_OBJETIVO[o.objetivo].toLowerCase()}: ${t.sugeridas} ${de}; aceptadas ${pct(t.aceptadas / t.sugeridas)}, acertadas ${pct(t.acertadas / t.sugeridas)}${revisadas}`;
    }),
  ].join('\n');
}

export async function comandoRevision(
  comando: (typeof COMANDOS_REVISION)[number],
  call: Llamar,
  router: Router,
  usuario: Usuario,
  o: OpcionesCliRevision,
  requerida: (v: string | undefined, nombre: string) => string,
): Promise<{ json: unknown; texto: string }> {
  if (comando === 'informe') {
    if (o.sub !== 'semanal') throw new UsoRevision('Use: radica informe semanal --semana 2026-W47 --formato pdf|xlsx|csv|json --out ARCHIVO');
    if (o.revisor) router.fijarSesion('cli', { ...usuario, nombre: o.revisor });
    const formato = requerida(o.formato, 'formato');
    const out = path.resolve(requerida(o.out, 'out'));
    const a = await call('informe:archivo', { ...alcance(o), formato });
    const bytes = Buffer.from(a.base64, 'base64');
    // Beside the target and renamed: a mail job picking up the folder never sends half a report.
    const temporal = `${out}.${process.pid}.tmp`;
    writeFileSync(temporal, bytes);
    renameSync(temporal, out);
    const informe = await call('informe:semanal', alcance(o));
    return {
      json: { archivo: out, formato, bytes: bytes.length, semana: informe.semana, totales: informe.totales },
      texto: `${textoInforme(informe)}\nInforme ${formato.toUpperCase()} en ${out} (${bytes.length.toLocaleString('es-CO')} bytes).`,
    };
  }
  switch (o.sub) {
    case 'cola': {
      const modo = o.muestra !== undefined ? 'muestra' : o.prioridad === 'riesgo' ? 'riesgo' : 'todo';
      if (o.prioridad !== undefined && o.prioridad !== 'riesgo' && o.prioridad !== 'fecha') throw new UsoRevision(`--prioridad es riesgo o fecha (recibí "${o.prioridad}").`);
      const c = await call('revision:cola', { ...alcance(o), modo, ...(o.muestra !== undefined ? { muestra: o.muestra } : {}) });
      return {
        json: c.items.map((i) => ({
          numero: i.numero,
          tipo: i.tipo,
          dependencia: i.dependencia,
          riesgo: i.riesgo,
          motivos: i.motivos,
          fechaHora: i.fechaHora,
          sede: i.sede,
          ventanilla: i.ventanilla,
          radicador: i.radicador,
          asunto: i.asunto,
          marca: i.marca ? { veredicto: i.marca.veredicto, tipoCorrecto: i.marca.tipoCorrecto, dependenciaCorrecta: i.marca.dependenciaCorrecta, revisor: i.marca.revisorNombre } : null,
        })),
        texto: textoCola(c),
      };
    }
    case 'marcar': {
      const revisor = requerida(o.revisor, 'revisor');
      router.fijarSesion('cli', { ...usuario, nombre: revisor });
      const r = await call('revision:marcar', {
        numero: requerida(o.numero, 'numero (NUMERO)'),
        veredicto: requerida(o.veredicto, 'veredicto'),
        tipoCorrecto: o.tipoCorrecto ?? null,
        dependenciaCorrecta: o.dependenciaCorrecta ?? null,
        observacion: o.observacion ?? null,
      });
      const m = r.marca;
      return {
        json: { ...m, terminoCorrecto: r.terminoCorrecto },
        texto: [
          `${m.numero}: ${m.veredicto === 'correcto' ? 'correcto' : 'INCORRECTO'} (revisó ${m.revisorNombre}, ${formatFechaHora(m.revisadoEn)}).`,
          ...(m.tipoCorrecto ? [`  Tipo correcto: ${m.tipoCorrecto}`] : []),
          ...(m.dependenciaCorrecta ? [`  Dependencia correcta: ${m.dependenciaCorrecta}`] : []),
          ...(r.terminoCorrecto ? [`  ${r.terminoCorrecto}`] : []),
          ...(m.observacion ? [`  Observación: ${m.observacion}`] : []),
        ].join('\n'),
      };
    }
    default:
      throw new UsoRevision('Use: radica revision cola --semana S [--muestra N] [--prioridad riesgo] | radica revision marcar NUMERO --veredicto correcto|incorrecto --revisor "Nombre"');
  }
}
