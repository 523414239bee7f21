import { ventanaLista } from '../../renderer/src/components/revision/ListaRevision';
import { describe, expect, it } from 'vitest';
import {
  accionDeTecla,
  alcanceDe,
  bytesDeBase64,
  claveVentanilla,
  describirMarca,
  entradaMarca,
  errorCorreccion,
  esEditable,
  formatNumero,
  formatPorcentaje,
  marcasEje,
  maximoEscala,
  moverIndice,
  nivelRiesgo,
  nombreSemana,
  normalizarSemana,
  preseleccion,
  progreso,
  rangoSemana,
  resumenItem,
  semanaAnterior,
  semanaVecina,
  siguienteSinMarca,
  tramosLinea,
} from '../../renderer/src/revision';
import { bogotaInstant } from '../../shared/domain/bogota';
import type { ItemRevision, MarcaRevision } from '../../shared/domain/revision';

const marca = (m: Partial<MarcaRevision>): MarcaRevision => ({
  uid: 'u1',
  numero: '2026-0103-000012',
  veredicto: 'correcto',
  tipoCorrecto: null,
  dependenciaCorrecta: null,
  observacion: null,
  revisor: 'coordinador',
  revisorNombre: 'Carlos Ruiz',
  revisadoEn: 0,
  ...m,
});

const item = (m: Partial<ItemRevision> = {}): ItemRevision => ({
  numero: '2026-0103-000012',
  fechaHora: bogotaInstant('2026-11-17', 9, 15),
  sede: '01',
  ventanilla: '03',
  radicador: 'radicador',
  radicadorNombre: 'Laura Gómez',
  canal: 'presencial',
  asunto: 'Acción de tutela por el derecho de petición',
  tipo: 'PET-GEN',
  tipoNombre: 'Petición general',
  dependencia: '200',
  dependenciaNombre: 'Atención al Ciudadano',
  termino: '15 días hábiles',
  venceEl: '2026-12-09',
  riesgo: 0.72,
  motivos: ['El clasificador propone TUT (91 %)'],
  clasificador: { tipo: { codigo: 'TUT', probabilidad: 0.91 }, dependencia: { codigo: '110', probabilidad: 0.8 } },
  marca: null,
  ...m,
});

describe('revisión: números en es-CO', () => {
  it('porcentaje con coma decimal y espacio antes del signo', () => {
    expect(formatPorcentaje(0.125)).toBe('12,5\u00a0%');
    expect(formatPorcentaje(0)).toBe('0\u00a0%');
    expect(formatPorcentaje(1)).toBe('100\u00a0%');
    expect(formatPorcentaje(1 / 3)).toBe('33,3\u00a0%');
    expect(formatPorcentaje(0.725, 0)).toBe('73\u00a0%');
    expect(formatPorcentaje(Number.NaN)).toBe('—');
  });

  it('miles con punto y decimales con coma', () => {
    expect(formatNumero(12345)).toBe('12.345');
    expect(formatNumero(2.5)).toBe('2,5');
    expect(formatNumero(40)).toBe('40');
  });
});

describe('revisión: semanas ISO', () => {
  it('normaliza lo que escribe el coordinador y rechaza semanas que no existen', () => {
    expect(normalizarSemana(' 2026-w47 ')).toBe('2026-W47');
    expect(normalizarSemana('2026-W54')).toBeNull();
    expect(normalizarSemana('2026-W00')).toBeNull();
    expect(normalizarSemana('2026-47')).toBeNull();
    expect(normalizarSemana('2026-W53')).toBe('2026-W53');
  });

  it('semana anterior y siguiente, también al cambiar de año', () => {
    expect(semanaVecina('2026-W47', -1)).toBe('2026-W46');
    expect(semanaVecina('2026-W47', 1)).toBe('2026-W48');
    expect(semanaVecina('2027-W01', -1)).toBe('2026-W53');
    expect(semanaVecina('2026-W53', 1)).toBe('2027-W01');
    expect(semanaVecina('2026-W01', -1)).toBe('2025-W52');
  });

  it('la semana anterior a un instante de Bogotá', () => {
    // Monday 23 November 2026, 06:00 Bogotá is in W48: the review covers W47.
    expect(semanaAnterior(bogotaInstant('2026-11-23', 6))).toBe('2026-W47');
    // Sunday night still belongs to W47: the previous week is W46.
    expect(semanaAnterior(bogotaInstant('2026-11-22', 23, 59))).toBe('2026-W46');
  });

  it('rango en dd/mm/aaaa y nombre legible', () => {
    expect(rangoSemana('2026-W47')).toBe('16/11/2026 al 22/11/2026');
    expect(nombreSemana('2026-W07')).toBe('semana 7 de 2026');
  });
});

describe('revisión: teclado', () => {
  it('flechas, J/K, Inicio/Fin y las letras de marca', () => {
    expect(accionDeTecla({ key: 'ArrowDown' })).toBe('siguiente');
    expect(accionDeTecla({ key: 'j' })).toBe('siguiente');
    expect(accionDeTecla({ key: 'J' })).toBe('siguiente');
    expect(accionDeTecla({ key: 'ArrowUp' })).toBe('anterior');
    expect(accionDeTecla({ key: 'k' })).toBe('anterior');
    expect(accionDeTecla({ key: 'Home' })).toBe('primero');
    expect(accionDeTecla({ key: 'End' })).toBe('ultimo');
    expect(accionDeTecla({ key: 'c' })).toBe('correcto');
    expect(accionDeTecla({ key: 'T' })).toBe('tipo');
    expect(accionDeTecla({ key: 'd' })).toBe('dependencia');
    expect(accionDeTecla({ key: 'o' })).toBe('observacion');
  });

  it('con modificadores las letras son de la aplicación (Alt+C es Consulta), no de la revisión', () => {
    expect(accionDeTecla({ key: 'c', altKey: true })).toBeNull();
    expect(accionDeTecla({ key: 'c', ctrlKey: true })).toBeNull();
    expect(accionDeTecla({ key: 'ArrowDown', metaKey: true })).toBeNull();
    expect(accionDeTecla({ key: 'x' })).toBeNull();
    expect(accionDeTecla({ key: 'Enter' })).toBeNull();
  });

  it('no roba letras mientras se escribe', () => {
    expect(esEditable({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(esEditable({ tagName: 'input' })).toBe(true);
    expect(esEditable({ tagName: 'TEXTAREA' })).toBe(true);
    expect(esEditable({ tagName: 'SELECT' })).toBe(true);
    expect(esEditable({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(esEditable({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(esEditable({ tagName: 'BUTTON' })).toBe(false);
    expect(esEditable({ tagName: 'UL' })).toBe(false);
    expect(esEditable(null)).toBe(false);
  });

  it('moverse se queda dentro de la lista', () => {
    expect(moverIndice(0, 3, 'anterior')).toBe(0);
    expect(moverIndice(0, 3, 'siguiente')).toBe(1);
    expect(moverIndice(2, 3, 'siguiente')).toBe(2);
    expect(moverIndice(1, 3, 'primero')).toBe(0);
    expect(moverIndice(0, 3, 'ultimo')).toBe(2);
    expect(moverIndice(0, 0, 'siguiente')).toBe(-1);
  });

  it('tras marcar va al siguiente sin marca, dando la vuelta', () => {
    const m = marca({});
    const xs = [{ marca: null }, { marca: m }, { marca: null }, { marca: m }];
    expect(siguienteSinMarca(xs, 0)).toBe(2);
    expect(siguienteSinMarca(xs, 2)).toBe(0);
    expect(siguienteSinMarca([{ marca: m }, { marca: null }], 1)).toBe(1);
    expect(siguienteSinMarca([{ marca: m }, { marca: m }], 0)).toBe(-1);
    expect(siguienteSinMarca([], 0)).toBe(-1);
  });

  it('progreso "12 de 40 revisados"', () => {
    const xs = [...Array.from({ length: 12 }, () => ({ marca: marca({}) })), ...Array.from({ length: 28 }, () => ({ marca: null }))];
    expect(progreso(xs)).toEqual({ revisados: 12, total: 40, texto: '12 de 40 revisados' });
  });
});

describe('revisión: la marca que se envía', () => {
  it('correcto limpia las correcciones y conserva la observación', () => {
    const it = item({ marca: marca({ veredicto: 'incorrecto', tipoCorrecto: 'TUT', observacion: 'Revisar' }) });
    expect(entradaMarca(it, { accion: 'correcto' })).toEqual({
      numero: it.numero,
      veredicto: 'correcto',
      tipoCorrecto: null,
      dependenciaCorrecta: null,
      observacion: 'Revisar',
    });
  });

  it('corregir el tipo conserva la dependencia corregida antes, y al revés', () => {
    const previa = item({ marca: marca({ veredicto: 'incorrecto', dependenciaCorrecta: '110' }) });
    expect(entradaMarca(previa, { accion: 'tipo', codigo: 'TUT' })).toMatchObject({ veredicto: 'incorrecto', tipoCorrecto: 'TUT', dependenciaCorrecta: '110' });
    const conTipo = item({ marca: marca({ veredicto: 'incorrecto', tipoCorrecto: 'TUT' }) });
    expect(entradaMarca(conTipo, { accion: 'dependencia', codigo: '110' })).toMatchObject({ tipoCorrecto: 'TUT', dependenciaCorrecta: '110' });
    // A previous "correcto" carries no corrections.
    expect(entradaMarca(item({ marca: marca({}) }), { accion: 'dependencia', codigo: '110' })).toMatchObject({ tipoCorrecto: null, dependenciaCorrecta: '110' });
  });

  it('la observación escrita antes de marcar viaja con la marca', () => {
    expect(entradaMarca(item(), { accion: 'tipo', codigo: 'TUT' }, '  Es una tutela: 48 horas.  ')).toMatchObject({
      veredicto: 'incorrecto',
      tipoCorrecto: 'TUT',
      observacion: 'Es una tutela: 48 horas.',
    });
  });

  it('una observación sola espera a la marca; sobre una marca la reenvía completa', () => {
    expect(entradaMarca(item(), { accion: 'observacion', texto: 'Hola' })).toBeNull();
    const it = item({ marca: marca({ veredicto: 'incorrecto', tipoCorrecto: 'TUT', observacion: 'vieja' }) });
    expect(entradaMarca(it, { accion: 'observacion', texto: 'nueva' })).toEqual({
      numero: it.numero,
      veredicto: 'incorrecto',
      tipoCorrecto: 'TUT',
      dependenciaCorrecta: null,
      observacion: 'nueva',
    });
    expect(entradaMarca(it, { accion: 'observacion', texto: '   ' })).toMatchObject({ observacion: null });
  });

  it('describe la marca en palabras', () => {
    expect(describirMarca(null)).toBe('Sin revisar');
    expect(describirMarca(marca({}))).toBe('Correcto');
    expect(describirMarca(marca({ veredicto: 'incorrecto', tipoCorrecto: 'TUT' }))).toBe('Tipo incorrecto → TUT');
    expect(describirMarca(marca({ veredicto: 'incorrecto', tipoCorrecto: 'TUT', dependenciaCorrecta: '110' }))).toBe(
      'Tipo incorrecto → TUT; dependencia incorrecta → 110',
    );
  });

  it('preselecciona la sugerencia del clasificador si difiere de lo radicado', () => {
    expect(preseleccion('tipo', item())).toBe('TUT');
    expect(preseleccion('dependencia', item())).toBe('110');
    expect(preseleccion('tipo', item({ tipo: 'TUT' }))).toBeNull();
    expect(preseleccion('tipo', item({ clasificador: { tipo: null, dependencia: null } }))).toBeNull();
    expect(preseleccion('tipo', item({ marca: marca({ veredicto: 'incorrecto', tipoCorrecto: 'QUE' }) }))).toBe('QUE');
  });

  it('una corrección debe nombrar otro código', () => {
    expect(errorCorreccion('tipo', item(), null)).toBe('Elija el tipo documental correcto.');
    expect(errorCorreccion('dependencia', item(), null)).toBe('Elija la dependencia correcta.');
    expect(errorCorreccion('tipo', item(), 'PET-GEN')).toMatch(/ya tiene el tipo PET-GEN.*pulse C/);
    expect(errorCorreccion('tipo', item(), 'TUT')).toBeNull();
  });

  it('resumen para el lector de pantalla y nivel de riesgo', () => {
    expect(resumenItem(item())).toBe('2026-0103-000012, 17/11/2026 09:15, Laura Gómez, tipo PET-GEN, dependencia 200, riesgo 72\u00a0%, Sin revisar');
    expect(nivelRiesgo(0.9)).toBe('alto');
    expect(nivelRiesgo(0.4)).toBe('medio');
    expect(nivelRiesgo(0.1)).toBe('bajo');
  });
});

describe('revisión: ventanillas elegidas', () => {
  const todas = [
    { sede: '01', ventanilla: '03' },
    { sede: '01', ventanilla: '04' },
    { sede: '02', ventanilla: '01' },
  ];
  it('todas: sin filtro; ninguna: null', () => {
    expect(alcanceDe(todas, new Set(todas.map(claveVentanilla)))).toEqual({});
    expect(alcanceDe([], new Set())).toEqual({});
    expect(alcanceDe(todas, new Set())).toBeNull();
  });
  it('de una sede: la sede y sus ventanillas; de varias: los códigos', () => {
    expect(alcanceDe(todas, new Set(['01-04', '01-03']))).toEqual({ sede: '01', ventanillas: ['03', '04'] });
    expect(alcanceDe(todas, new Set(['01-03', '02-01']))).toEqual({ ventanillas: ['01', '03'] });
  });
});

describe('revisión: gráficos', () => {
  it('escala redonda', () => {
    expect(maximoEscala([])).toBe(1);
    expect(maximoEscala([0, 0])).toBe(1);
    expect(maximoEscala([7])).toBe(10);
    expect(maximoEscala([13])).toBe(20);
    expect(maximoEscala([23])).toBe(25);
    expect(maximoEscala([40])).toBe(50);
    expect(maximoEscala([100])).toBe(100);
    expect(maximoEscala([0.37])).toBeCloseTo(0.5);
    expect(marcasEje(20)).toEqual([0, 5, 10, 15, 20]);
    expect(marcasEje(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(marcasEje(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(marcasEje(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(marcasEje(0.5).map((x) => Math.round(x * 100))).toEqual([0, 10, 20, 30, 40, 50]);
    expect(marcasEje(10, 2)).toEqual([0, 5, 10]);
  });
  it('la tasa de error se corta donde no hubo revisión', () => {
    expect(tramosLinea([null, 0.5, 0, null, 1], 10, 100, 1)).toEqual([
      [
        { x: 10, y: 50 },
        { x: 20, y: 100 },
      ],
      [{ x: 40, y: 0 }],
    ]);
    expect(tramosLinea([null, null], 10, 100, 1)).toEqual([]);
  });
  it('bytes desde base64', () => {
    expect([...bytesDeBase64(Buffer.from('semana;errores\n').toString('base64'))]).toEqual([...Buffer.from('semana;errores\n')]);
  });
});

describe('ventana de la lista de revisión', () => {
  it('muestra a lo sumo 300 alrededor del actual y se mueve por bloques', () => {
    expect(ventanaLista(0, 50)).toEqual({ inicio: 0, fin: 50 });
    expect(ventanaLista(0, 20_000)).toEqual({ inicio: 0, fin: 300 });
    expect(ventanaLista(150, 20_000)).toEqual({ inicio: 0, fin: 300 });
    expect(ventanaLista(250, 20_000)).toEqual({ inicio: 100, fin: 400 });
    expect(ventanaLista(299, 20_000)).toEqual({ inicio: 100, fin: 400 });
    expect(ventanaLista(19_999, 20_000)).toEqual({ inicio: 19_700, fin: 20_000 });
    for (const actual of [0, 99, 100, 5_432, 19_999]) {
      const v = ventanaLista(actual, 20_000);
      expect(actual).toBeGreaterThanOrEqual(v.inicio);
      expect(actual).toBeLessThan(v.fin);
    }
  });
});
