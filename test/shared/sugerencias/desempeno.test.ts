import { describe, expect, it } from 'vitest';
import { desempenoSugerencias, MAXIMO_CONFUSIONES, modeloDelObjetivo, nombreFuente, type UsoSugerencia } from '../../../shared/sugerencias/desempeno';

let siguiente = 0;
const uso = (over: Partial<UsoSugerencia> = {}): UsoSugerencia => ({
  numero: `2026-0103-${String(++siguiente).padStart(6, '0')}`,
  modelo: 'frases',
  tipoSugerido: 'TUT',
  tipoAceptado: true,
  tipo: 'TUT',
  tipoCorregido: null,
  dependenciaSugerida: '110',
  dependenciaAceptada: true,
  dependencia: '110',
  dependenciaCorregida: null,
  revisado: false,
  ...over,
});

describe('modeloDelObjetivo', () => {
  it('lee el modelo de cada objetivo del campo guardado; frases o nada es null', () => {
    expect(modeloDelObjetivo('tipo:12,dependencia:13', 'tipo')).toBe('12');
    expect(modeloDelObjetivo('tipo:12,dependencia:13', 'dependencia')).toBe('13');
    // The entity-wide view's keys: the entity's model, and one station's own.
    expect(modeloDelObjetivo('tipo:central/3,dependencia:local/2/01-03', 'dependencia')).toBe('local/2/01-03');
    expect(modeloDelObjetivo('tipo:central/3', 'tipo')).toBe('central/3');
    expect(modeloDelObjetivo('dependencia:7', 'tipo')).toBeNull();
    expect(modeloDelObjetivo('frases', 'tipo')).toBeNull();
    expect(modeloDelObjetivo(null, 'dependencia')).toBeNull();
    expect(modeloDelObjetivo('tipo:', 'tipo')).toBeNull();
    expect(modeloDelObjetivo('tipo:a b', 'tipo')).toBeNull();
  });
});

describe('desempenoSugerencias', () => {
  it('cuenta sugeridas, aceptadas, acertadas contra la etiqueta final, revisadas y corregidas tras aceptar, por fuente', () => {
    siguiente = 0;
    const usos = [
      // Phrases: taken and right.
      uso(),
      // Model 5 (tipo): taken, then the review corrected it: it misled.
      uso({ modelo: 'tipo:5,dependencia:6', tipoSugerido: 'COM', tipo: 'COM', tipoCorregido: 'PET-GEN', revisado: true }),
      // Model 5: not taken; the clerk was right and the review confirmed.
      uso({ modelo: 'tipo:5,dependencia:6', tipoSugerido: 'COM', tipoAceptado: false, tipo: 'PET-DOC', revisado: true }),
      // Model 5: not taken, but the review says the suggestion was right.
      uso({ modelo: 'tipo:5', tipoSugerido: 'QUE', tipoAceptado: false, tipo: 'PET-GEN', tipoCorregido: 'QUE', revisado: true }),
      // Nothing suggested.
      uso({ modelo: null, tipoSugerido: null, tipoAceptado: null, dependenciaSugerida: null, dependenciaAceptada: null }),
    ];
    const d = desempenoSugerencias(usos, [{ clave: '5', origen: 'local', version: 2 }], (o, c) => `${o}/${c}`);
    expect(d.radicados).toBe(5);
    const tipo = d.objetivos.find((o) => o.objetivo === 'tipo')!;
    expect(tipo.sinSugerencia).toBe(1);
    expect(tipo.fuentes).toEqual([
      { modelo: '5', origen: 'local', version: 2, estacion: null, sugeridas: 3, aceptadas: 1, acertadas: 1, revisadas: 3, acertadasRevisadas: 1, corregidasTrasAceptar: 1 },
      { modelo: null, origen: null, version: null, estacion: null, sugeridas: 1, aceptadas: 1, acertadas: 1, revisadas: 0, acertadasRevisadas: 0, corregidasTrasAceptar: 0 },
    ]);
    expect(tipo.total).toEqual({ sugeridas: 4, aceptadas: 2, acertadas: 2, revisadas: 3, acertadasRevisadas: 1, corregidasTrasAceptar: 1 });
    expect(tipo.confusiones).toEqual([
      { sugerido: 'COM', nombreSugerido: 'tipo/COM', final: 'PET-DOC', nombreFinal: 'tipo/PET-DOC', veces: 1, numeros: ['2026-0103-000003'] },
      { sugerido: 'COM', nombreSugerido: 'tipo/COM', final: 'PET-GEN', nombreFinal: 'tipo/PET-GEN', veces: 1, numeros: ['2026-0103-000002'] },
    ]);
    // The dependencia of the last model-5 row came from the phrases (no "dependencia:" in its field).
    const dep = d.objetivos.find((o) => o.objetivo === 'dependencia')!;
    expect(dep.fuentes.map((f) => [f.modelo, f.sugeridas])).toEqual([
      ['6', 2],
      [null, 2],
    ]);
    expect(dep.fuentes[0]).toMatchObject({ origen: null, version: null });
    expect(dep.total.acertadas).toBe(4);
  });

  it('las confusiones más frecuentes primero, a lo sumo cinco', () => {
    const usos: UsoSugerencia[] = [];
    for (let k = 0; k < 7; k++) for (let i = 0; i <= k; i++) usos.push(uso({ tipoSugerido: 'QUE', tipo: `T${k}` }));
    const tipo = desempenoSugerencias(usos, []).objetivos[0]!;
    expect(tipo.confusiones).toHaveLength(MAXIMO_CONFUSIONES);
    expect(tipo.confusiones.map((c) => [c.final, c.veces])).toEqual([
      ['T6', 7],
      ['T5', 6],
      ['T4', 5],
      ['T3', 4],
      ['T2', 3],
    ]);
    expect(tipo.total).toMatchObject({ sugeridas: 28, acertadas: 0 });
    // The first ten radicados of a confusion, in the order given (the store's: oldest first).
    expect(tipo.confusiones[0]!.numeros).toHaveLength(7);
    const grande = desempenoSugerencias(Array.from({ length: 12 }, (_, i) => uso({ numero: `N${i}`, tipoSugerido: 'QUE', tipo: 'PET' })), []).objetivos[0]!;
    expect(grande.confusiones[0]!.numeros).toEqual(['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']);
  });

  it('sin radicados: todo en cero', () => {
    const d = desempenoSugerencias([], []);
    expect(d).toEqual({
      radicados: 0,
      objetivos: [
        { objetivo: 'tipo', fuentes: [], total: expect.objectContaining({ sugeridas: 0 }), sinSugerencia: 0, confusiones: [] },
        { objetivo: 'dependencia', fuentes: [], total: expect.objectContaining({ sugeridas: 0 }), sinSugerencia: 0, confusiones: [] },
      ],
    });
  });
});

describe('orden de las fuentes', () => {
  it('los modelos en el orden dado (el más nuevo primero), luego los desconocidos, las frases al final', () => {
    const usos = [
      uso({ modelo: 'frases' }),
      uso({ modelo: 'tipo:local/1/01-03' }),
      uso({ modelo: 'tipo:viejo' }),
      uso({ modelo: 'tipo:central/2' }),
      uso({ modelo: 'tipo:local/2/01-03' }),
    ];
    const modelos = [
      { clave: 'central/2', origen: 'central' as const, version: 2 },
      { clave: 'local/2/01-03', origen: 'local' as const, version: 2, estacion: 'Sede 01 · ventanilla 03' },
      { clave: 'local/1/01-03', origen: 'local' as const, version: 1, estacion: 'Sede 01 · ventanilla 03' },
    ];
    const tipo = desempenoSugerencias(usos, modelos).objetivos[0]!;
    expect(tipo.fuentes.map(nombreFuente)).toEqual([
      'La entidad (central), versión 2',
      'Sede 01 · ventanilla 03, versión 2',
      'Sede 01 · ventanilla 03, versión 1',
      'Modelo viejo (ya no está en la estación)',
      'Frases del catálogo',
    ]);
  });
});

describe('nombreFuente', () => {
  it('nombra frases, modelos de la estación y de la entidad, y uno que ya no está', () => {
    expect(nombreFuente({ modelo: null, origen: null, version: null, estacion: null })).toBe('Frases del catálogo');
    expect(nombreFuente({ modelo: '3', origen: 'local', version: 2, estacion: null })).toBe('Esta estación, versión 2');
    expect(nombreFuente({ modelo: '4', origen: 'central', version: 1, estacion: null })).toBe('La entidad (central), versión 1');
    expect(nombreFuente({ modelo: '9', origen: null, version: null, estacion: null })).toBe('Modelo 9 (ya no está en la estación)');
    expect(nombreFuente({ modelo: 'local/2/01-03', origen: 'local', version: 2, estacion: 'Sede 01 · ventanilla 03' })).toBe('Sede 01 · ventanilla 03, versión 2');
  });
});
