import { describe, expect, it } from 'vitest';
import { entrenar, evaluar, predecir, sugerir, validacionCruzada, metricas, pliegues } from '../../../shared/classifier';
import { cargarModelo, serializarModelo, ErrorModelo } from '../../../shared/classifier/formato';
import { corpus } from './sintetico';

const FIJO = { creado: '2026-01-01T00:00:00.000Z', bits: 14 };

describe('entrenamiento y predicción', () => {
  const train = corpus({ Felicitación: 60, Información: 60, Queja: 60 });
  const test = corpus({ Felicitación: 20, Información: 20, Queja: 20 }, 99);
  const modelo = entrenar(train, FIJO);

  it('aprende clases separables', () => {
    const m = evaluar(modelo, test);
    expect(m.accuracy).toBeGreaterThan(0.95);
    expect(m.macroF1).toBeGreaterThan(0.95);
    expect(predecir(modelo, 'Mil gracias a la funcionaria, excelente atención')[0]!.etiqueta).toBe('Felicitación');
    expect(predecir(modelo, '¿Cuáles son los requisitos del subsidio?')[0]!.etiqueta).toBe('Información');
  });

  it('las probabilidades suman 1, van de mayor a menor y la confianza acompaña el acierto', () => {
    const p = predecir(modelo, 'Pésima atención, nadie responde');
    expect(p.map((x) => x.etiqueta).sort()).toEqual(['Felicitación', 'Información', 'Queja']);
    expect(p.reduce((s, x) => s + x.probabilidad, 0)).toBeCloseTo(1, 6);
    expect(p[0]!.probabilidad).toBeGreaterThanOrEqual(p[1]!.probabilidad);
    // Calibrated-ish: confident on the training distribution, hesitant on a text with no signal.
    expect(p[0]!.probabilidad).toBeGreaterThan(0.6);
    const nada = predecir(modelo, 'xq zzv wlk');
    expect(nada[0]!.probabilidad).toBeLessThan(p[0]!.probabilidad);
  });

  it('el umbral suprime las sugerencias de poca confianza; k limita cuántas', () => {
    expect(sugerir(modelo, 'Felicito al personal de ventanilla', { k: 3, umbral: 0 })).toHaveLength(3);
    expect(sugerir(modelo, 'Felicito al personal de ventanilla', { k: 1, umbral: 0 })).toHaveLength(1);
    const s = sugerir(modelo, 'Felicito al personal de ventanilla', { umbral: 0.5 });
    expect(s.map((x) => x.etiqueta)).toEqual(['Felicitación']);
    expect(sugerir(modelo, 'xq zzv wlk', { umbral: 0.99 })).toEqual([]);
    expect(sugerir(modelo, '   ')).toEqual([]);
  });

  it('mismo conjunto y semilla: mismo modelo; otra semilla puede cambiar el orden de entrenamiento', () => {
    const a = entrenar(train, FIJO);
    expect(serializarModelo(a)).toBe(serializarModelo(modelo));
    const b = entrenar(train, { ...FIJO, semilla: 2 });
    expect(b.etiquetas).toEqual(modelo.etiquetas);
  });

  it('el peso por clase ayuda a una clase rara', () => {
    // Queja is rare and its texts share words ("atención", "personal") with Felicitación.
    const raro = corpus({ Felicitación: 150, Información: 150, Queja: 6 }, 5);
    const prueba = corpus({ Queja: 40 }, 17);
    const recall = (pesoClases: number) => evaluar(entrenar(raro, { ...FIJO, pesoClases, C: 0.05, plieguesCalibracion: 0 }), prueba).porClase['Queja']!.recall;
    expect(recall(1)).toBeGreaterThan(recall(0));
  });

  it('los pesos por ejemplo cuentan: una corrección pesada cambia la decisión', () => {
    const base = corpus({ Felicitación: 30, Información: 30 }, 8);
    const frase = 'Gracias, pero quisiera saber el horario';
    const sin = entrenar(base, { ...FIJO, plieguesCalibracion: 0 });
    const objetivo = predecir(sin, frase)[0]!.etiqueta === 'Felicitación' ? 'Información' : 'Felicitación';
    const con = entrenar([...base, { texto: frase, etiqueta: objetivo, peso: 50 }], { ...FIJO, plieguesCalibracion: 0 });
    expect(predecir(con, frase)[0]!.etiqueta).toBe(objetivo);
  });

  it('errores en español: sin ejemplos, peso no válido, opciones fuera de rango', () => {
    expect(() => entrenar([])).toThrow(/No hay ejemplos/);
    expect(() => entrenar([{ texto: 'a', etiqueta: 'X', peso: -1 }])).toThrow(/peso no válido/);
    expect(() => entrenar(train, { bits: 40 })).toThrow(/bits/);
    expect(() => entrenar(train, { logistica: 2 })).toThrow(/logistica/);
    expect(() => entrenar(train, { caracteresTexto: [3, 2] })).toThrow(/caracteresTexto/);
  });

  it('una sola etiqueta: siempre la sugiere', () => {
    const m = entrenar([{ texto: 'hola', etiqueta: 'Única' }], FIJO);
    expect(predecir(m, 'cualquier cosa')).toEqual([{ etiqueta: 'Única', probabilidad: 1 }]);
  });
});

describe('archivo del modelo', () => {
  const train = corpus({ Felicitación: 40, Información: 40, Queja: 40 });
  const modelo = entrenar(train, FIJO);
  const texto = serializarModelo(modelo);

  it('ida y vuelta: mismas predicciones, exactas', () => {
    const cargado = cargarModelo(texto);
    expect(cargado.etiquetas).toEqual(modelo.etiquetas);
    for (const e of corpus({ Felicitación: 5, Información: 5, Queja: 5 }, 4)) expect(predecir(cargado, e.texto)).toEqual(predecir(modelo, e.texto));
    expect(serializarModelo(cargado)).toBe(texto);
    const cabecera = JSON.parse(texto);
    expect(cabecera).toMatchObject({ formato: 'radica-clasificador', version: 2, creado: FIJO.creado, etiquetas: ['Felicitación', 'Información', 'Queja'] });
  });

  it('un archivo de la versión 1 (sin n-gramas entre palabras ni longitud) se sigue leyendo', () => {
    const m1 = entrenar(train, { ...FIJO, caracteresTexto: [0, 0], longitud: false });
    const a = JSON.parse(serializarModelo(m1));
    const { caracteresTexto: _t, longitud: _l, ...rasgos1 } = a.rasgos;
    const cargado = cargarModelo(JSON.stringify({ ...a, version: 1, rasgos: rasgos1 }));
    expect(cargado.rasgos).toMatchObject({ caracteresTexto: [0, 0], longitud: false });
    for (const e of corpus({ Felicitación: 3, Información: 3, Queja: 3 }, 6)) expect(predecir(cargado, e.texto)).toEqual(predecir(m1, e.texto));
  });

  it('versión, formato y forma se validan con mensajes en español', () => {
    const a = JSON.parse(texto);
    expect(() => cargarModelo('no es json')).toThrow(ErrorModelo);
    expect(() => cargarModelo(JSON.stringify({ ...a, formato: 'otro' }))).toThrow(/radica-clasificador/);
    expect(() => cargarModelo(JSON.stringify({ ...a, version: 3 }))).toThrow(/versión 3.*versiones 1 a 2/);
    expect(() => cargarModelo(JSON.stringify({ ...a, rasgos: { ...a.rasgos, longitud: undefined } }))).toThrow(/rasgos están incompletas/);
    expect(() => cargarModelo(JSON.stringify({ ...a, etiquetas: ['A', 'B'] }))).toThrow(/no corresponde a 2 etiquetas/);
    expect(() => cargarModelo(JSON.stringify({ ...a, buckets: { ...a.buckets, n: a.buckets.n + 1 } }))).toThrow(/forma declarada/);
    expect(() => cargarModelo(JSON.stringify({ ...a, pesos: { ...a.pesos, datos: '***' } }))).toThrow(/base64/);
    expect(() => cargarModelo(JSON.stringify({ ...a, rasgos: { ...a.rasgos, bits: 10 } }))).toThrow(/no caben en 2\^10/);
  });
});

describe('evaluación', () => {
  it('métricas por clase y macro-F1', () => {
    const m = metricas(['A', 'A', 'B', 'B'], ['A', 'B', 'B', 'B']);
    expect(m.accuracy).toBe(0.75);
    expect(m.porClase['A']).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, soporte: 2 });
    expect(m.porClase['B']!.precision).toBeCloseTo(2 / 3);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('pliegues estratificados y validación cruzada', () => {
    const et = [...Array(30).fill('A'), ...Array(10).fill('B')] as string[];
    const pl = pliegues(et, 5, 1);
    for (let p = 0; p < 5; p++) {
      expect(et.filter((e, i) => e === 'B' && pl[i] === p)).toHaveLength(2);
    }
    const r = validacionCruzada(corpus({ Felicitación: 25, Información: 25, Queja: 25 }), 5, FIJO);
    expect(r.pliegues).toBe(5);
    expect(r.porPliegue).toHaveLength(5);
    expect(r.accuracy).toBeGreaterThan(0.9);
    expect(Object.values(r.porClase).reduce((s, c) => s + c.soporte, 0)).toBe(75);
  });
});
