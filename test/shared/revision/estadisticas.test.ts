import { describe, expect, it } from 'vitest';
import type { FilaResumen } from '../../../shared/domain/revision';
import { semanaIso } from '../../../shared/domain/revision';
import { confusion, conteo, figurasDe, porFuncionario, porVentanilla, tendencia } from '../../../shared/revision/estadisticas';
import { muestraPorGrupo } from '../../../shared/revision/muestra';

const W47 = semanaIso('2026-W47', 0);
const W46 = semanaIso('2026-W46', 0);

function fila(over: Partial<FilaResumen> & { m?: [string | null, string | null] | 'ok' }): FilaResumen {
  const { m, ...resto } = over;
  return {
    fechaHora: W47.inicioMs + 3_600_000,
    sede: '01',
    ventanilla: '03',
    radicador: 'laura',
    radicadorNombre: 'Laura',
    canal: 'presencial',
    tipo: 'PET-GEN',
    dependencia: '300',
    marca: m === undefined ? null : m === 'ok' ? { veredicto: 'correcto', tipoCorrecto: null, dependenciaCorrecta: null } : { veredicto: 'incorrecto', tipoCorrecto: m[0], dependenciaCorrecta: m[1] },
    ...resto,
  };
}

describe('cifras de la revisión', () => {
  const filas = [
    fila({ m: 'ok' }),
    fila({ m: ['TUT', null] }),
    fila({ m: ['TUT', '110'] }),
    fila({ m: [null, '500'] }),
    fila({}),
    fila({ ventanilla: '04', radicador: 'pedro', radicadorNombre: 'Pedro', tipo: 'QUE', m: ['REC', null] }),
    fila({ ventanilla: '04', radicador: 'pedro', radicadorNombre: 'Pedro' }),
  ];

  it('la tasa de error es revisados con algún error sobre revisados', () => {
    expect(figurasDe(filas)).toEqual({ radicados: 7, revisados: 5, erroresClasificacion: 3, erroresDireccionamiento: 2, tasaError: 0.8 });
    expect(figurasDe([])).toEqual({ radicados: 0, revisados: 0, erroresClasificacion: 0, erroresDireccionamiento: 0, tasaError: 0 });
    expect(figurasDe([fila({}), fila({})]).tasaError).toBe(0);
  });

  it('por ventanilla y por funcionario', () => {
    expect(porVentanilla(filas)).toEqual([
      { sede: '01', ventanilla: '03', radicados: 5, revisados: 4, erroresClasificacion: 2, erroresDireccionamiento: 2, tasaError: 0.75 },
      { sede: '01', ventanilla: '04', radicados: 2, revisados: 1, erroresClasificacion: 1, erroresDireccionamiento: 0, tasaError: 1 },
    ]);
    expect(porFuncionario(filas).map((f) => [f.nombre, f.radicados, f.tasaError])).toEqual([
      ['Laura', 5, 0.75],
      ['Pedro', 2, 1],
    ]);
  });

  it('confusión de tipos y de dependencias, la más frecuente primero', () => {
    expect(confusion(filas, 'tipo')).toEqual([
      { de: 'PET-GEN', a: 'TUT', cantidad: 2 },
      { de: 'QUE', a: 'REC', cantidad: 1 },
    ]);
    expect(confusion(filas, 'dependencia')).toEqual([
      { de: '300', a: '110', cantidad: 1 },
      { de: '300', a: '500', cantidad: 1 },
    ]);
  });

  it('la tendencia pone cada radicado en su semana', () => {
    const t = tendencia([...filas, fila({ fechaHora: W46.inicioMs, m: 'ok' }), fila({ fechaHora: W47.finMs })], [W46, W47]);
    expect(t.map((x) => [x.semana, x.radicados, x.revisados])).toEqual([
      ['2026-W46', 1, 1],
      ['2026-W47', 7, 5],
    ]);
  });

  it('conteos por campo con nombres', () => {
    expect(conteo(filas, (f) => f.tipo, (c) => `nombre ${c}`)).toEqual([
      { codigo: 'PET-GEN', nombre: 'nombre PET-GEN', cantidad: 6 },
      { codigo: 'QUE', nombre: 'nombre QUE', cantidad: 1 },
    ]);
  });
});

describe('muestra por ventanilla', () => {
  it('toma hasta N de cada grupo, igual con la misma semilla', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ i, v: i % 3 === 0 ? 'a' : 'b' }));
    const m1 = muestraPorGrupo(items, (x) => x.v, 4, 7);
    expect(m1.filter((x) => x.v === 'a')).toHaveLength(4);
    expect(m1.filter((x) => x.v === 'b')).toHaveLength(4);
    expect(muestraPorGrupo(items, (x) => x.v, 4, 7)).toEqual(m1);
    expect(muestraPorGrupo(items, (x) => x.v, 4, 8)).not.toEqual(m1);
    expect(muestraPorGrupo(items, (x) => x.v, 100, 7)).toHaveLength(30);
  });
});
