import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESC_T_PAGINA, aPc850, layoutAEscPos } from '../../../electron/printing/escpos';
import { construirLayout } from '../../../shared/sticker/layout';
import type { StickerLayout } from '../../../shared/sticker/types';
import { tempDir } from '../helpers';
import { type Comando, codificarPc850, leerEscPos, lineasImpresas, rasterAPng } from './escposParser';
import { leerSimbolos } from './herramientas';
import { MUESTRA } from './muestra';

const GOLDEN = path.join(__dirname, 'golden');
const dir = tempDir('radica-escpos-');

/** The data after GS k's "{B"/"{A"/"{C" code-set prefix: what a reader decodes. */
function sinConjunto(datos: Buffer): string {
  const s = datos.toString('latin1');
  return /^\{[ABC]/.test(s) ? s.slice(2) : s;
}

const recibo = (copia = false): StickerLayout => construirLayout({ ...MUESTRA, copia }, 'recibo-80');
const de = <T extends Comando['tipo']>(cs: Comando[], tipo: T) => cs.filter((c): c is Extract<Comando, { tipo: T }> => c.tipo === tipo);

/** Golden bytes: ACTUALIZAR_GOLDEN=1 rewrites them after a deliberate change (then look at the diff). */
function compararGolden(nombre: string, bytes: Buffer): void {
  const archivo = path.join(GOLDEN, nombre);
  if (process.env.ACTUALIZAR_GOLDEN === '1' || !existsSync(archivo)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(archivo, bytes);
    if (process.env.ACTUALIZAR_GOLDEN !== '1') throw new Error(`${nombre} no existía: se creó; vuelva a correr la prueba y revíselo`);
    return;
  }
  const esperado = readFileSync(archivo);
  const primera = [...bytes].findIndex((b, i) => b !== esperado[i]);
  expect({ longitud: bytes.length, primeraDiferencia: primera }).toEqual({ longitud: esperado.length, primeraDiferencia: bytes.length === esperado.length ? -1 : primera });
  expect(bytes.equals(esperado)).toBe(true);
}

describe('layoutAEscPos, native codes', () => {
  const bytes = layoutAEscPos(recibo(), { modoCodigos: 'nativo' });
  const cs = leerEscPos(bytes);

  it('starts with ESC @ and selects PC850 with ESC t 2 before any text', () => {
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 2]);
    expect(ESC_T_PAGINA).toBe(2);
    // The page is never switched mid-receipt (the library does that silently for unknown characters).
    expect(de(cs, 'esc').filter((c) => c.letra === 't').map((c) => c.args[0])).toEqual([2]);
  });

  it('Code 128 (GS k 73) carries exactly the number', () => {
    const codigos = de(cs, 'codigo128');
    expect(codigos).toHaveLength(1);
    expect(codigos[0]!.m).toBe(73);
    expect(sinConjunto(codigos[0]!.datos)).toBe(MUESTRA.numero);
    // Module width and height set before it, and sensible for 72 mm: fits the head, ~12 mm tall.
    const w = de(cs, 'gs').find((c) => c.letra === 'w')!.args[0]!;
    const h = de(cs, 'gs').find((c) => c.letra === 'h')!.args[0]!;
    expect(w).toBeGreaterThanOrEqual(2);
    expect(w * (11 * (MUESTRA.numero.length + 2) + 13 + 20)).toBeLessThanOrEqual(576);
    expect(h).toBe(96);
    expect(de(cs, 'gs').find((c) => c.letra === 'H')!.args[0]).toBe(0);
  });

  it('QR (GS ( k) stores exactly the consultation URL, at about 30 mm', () => {
    const qr = de(cs, 'gs(k').filter((c) => c.cn === 0x31);
    const guardar = qr.filter((c) => c.fn === 0x50);
    expect(guardar).toHaveLength(1);
    expect(guardar[0]!.datos.subarray(1).toString('latin1')).toBe(MUESTRA.urlConsulta);
    expect(qr.map((c) => c.fn)).toEqual([0x41, 0x43, 0x45, 0x50, 0x51]);
    const celda = qr.find((c) => c.fn === 0x43)!.datos[0]!;
    const layout = recibo();
    const modulos = layout.elementos.find((e) => e.tipo === 'qr')!;
    expect(modulos.tipo === 'qr' && (modulos.tamano * celda) / 8).toBeGreaterThan(27);
    expect(modulos.tipo === 'qr' && (modulos.tamano * celda) / 8).toBeLessThan(34);
    expect(qr.find((c) => c.fn === 0x45)!.datos[0]).toBe(0x31); // error correction M, as the layout
  });

  it('prints accents and ñ in PC850', () => {
    expect([...codificarPc850('ñÑáéíóú¿¡°')]).toEqual([0xa4, 0xa5, 0xa0, 0x82, 0xa1, 0xa2, 0xa3, 0xa8, 0xad, 0xf8]);
    expect(bytes.includes(codificarPc850('Iñaki Peñaloza Muñoz'))).toBe(true);
    expect(bytes.includes(codificarPc850('Alcaldía de Santa Bárbara de Pinto'))).toBe(true);
    expect(bytes.includes(Buffer.from('ñ', 'utf8'))).toBe(false);
    const lineas = lineasImpresas(cs);
    expect(lineas).toContain('Radicado N°');
    expect(lineas).toContain(MUESTRA.numero);
    expect(lineas).toContain('Remitente: Iñaki Peñaloza Muñoz');
    expect(lineas.some((l) => l.startsWith('Asunto: ¿Por qué'))).toBe(true);
    expect(lineas.join('\n')).toContain('¡Urgente!');
    expect(lineas).not.toContain('*** COPIA ***');
    // The URL under the QR is whole, split over lines of font B but never cut.
    expect(lineas.join('')).toContain(MUESTRA.urlConsulta);
  });

  it('fits every line in its columns for its size', () => {
    let ancho = 1;
    let fuenteB = false;
    for (const c of cs) {
      if (c.tipo === 'esc' && c.letra === '!') {
        ancho = c.args[0]! & 0x20 ? 2 : 1;
        fuenteB = (c.args[0]! & 1) === 1;
      }
      if (c.tipo === 'esc' && c.letra === 'M') fuenteB = c.args[0] === 1;
      if (c.tipo === 'texto') expect(c.bytes.length * ancho * (fuenteB ? 9 : 12)).toBeLessThanOrEqual(576);
    }
  });

  it('ends with feed and a partial cut', () => {
    const ultimos = cs.slice(-4);
    expect(ultimos).toEqual([
      { tipo: 'esc', letra: 'd', args: [4] },
      { tipo: 'esc', letra: 'd', args: [4] },
      { tipo: 'corte', m: 1 },
      { tipo: 'esc', letra: '@', args: [] },
    ]);
  });

  it('marks a reprint COPIA in double size', () => {
    const lineas = lineasImpresas(leerEscPos(layoutAEscPos(recibo(true), { modoCodigos: 'nativo' })));
    expect(lineas[0]).toBe('*** COPIA ***');
  });

  it('matches the golden bytes', () => {
    compararGolden('recibo-80.escpos.bin', bytes);
  });
});

describe('layoutAEscPos, raster codes', () => {
  const bytes = layoutAEscPos(recibo(), { modoCodigos: 'raster' });
  const cs = leerEscPos(bytes);

  it('has no native barcode or QR commands, two GS v 0 images within 576 dots', () => {
    expect(de(cs, 'codigo128')).toHaveLength(0);
    expect(de(cs, 'gs(k')).toHaveLength(0);
    const imagenes = de(cs, 'raster');
    expect(imagenes).toHaveLength(2);
    for (const r of imagenes) {
      expect(r.m).toBe(0);
      expect(r.anchoBytes * 8).toBeLessThanOrEqual(576);
    }
  });

  it('the images scan: barcode → number, QR → URL', () => {
    const [barras, qr] = de(cs, 'raster');
    const pngBarras = path.join(dir, 'barras.png');
    const pngQr = path.join(dir, 'qr.png');
    writeFileSync(pngBarras, rasterAPng(barras!));
    writeFileSync(pngQr, rasterAPng(qr!));
    expect(leerSimbolos(pngBarras)).toEqual({ codigo128: [MUESTRA.numero], qr: [] });
    expect(leerSimbolos(pngQr)).toEqual({ codigo128: [], qr: [MUESTRA.urlConsulta] });
    // Sizes as on the layout: 12 mm bars, a QR of about 30 mm (8 dots/mm).
    expect(barras!.alto).toBe(96);
    expect(qr!.alto / 8).toBeGreaterThan(27);
    expect(qr!.alto / 8).toBeLessThan(34);
  });

  it('matches the golden bytes', () => {
    compararGolden('recibo-80.raster.escpos.bin', bytes);
  });
});

describe('layoutAEscPos, other layouts and odd text', () => {
  it('encodes the constancia and the label templates, codes scannable in raster', () => {
    for (const [plantilla, documento] of [['recibo-80', 'constancia'], ['etiqueta-100x50', 'rotulo'], ['etiqueta-62', 'rotulo']] as const) {
      const layout = construirLayout(MUESTRA, plantilla, documento);
      const nativo = leerEscPos(layoutAEscPos(layout, { modoCodigos: 'nativo' }));
      expect(sinConjunto(de(nativo, 'codigo128')[0]!.datos)).toBe(MUESTRA.numero);
      expect(lineasImpresas(nativo)).toContain(MUESTRA.numero);
      // Reading order puts a label's QR (top right) before its barcode: decode every image.
      const leidos = de(leerEscPos(layoutAEscPos(layout, { modoCodigos: 'raster' })), 'raster').map((r, k) => {
        const png = path.join(dir, `${plantilla}-${documento}-${k}.png`);
        writeFileSync(png, rasterAPng(r));
        return leerSimbolos(png);
      });
      expect(leidos.flatMap((l) => l.codigo128)).toEqual([MUESTRA.numero]);
      expect(leidos.flatMap((l) => l.qr)).toEqual([MUESTRA.urlConsulta]);
    }
  });

  it('never lets a character outside PC850 switch the code page', () => {
    expect(aPc850('Año… “cita” – 50 € • ok')).toBe('Año... "cita" - 50 EUR · ok');
    // Accents come off when Unicode can decompose the letter (Č → C); Ł cannot, and turns into '?'.
    expect(aPc850('Čapek Łódź 😀')).toBe('Capek ?ódz ?');
    const layout = construirLayout({ ...MUESTRA, asunto: 'Queja… “urgente” – Čapek 😀 ñ' }, 'recibo-80');
    const cs = leerEscPos(layoutAEscPos(layout, { modoCodigos: 'nativo' }));
    expect(de(cs, 'esc').filter((c) => c.letra === 't')).toHaveLength(1);
    expect(lineasImpresas(cs).join('\n')).toContain('Queja... "urgente" - Capek ? ñ');
  });
});
