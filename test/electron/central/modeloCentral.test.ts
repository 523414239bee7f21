/**
 * The entity's model through the built CLI, against a real PostgreSQL: ventanilla 03 radicates,
 * a coordinator corrects the routing in the weekly review, IT trains and publishes centrally, and
 * ventanilla 04 — which never saw those radicados nor the marks — suggests the corrected dependencia.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entornoCli } from './entornoCli';
import { consultar } from './postgres';

const entorno = entornoCli('radica-modelo-central-');
const { radica, estacion } = entorno;

function radicar(d: string[], asunto: string, tipo: string, dependencia: string): string {
  const r = radica(['radicar', ...d, '--tipo', tipo, '--dependencia', dependencia, '--asunto', asunto, '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '1', '--json']);
  expect(r.code, r.err).toBe(0);
  return r.json().numero;
}

const BARRIOS = ['El Carmen', 'La Ferrería', 'Pueblo Viejo', 'San Isidro', 'Bellavista', 'Santa Ana'];
const PRUEBA = 'Permiso de operación de bicitaxi en el barrio La Inmaculada';
const VEREDAS = ['El Rosal', 'La Palma', 'San José', 'Buenavista', 'El Retiro', 'La Esperanza'];
const PRUEBA_COLISEO = 'Préstamo del coliseo para el torneo de microfútbol de la vereda Alto Bonito';
const CATALOGO = fileURLToPath(new URL('../../../resources/catalogo.json', import.meta.url));

describe('modelo de la entidad (central modelo entrenar)', () => {
  it('una corrección del coordinador en la ventanilla 03 cambia las sugerencias de la ventanilla 04', () => {
    const admin = entorno.pg().adminUrl;
    expect(radica(['central', 'migrar', '--url', admin]).code).toBe(0);
    const v3 = estacion('v03', '03');
    const v4 = estacion('v04', '04');
    // The clerks of 03 route bicitaxi permits to Infraestructura (800), like the street lighting.
    const bicitaxis = BARRIOS.map((b) => radicar(v3, `Permiso de operación de bicitaxi en el barrio ${b}`, 'PET-GEN', '800'));
    for (const b of BARRIOS) radicar(v3, `Daño del alumbrado público en el barrio ${b}`, 'PET-GEN', '800');
    for (const b of BARRIOS) radicar(v3, `Paz y salvo del impuesto predial del barrio ${b}`, 'PET-DOC', '300');
    expect(radica(['sync', ...v3, '--url', admin, '--json']).json()).toMatchObject({ pendientes: 0 });

    // Without data of its own, 04 has nothing to say about bicitaxis yet.
    const antes = radica(['clasificador', 'sugerir', ...v4, PRUEBA, '--json']).json() as { dependencias: { codigo: string }[] };
    expect(antes.dependencias.map((x) => x.codigo)).not.toContain('900');

    // Weekly review: bicitaxi permits belong to Movilidad (900).
    const reg = radica(['central', 'coordinador', 'registrar', '--url', admin, '--usuario', 'carla', '--json']);
    expect(reg.code, reg.err).toBe(0);
    const coordinadora = { RADICA_COORDINADOR_URL: (reg.json() as { url: string }).url };
    const c = estacion('coordinacion', '90');
    for (const numero of bicitaxis) {
      const m = radica(['revision', 'marcar', numero, ...c, '--veredicto', 'incorrecto', '--dependencia-correcta', '900', '--revisor', 'Carla Coordinadora', '--json'], coordinadora);
      expect(m.code, m.err).toBe(0);
    }

    // A coordinator sees only her sedes: she may not publish a model for every window.
    const negado = radica(['central', 'modelo', 'entrenar', '--url', coordinadora.RADICA_COORDINADOR_URL], {});
    expect(negado.code).toBe(1);
    expect(negado.err).toContain('Solo el administrador');

    const e = radica(['central', 'modelo', 'entrenar', '--url', admin, '--json']);
    expect(e.code, e.err).toBe(0);
    const r = e.json() as { modelos: { objetivo: string; version: number; ejemplos: number }[]; radicados: number; revisados: number; demo: boolean };
    expect(r).toMatchObject({ radicados: 18, revisados: 6, demo: false });
    expect(r.modelos.map((m) => [m.objetivo, m.version, m.ejemplos])).toEqual([
      ['tipo', 1, 18],
      ['dependencia', 1, 18],
    ]);

    // 04 pulls it on its next sync and uses it at once.
    expect(radica(['sync', ...v4, '--url', admin, '--json']).json()).toMatchObject({ recibidos: 2 });
    const despues = radica(['clasificador', 'sugerir', ...v4, PRUEBA, '--json']).json() as { dependencias: { codigo: string }[] };
    expect(despues.dependencias[0]!.codigo).toBe('900');
    const estado = radica(['clasificador', 'estado', ...v4]);
    expect(estado.out).toMatch(/dependencia\s+versión 1 de la entidad \(servidor central\), 18 ejemplos/);
    const local = radica(['clasificador', 'reentrenar', ...v4]);
    expect(local.code).toBe(1);
    expect(local.err).toContain('radica central modelo entrenar');

    // The next run is version 2; a station that already has version 1 receives only the new ones.
    const otra = radica(['central', 'modelo', 'entrenar', '--url', admin]);
    expect(otra.code, otra.err).toBe(0);
    expect(otra.out).toContain('Modelo de la entidad entrenado con 18 radicados (6 revisados por coordinadores) y publicado:');
    expect(otra.out).toMatch(/tipo\s+versión 2: exactitud [\d,]+ %|tipo\s+versión 2: exactitud sin medir/);
    expect(otra.out).toMatch(/dependencia\s+versión 2:/);
    expect(radica(['sync', ...v4, '--url', admin, '--json']).json()).toMatchObject({ recibidos: 2 });
    expect(radica(['clasificador', 'estado', ...v4, '--json']).json().modelos.map((m: { version: number; origen: string }) => [m.origen, m.version])).toEqual([
      ['central', 2],
      ['central', 2],
    ]);
  });

  it('sin radicados en el servidor central lo dice en español y no publica nada', async () => {
    const url = await entorno.pg().nuevaBase('vacia');
    expect(radica(['central', 'migrar', '--url', url]).code).toBe(0);
    const r = radica(['central', 'modelo', 'entrenar', '--url', url]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('todavía no tiene radicados');
    expect(await consultar(url, 'SELECT count(*)::int AS n FROM radica.modelos')).toEqual([{ n: 0 }]);
  });

  it('el histórico de otro sistema importado en el servidor central llega a las sugerencias de todas las ventanillas', async () => {
    const url = await entorno.pg().nuevaBase('historico');
    expect(radica(['central', 'migrar', '--url', url]).code).toBe(0);
    // An export of the previous system: its own column names, labels by code or by name (any case,
    // no accents), a quoted field over two lines, a BOM, and two rows that cannot be used.
    const csv = path.join(entorno.dir(), 'orfeo-2025.csv');
    const filas = [
      'Asunto,Clase,Oficina',
      ...VEREDAS.map((v) => `Préstamo del coliseo para el torneo de microfútbol de la vereda ${v},peticion general (interes general o particular),Secretaría de Desarrollo Social`),
      ...VEREDAS.map((v) => `"Fumigación contra zancudos en la vereda ${v},\nurgente",SUG,700`),
      'Préstamo de la tarima para las fiestas patronales,PET-GEN,Oficina de Deportes',
      ',PET-GEN,1000',
    ];
    writeFileSync(csv, '\ufeff' + filas.join('\n') + '\n');
    const importar = (...mas: string[]) => radica(['central', 'modelo', 'importar', '--url', url, '--csv', csv, '--texto', 'Asunto', '--tipo', 'Clase', '--dependencia', 'Oficina', '--json', ...mas]);

    // Nothing to check the labels against yet: said, and nothing written.
    const sinCatalogo = importar();
    expect(sinCatalogo.code).toBe(1);
    expect(sinCatalogo.err).toContain('publique primero el catálogo de la entidad');
    expect(radica(['central', 'catalogo', 'publicar', '--url', url, '--archivo', CATALOGO]).code).toBe(0);

    // Only the administrator: a station's account has no privilege on the texts of every sede.
    const reg = radica(['central', 'estacion', 'registrar', '--url', url, '--sede', '01', '--ventanilla', '07', '--json']);
    expect(reg.code, reg.err).toBe(0);
    const deEstacion = radica(['central', 'modelo', 'importar', '--url', (reg.json() as { url: string }).url, '--csv', csv, '--texto', 'Asunto', '--tipo', 'Clase']);
    expect(deEstacion.code).toBe(1);
    expect(deEstacion.err).toContain('Solo el administrador');
    expect(importar('--texto', 'Resumen').code).toBe(2);

    const r = importar();
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toEqual({
      importados: 12,
      reemplazados: 0,
      catalogo: 1,
      rechazados: [
        { fila: 13, motivo: 'dependencia "Oficina de Deportes" no está en el catálogo' },
        { fila: 14, motivo: 'sin texto' },
      ],
    });
    const guardados = await consultar(url, 'SELECT tipo, dependencia, count(*)::int AS n, min(origen) AS origen FROM radica.ejemplos_importados GROUP BY 1, 2 ORDER BY 1');
    expect(guardados).toEqual([
      { tipo: 'PET-GEN', dependencia: '1000', n: 6, origen: 'orfeo-2025.csv' },
      { tipo: 'SUG', dependencia: '700', n: 6, origen: 'orfeo-2025.csv' },
    ]);
    expect(await consultar(url, `SELECT texto FROM radica.ejemplos_importados WHERE tipo = 'SUG' LIMIT 1`)).toEqual([{ texto: expect.stringMatching(/^Fumigación contra zancudos en la vereda [^,]+,\nurgente$/) }]);

    // The same file twice would count the history twice: refused, unless it replaces the first.
    const otraVez = importar();
    expect(otraVez.code).toBe(1);
    expect(otraVez.err).toMatch(/«orfeo-2025\.csv» ya se importó \(12 ejemplos, el \d\d\/\d\d\/\d{4}/);
    const texto = radica(['central', 'modelo', 'importar', '--url', url, '--csv', csv, '--texto', 'Asunto', '--tipo', 'Clase', '--dependencia', 'Oficina', '--reemplazar']);
    expect(texto.code, texto.err).toBe(0);
    expect(texto.out).toContain('Se importaron al servidor central 12 ejemplos de 14 filas de «orfeo-2025.csv» (reemplazan a los 12 importados antes con ese origen).');
    expect(texto.out).toContain('Etiquetas comparadas con el catálogo versión 1.');
    expect(texto.out).toContain('Rechazadas: 2.');
    expect(texto.out).toContain('  sin texto: línea 15');
    expect(await consultar(url, 'SELECT count(*)::int AS n FROM radica.ejemplos_importados')).toEqual([{ n: 12 }]);

    // No station has radicated anything: the entity's first model is the previous system's history.
    const v5 = estacion('v05', '05');
    const antes = radica(['clasificador', 'sugerir', ...v5, PRUEBA_COLISEO, '--json']).json() as { dependencias: { codigo: string }[] };
    expect(antes.dependencias.map((x) => x.codigo)).not.toContain('1000');
    const e = radica(['central', 'modelo', 'entrenar', '--url', url, '--json']);
    expect(e.code, e.err).toBe(0);
    expect(e.json()).toMatchObject({ radicados: 0, importados: 12, revisados: 0, demo: false });
    expect((e.json() as { modelos: { ejemplos: number }[] }).modelos.map((m) => m.ejemplos)).toEqual([12, 12]);
    expect(radica(['sync', ...v5, '--url', url, '--json']).code).toBe(0);
    const despues = radica(['clasificador', 'sugerir', ...v5, PRUEBA_COLISEO, '--json']).json() as { dependencias: { codigo: string }[]; sugerencias: { codigo: string }[] };
    expect(despues.dependencias[0]!.codigo).toBe('1000');
    expect(despues.sugerencias[0]!.codigo).toBe('PET-GEN');

    // IT sees what the model learns from, and takes a wrong file back out.
    const lista = radica(['central', 'modelo', 'importados', '--url', url, '--json']);
    expect(lista.code, lista.err).toBe(0);
    expect(lista.json()).toEqual({
      importaciones: [{ origen: 'orfeo-2025.csv', ejemplos: 12, importadoEn: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*-05:00$/), importadoPor: new URL(url).username }],
      quitados: 0,
    });
    const nada = radica(['central', 'modelo', 'importados', '--url', url, '--quitar-origen', 'otro.csv']);
    expect(nada.code).toBe(1);
    expect(nada.err).toContain('No hay nada importado con el origen «otro.csv»');
    const quitar = radica(['central', 'modelo', 'importados', '--url', url, '--quitar-origen', 'orfeo-2025.csv']);
    expect(quitar.code, quitar.err).toBe(0);
    expect(quitar.out).toBe('Se quitaron los 12 ejemplos importados de «orfeo-2025.csv». El próximo «radica central modelo entrenar» ya no los usa.\nNo hay histórico importado en el servidor central.\n');
    expect(radica(['central', 'modelo', 'entrenar', '--url', url]).err).toContain('todavía no tiene radicados ni ejemplos importados');
  });

  it('sin catálogo publicado, las etiquetas importadas se comparan con los códigos que ya usan los radicados', async () => {
    const url = await entorno.pg().nuevaBase('sin_catalogo');
    expect(radica(['central', 'migrar', '--url', url]).code).toBe(0);
    const v6 = estacion('v06', '06');
    radicar(v6, 'Daño del alumbrado público en la vereda El Rosal', 'PET-GEN', '800');
    expect(radica(['sync', ...v6, '--url', url, '--json']).json()).toMatchObject({ pendientes: 0 });
    const csv = path.join(entorno.dir(), 'mercurio.csv');
    writeFileSync(csv, 'texto,tipo,dependencia\nPoste caído en la vía,pet-gen,800\nRuido de un bar,QUE,500\n');
    const r = radica(['central', 'modelo', 'importar', '--url', url, '--csv', csv, '--texto', 'texto', '--tipo', 'tipo', '--dependencia', 'dependencia']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Etiquetas comparadas con los códigos que ya usan los radicados (no hay catálogo publicado).');
    expect(r.out).toContain('tipo "QUE" no está en el catálogo: línea 3');
    expect(r.out).toContain('--equivalencias ARCHIVO');
    expect(await consultar(url, 'SELECT texto, tipo, dependencia FROM radica.ejemplos_importados')).toEqual([{ texto: 'Poste caído en la vía', tipo: 'PET-GEN', dependencia: '800' }]);

    // Told what the old labels are here, the same file comes in whole.
    const eq = path.join(entorno.dir(), 'equivalencias.csv');
    writeFileSync(eq, 'campo,valor,codigo\ntipo,QUE,PET-GEN\ndependencia,500,800\n');
    const conEq = radica(['central', 'modelo', 'importar', '--url', url, '--csv', csv, '--texto', 'texto', '--tipo', 'tipo', '--dependencia', 'dependencia', '--reemplazar', '--equivalencias', eq, '--json']);
    expect(conEq.code, conEq.err).toBe(0);
    expect(conEq.json()).toMatchObject({ importados: 2, reemplazados: 1, rechazados: [] });
    expect(await consultar(url, 'SELECT texto, tipo, dependencia FROM radica.ejemplos_importados ORDER BY texto')).toEqual([
      { texto: 'Poste caído en la vía', tipo: 'PET-GEN', dependencia: '800' },
      { texto: 'Ruido de un bar', tipo: 'PET-GEN', dependencia: '800' },
    ]);
  });
});
