/**
 * Weekly reports to write files from: a realistic week of an Ibagué-like entity (2 ventanillas, 4
 * clerks, mixed-up tipos and dependencias, long Spanish observations, 8 weeks of trend) and an
 * empty week. The figures are computed from simulated radicados, as shared/revision would, so the
 * totals are the sums of the rows and every format has something consistent to agree on.
 * Deterministic: the same arguments give the same report.
 */
import catalogo from '../../../resources/catalogo.json';
import { addDays, bogotaInstant } from '../../../shared/domain/bogota';
import { generador } from '../../../shared/classifier/azar';
import { desempenoSugerencias, type ModeloDeFuente, type UsoSugerencia } from '../../../shared/sugerencias/desempeno';
import {
  semanaIso,
  semanasHasta,
  type Confusion,
  type FigurasRevision,
  type FilaFuncionario,
  type FilaVentanilla,
  type InformeSemanal,
  type ObservacionInforme,
  type PuntoTendencia,
  type SugerenciasInforme,
} from '../../../shared/domain/revision';

export const SEMANA = '2026-W47';
export const FIRMADO_POR = 'Carlos Ruiz';
export const ENTIDAD = 'Alcaldía de Ibagué';

/** Bogota, Monday 23 November 2026, 07:30. */
export const GENERADO_EN = bogotaInstant('2026-11-23', 7, 30);

export const FUNCIONARIOS = [
  { funcionario: 'mospina', nombre: 'María Fernanda Ospina Núñez', sede: '01', ventanilla: '01', peso: 0.31 },
  { funcionario: 'jcastaneda', nombre: 'Julián Castañeda Peña', sede: '01', ventanilla: '01', peso: 0.24 },
  { funcionario: 'lbermudez', nombre: 'Luz Ángela Bermúdez Ríos', sede: '01', ventanilla: '02', peso: 0.26 },
  { funcionario: 'aquinonez', nombre: 'Andrés Quiñónez Ibáñez', sede: '01', ventanilla: '02', peso: 0.19 },
] as const;

const REVISORES = ['Carlos Ruiz', 'Sofía Arango Gómez'];

/** Tipo filed → what a reviewer found it was, the usual mix-ups of a ventanilla. */
const CONFUSIONES_TIPO: [string, string][] = [
  ['PET-GEN', 'PET-DOC'],
  ['PET-GEN', 'QUE'],
  ['REC', 'QUE'],
  ['QUE', 'REC'],
  ['PET-GEN', 'PET-CON'],
  ['COM', 'PET-AUT'],
  ['JUD', 'TUT'],
  ['DEN', 'QUE'],
  ['COM', 'ECO'],
];
const CONFUSIONES_DEP: [string, string][] = [
  ['200', '300'],
  ['500', '900'],
  ['200', '700'],
  ['110', '130'],
  ['400', '800'],
  ['1000', '510'],
];
const TIPOS_COMUNES = ['PET-GEN', 'PET-DOC', 'QUE', 'REC', 'COM', 'PET-CON', 'DEN', 'JUD', 'SUG', 'EXO-PYP'];
const DEPENDENCIAS_COMUNES = ['200', '300', '500', '900', '700', '400', '110', '1000', '800', '600'];

const FRASES = [
  'El ciudadano solicita copia del expediente de la licencia de construcción y no una respuesta de fondo; corresponde a petición de documentos.',
  'El asunto dice «queja por mala atención en la ventanilla de Movilidad», pero se radicó como petición general: el término correcto es otro.',
  'Revisar con la funcionaria la diferencia entre queja y reclamo: aquí el usuario manifiesta inconformidad con el cobro del impuesto predial.',
  'La comunicación viene de la Personería Municipal y pide información en cinco días; es requerimiento de ente de control, no correspondencia general.',
  'Se trata de la notificación de un fallo de tutela del Juzgado Segundo Administrativo; debió ir a la Oficina Asesora Jurídica con término de tutela.',
  'El remitente adjunta fotografías del daño en la vía del barrio Jordán y pide intervención: es competencia de Infraestructura y Obras Públicas.',
  'Buena clasificación; sin embargo, el asunto quedó incompleto («solicitud») y no permite a la dependencia saber qué se pide. Escribir el asunto completo.',
  'La señora pregunta por la inscripción de su hijo en el programa de alimentación escolar; la dependencia correcta es la Secretaría de Educación.',
  'Denuncia por presunto cobro indebido de un funcionario en el trámite de exoneración de pico y placa: debe ir a Control Interno Disciplinario.',
  '¿Por qué se envió a Hacienda? El derecho de petición trata sobre un comparendo de tránsito, que atiende la Secretaría de Movilidad.',
  'Correcto el tipo documental; faltó registrar el número de folios y el anexo en CD que trajo el ciudadano (antigüedad del predio).',
  'El peticionario invoca el artículo 23 de la Constitución y pide concepto sobre el uso del suelo: es petición de consulta (30 días hábiles).',
];

interface Fila {
  numero: string;
  fechaHora: number;
  f: (typeof FUNCIONARIOS)[number];
  tipo: string;
  dependencia: string;
  revisado: boolean;
  tipoCorrecto: string | null;
  dependenciaCorrecta: string | null;
  revisadoEn: number;
  revisor: string;
}

interface Acumulado {
  radicados: number;
  revisados: number;
  erroresClasificacion: number;
  erroresDireccionamiento: number;
  conError: number;
}

function acumular(filas: Fila[]): FigurasRevision {
  const a: Acumulado = { radicados: 0, revisados: 0, erroresClasificacion: 0, erroresDireccionamiento: 0, conError: 0 };
  for (const r of filas) {
    a.radicados++;
    if (!r.revisado) continue;
    a.revisados++;
    if (r.tipoCorrecto) a.erroresClasificacion++;
    if (r.dependenciaCorrecta) a.erroresDireccionamiento++;
    if (r.tipoCorrecto || r.dependenciaCorrecta) a.conError++;
  }
  const { conError, ...fig } = a;
  return { ...fig, tasaError: a.revisados === 0 ? 0 : Math.round((conError / a.revisados) * 10_000) / 10_000 };
}

function contar(pares: [string, string][]): Confusion[] {
  const n = new Map<string, Confusion>();
  for (const [de, a] of pares) {
    const k = `${de}>${a}`;
    const c = n.get(k) ?? { de, a, cantidad: 0 };
    c.cantidad++;
    n.set(k, c);
  }
  return [...n.values()].sort((x, y) => y.cantidad - x.cantidad || x.de.localeCompare(y.de) || x.a.localeCompare(y.a));
}

function observacionTexto(azar: () => number, i: number): string {
  const partes = [FRASES[i % FRASES.length]!];
  // Some are long, two or three sentences: they wrap over several lines and push tables across pages.
  const extra = Math.floor(azar() * 3);
  for (let k = 0; k < extra; k++) partes.push(FRASES[Math.floor(azar() * FRASES.length)]!);
  return partes.join(' ');
}

const nombres = {
  tipos: Object.fromEntries(catalogo.tipos.map((t) => [t.codigo, t.nombre])),
  dependencias: Object.fromEntries(catalogo.dependencias.map((d) => [d.codigo, d.nombre])),
};

/**
 * What the station suggested for each radicado, and the figures of it (with its own random
 * stream, so the other sections' figures stay as they were): most suggestions are right, some
 * wrong suggestions were taken and later corrected (the misclassifications they caused), some
 * right ones were overridden by the clerk, and a few radicados got nothing.
 */
function sugerenciasDe(filas: readonly Fila[], semana: { inicioMs: number }): SugerenciasInforme {
  const azar = generador(4747);
  const miercoles = semana.inicioMs + 2 * 86_400_000;
  const otro = (lista: readonly string[], no: string) => {
    const x = lista[Math.floor(azar() * lista.length)]!;
    return x === no ? lista[(lista.indexOf(x) + 1) % lista.length]! : x;
  };
  const usos = filas.map((r): UsoSugerencia => {
    const modelo = r.fechaHora >= miercoles ? '14' : '12';
    const uno = (elegido: string, corregido: string | null, lista: readonly string[]) => {
      if (azar() < 0.06) return { sugerido: null, aceptado: null };
      // A wrong label filed: most of the time the suggestion led to it.
      if (corregido) return azar() < 0.6 ? { sugerido: elegido, aceptado: true } : { sugerido: corregido, aceptado: false };
      return azar() < 0.84 ? { sugerido: elegido, aceptado: azar() < 0.93 } : { sugerido: otro(lista, elegido), aceptado: false };
    };
    const t = uno(r.tipo, r.tipoCorrecto, TIPOS_COMUNES);
    const d = uno(r.dependencia, r.dependenciaCorrecta, DEPENDENCIAS_COMUNES);
    // Some tipos came from the catalog's phrases alone (no model key for that objetivo).
    const tipoDeFrases = t.sugerido !== null && azar() < 0.12;
    return {
      numero: r.numero,
      modelo: [tipoDeFrases || t.sugerido === null ? null : `tipo:${modelo}`, d.sugerido === null ? null : `dependencia:${Number(modelo) + 1}`]
        .filter(Boolean)
        .join(',') || 'frases',
      tipoSugerido: t.sugerido,
      tipoAceptado: t.aceptado,
      tipo: r.tipo,
      tipoCorregido: r.tipoCorrecto,
      dependenciaSugerida: d.sugerido,
      dependenciaAceptada: d.aceptado,
      dependencia: r.dependencia,
      dependenciaCorregida: r.dependenciaCorrecta,
      revisado: r.revisado,
    };
  });
  // Newest first: the station trained version 3 of both (ids 14 and 15) on Wednesday.
  const modelos: ModeloDeFuente[] = [15, 14, 13, 12].map((id) => ({ clave: String(id), origen: 'local', version: id >= 14 ? 3 : 2 }));
  const nombre = (o: 'tipo' | 'dependencia', c: string) => (o === 'tipo' ? nombres.tipos : nombres.dependencias)[c] ?? c;
  return { alcance: 'estacion', ...desempenoSugerencias(usos, modelos, nombre) };
}

/**
 * A week with radicados. `observaciones` observations (30 by default; 2,000 for a timing run): the
 * week has enough radicados for them to be a part of the reviewed ones.
 */
export function informeMuestra(opciones: { observaciones?: number } = {}): InformeSemanal {
  const nObs = opciones.observaciones ?? 30;
  const azar = generador(47);
  const semana = semanaIso(SEMANA, 0);
  const total = Math.max(220, Math.ceil(nObs * 1.9));
  const seq = new Map<string, number>();
  const filas: Fila[] = [];
  for (let i = 0; i < total; i++) {
    // Clerks by weight; days Monday to Friday (and a few on Saturday), 07:00–17:59.
    let u = azar();
    const f = FUNCIONARIOS.find((x) => (u -= x.peso) < 0) ?? FUNCIONARIOS[0];
    const dia = Math.min(5, Math.floor(azar() * 5.3));
    const fecha = addDays(semana.desde, dia);
    const fechaHora = bogotaInstant(fecha, 7 + Math.floor(azar() * 11), Math.floor(azar() * 60));
    const revisado = azar() < 0.72;
    const errTipo = revisado && azar() < 0.13;
    const errDep = revisado && azar() < 0.09;
    const confT = CONFUSIONES_TIPO[Math.floor(azar() * CONFUSIONES_TIPO.length)]!;
    const confD = CONFUSIONES_DEP[Math.floor(azar() * CONFUSIONES_DEP.length)]!;
    filas.push({
      numero: '',
      fechaHora,
      f,
      tipo: errTipo ? confT[0] : TIPOS_COMUNES[Math.floor(azar() * TIPOS_COMUNES.length)]!,
      dependencia: errDep ? confD[0] : DEPENDENCIAS_COMUNES[Math.floor(azar() * DEPENDENCIAS_COMUNES.length)]!,
      revisado,
      tipoCorrecto: errTipo ? confT[1] : null,
      dependenciaCorrecta: errDep ? confD[1] : null,
      revisadoEn: Math.min(GENERADO_EN - 3_600_000, fechaHora + (18 + Math.floor(azar() * 30)) * 3_600_000),
      revisor: REVISORES[Math.floor(azar() * REVISORES.length)]!,
    });
  }
  filas.sort((a, b) => a.fechaHora - b.fechaHora);
  for (const r of filas) {
    const estacion = `${r.f.sede}${r.f.ventanilla}`;
    const n = (seq.get(estacion) ?? 4180) + 1;
    seq.set(estacion, n);
    r.numero = `2026-${estacion}-${String(n).padStart(6, '0')}`;
  }

  const ventanillas: FilaVentanilla[] = [...new Set(FUNCIONARIOS.map((f) => `${f.sede}|${f.ventanilla}`))].sort().map((k) => {
    const [sede, ventanilla] = k.split('|') as [string, string];
    return { sede, ventanilla, ...acumular(filas.filter((r) => r.f.sede === sede && r.f.ventanilla === ventanilla)) };
  });
  const funcionarios: FilaFuncionario[] = FUNCIONARIOS.map((f) => ({
    funcionario: f.funcionario,
    nombre: f.nombre,
    sede: f.sede,
    ventanilla: f.ventanilla,
    ...acumular(filas.filter((r) => r.f === f)),
  })).sort((a, b) => a.nombre.localeCompare(b.nombre, 'es'));

  // The observations: the wrong ones first, then correct ones with a remark, in time order.
  const revisadas = filas.filter((r) => r.revisado);
  const conError = revisadas.filter((r) => r.tipoCorrecto || r.dependenciaCorrecta);
  const elegidas = [...conError, ...revisadas.filter((r) => !r.tipoCorrecto && !r.dependenciaCorrecta)].slice(0, nObs);
  elegidas.sort((a, b) => a.fechaHora - b.fechaHora);
  const observaciones: ObservacionInforme[] = elegidas.map((r, i) => ({
    numero: r.numero,
    fechaHora: r.fechaHora,
    sede: r.f.sede,
    ventanilla: r.f.ventanilla,
    funcionario: r.f.funcionario,
    nombre: r.f.nombre,
    veredicto: r.tipoCorrecto || r.dependenciaCorrecta ? 'incorrecto' : 'correcto',
    tipo: r.tipo,
    tipoCorrecto: r.tipoCorrecto,
    dependencia: r.dependencia,
    dependenciaCorrecta: r.dependenciaCorrecta,
    // One starts like a list item (a spreadsheet would take "-…" for a formula), one has a line break.
    observacion:
      i === 3
        ? '- Falta el anexo: el ciudadano dijo traer 3 folios y se registró 1; verificar con la planilla de entrega.'
        : i === 5
          ? 'Dos asuntos en un solo escrito:\n1) paz y salvo predial; 2) queja por el trato recibido, «muy demorado».'
          : observacionTexto(azar, i),
    revisorNombre: r.revisor,
    revisadoEn: r.revisadoEn,
  }));

  const totales = acumular(filas);
  const semanas = semanasHasta(semana, 8);
  const azarT = generador(2026);
  const tendencia: PuntoTendencia[] = semanas.map((s) => {
    if (s.semana === SEMANA) return { semana: s.semana, desde: s.desde, ...totales };
    const radicados = 170 + Math.floor(azarT() * 90);
    const revisados = Math.floor(radicados * (0.55 + azarT() * 0.35));
    const erroresClasificacion = Math.floor(revisados * (0.08 + azarT() * 0.12));
    const erroresDireccionamiento = Math.floor(revisados * (0.04 + azarT() * 0.08));
    const conError = Math.max(erroresClasificacion, erroresDireccionamiento) + Math.floor(Math.min(erroresClasificacion, erroresDireccionamiento) * 0.6);
    return {
      semana: s.semana,
      desde: s.desde,
      radicados,
      revisados,
      erroresClasificacion,
      erroresDireccionamiento,
      tasaError: Math.round((conError / revisados) * 10_000) / 10_000,
    };
  });

  return {
    semana: semana.semana,
    desde: semana.desde,
    hasta: semana.hasta,
    entidad: ENTIDAD,
    sedes: ['01'],
    generadoEn: GENERADO_EN,
    firmadoPor: FIRMADO_POR,
    totales,
    ventanillas,
    funcionarios,
    confusion: contar(revisadas.filter((r) => r.tipoCorrecto).map((r) => [r.tipo, r.tipoCorrecto!])),
    direccionamiento: contar(revisadas.filter((r) => r.dependenciaCorrecta).map((r) => [r.dependencia, r.dependenciaCorrecta!])),
    observaciones,
    tendencia,
    sugerencias: sugerenciasDe(filas, semana),
    nombres,
  };
}

const CERO: FigurasRevision = { radicados: 0, revisados: 0, erroresClasificacion: 0, erroresDireccionamiento: 0, tasaError: 0 };

/**
 * A week without radicados (Christmas week, say). With `conTendencia`, the earlier weeks of the
 * trend have figures, as they would; without it the whole trend is empty.
 */
export function informeVacio(opciones: { conTendencia?: boolean } = {}): InformeSemanal {
  const base = informeMuestra();
  return {
    ...base,
    totales: CERO,
    ventanillas: [],
    funcionarios: [],
    confusion: [],
    direccionamiento: [],
    observaciones: [],
    sugerencias: { alcance: 'estacion', radicados: 0, objetivos: base.sugerencias.objetivos.map((o) => ({ ...o, fuentes: [], total: { ...o.total, sugeridas: 0, aceptadas: 0, acertadas: 0, revisadas: 0, acertadasRevisadas: 0, corregidasTrasAceptar: 0 }, sinSugerencia: 0, confusiones: [] })) },
    tendencia: base.tendencia.map((p) => (opciones.conTendencia && p.semana !== SEMANA ? p : { semana: p.semana, desde: p.desde, ...CERO })),
  };
}
