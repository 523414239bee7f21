import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ARGUMENTOS_POWERSHELL,
  comandoEscaneoWia,
  entradaPowershell,
  escanerWia,
  falloWia,
  parsearLineaWia,
  parsearListaWia,
  SCRIPT_WIA,
} from '../../../electron/scanning/wia';
import { argumentosEscaneoNaps2, argumentosListarNaps2, escanerNaps2, falloNaps2, ordenarPaginasNaps2, parsearListaNaps2 } from '../../../electron/scanning/naps2';
import { FalloEscaner, type OpcionesEscaneo, type PaginaEscaneada } from '../../../electron/scanning/types';

const CARPETA = 'C:\\Users\\José Pérez\\AppData\\Local\\Radica\\escaneo 7';
const base: OpcionesEscaneo = { dispositivo: '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: CARPETA };

describe('WIA: script y entorno', () => {
  it('powershell sin perfil ni interacción, script por stdin; nada del usuario en la línea de comandos', () => {
    expect(ARGUMENTOS_POWERSHELL).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-']);
    const entrada = entradaPowershell();
    // One line runs the whole script: -Command - would otherwise need blank lines after blocks.
    expect(entrada.split('\r\n')[0]).toMatch(/^& \(\[scriptblock\]::Create\(.*FromBase64String\('[A-Za-z0-9+/=]+'\)\)\)\)$/);
    const b64 = /FromBase64String\('([^']+)'\)/.exec(entrada)![1]!;
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(SCRIPT_WIA);
    // The script reads everything from the environment.
    expect(SCRIPT_WIA).toContain('$env:RADICA_WIA_DISPOSITIVO');
    expect(SCRIPT_WIA).toContain('$env:RADICA_WIA_CARPETA');
    expect(SCRIPT_WIA).not.toContain(CARPETA);
  });

  it('propiedades WIA: alimentador=1, vidrio=2, dúplex=1|4; intención; resolución; páginas', () => {
    const c = comandoEscaneoWia({ ...base, paginas: 5 });
    expect(c).toMatchObject({ formato: 'jpeg', extension: 'jpg' });
    expect(c.entorno).toEqual({
      RADICA_WIA_ACCION: 'escanear',
      RADICA_WIA_DISPOSITIVO: base.dispositivo,
      RADICA_WIA_CARPETA: CARPETA,
      RADICA_WIA_FUENTE: '1',
      RADICA_WIA_HOJAS: '5',
      RADICA_WIA_MAXIMO: '5',
      RADICA_WIA_INTENCION: '2',
      RADICA_WIA_RESOLUCION: '300',
      RADICA_WIA_FORMATO: '{B96B3CAE-0728-11D3-9D7B-0000F81EF32E}',
      RADICA_WIA_EXTENSION: 'jpg',
    });
    expect(comandoEscaneoWia({ ...base, fuente: 'plano', paginas: 5 }).entorno).toMatchObject({ RADICA_WIA_FUENTE: '2', RADICA_WIA_HOJAS: '1', RADICA_WIA_MAXIMO: '1' });
    expect(comandoEscaneoWia({ ...base, duplex: true, paginas: 2 }).entorno).toMatchObject({ RADICA_WIA_FUENTE: '5', RADICA_WIA_MAXIMO: '4' });
    expect(comandoEscaneoWia(base).entorno).toMatchObject({ RADICA_WIA_HOJAS: '0', RADICA_WIA_MAXIMO: '0' });
    const bn = comandoEscaneoWia({ ...base, modo: 'blanco_negro' });
    expect(bn).toMatchObject({ formato: 'png', entorno: { RADICA_WIA_INTENCION: '4', RADICA_WIA_EXTENSION: 'png', RADICA_WIA_FORMATO: '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}' } });
    expect(comandoEscaneoWia({ ...base, modo: 'color' }).entorno.RADICA_WIA_INTENCION).toBe('1');
    expect(SCRIPT_WIA).toMatch(/Fijar \$dev\.Properties 3088/);
    expect(SCRIPT_WIA).toMatch(/Fijar \$item\.Properties 6147/);
    expect(SCRIPT_WIA).toMatch(/Fijar \$item\.Properties 6148/);
    expect(SCRIPT_WIA).toMatch(/Fijar \$dev\.Properties 3096/);
  });

  it('lista: capacidades 3086 y resoluciones (lista o rango); nombres con acentos', () => {
    const salida = [
      'DISPOSITIVO\t{6BDD}\\0000\tEPSON DS-530 Escáner\t5\t100,150,200,300,600',
      'DISPOSITIVO\t{6BDD}\\0001\tCanon LiDE 300\t2\trango:75:1200:1',
      'DISPOSITIVO\t{6BDD}\\0002\tHP ocupado\tocupado\t',
      'basura',
    ].join('\r\n');
    expect(parsearListaWia(salida)).toEqual([
      { id: '{6BDD}\\0000', nombre: 'EPSON DS-530 Escáner', fuentes: ['adf'], duplex: true, modos: ['color', 'gris', 'blanco_negro'], resoluciones: [100, 150, 200, 300, 600] },
      { id: '{6BDD}\\0001', nombre: 'Canon LiDE 300', fuentes: ['plano'], duplex: false, modos: ['color', 'gris', 'blanco_negro'], resoluciones: [150, 200, 300, 600] },
      { id: '{6BDD}\\0002', nombre: 'HP ocupado', fuentes: ['plano'], duplex: false, modos: ['color', 'gris', 'blanco_negro'], resoluciones: [150, 200, 300, 600] },
    ]);
  });

  it('líneas del script y HRESULT → causa', () => {
    expect(parsearLineaWia('PAGINA 3 C:\\Users\\José Pérez\\escaneo 7\\pagina-0003.jpg')).toEqual({ tipo: 'pagina', n: 3, ruta: 'C:\\Users\\José Pérez\\escaneo 7\\pagina-0003.jpg' });
    expect(parsearLineaWia('FIN 3\r')).toEqual({ tipo: 'fin', n: 3 });
    expect(parsearLineaWia('ERROR 0x80210003 Exception from HRESULT')).toEqual({ tipo: 'error', hresult: 0x80210003 });
    expect(parsearLineaWia('otra cosa')).toBeNull();
    const casos: [number, string][] = [
      [0x80210003, 'sin_papel'],
      [0x80210002, 'atasco'],
      [0x80210016, 'atasco'],
      [0x80210006, 'ocupado'],
      [0x8021000d, 'ocupado'],
      [0x80210005, 'sin_dispositivo'],
      [0x8021000a, 'sin_dispositivo'],
      [0x80210015, 'sin_dispositivo'],
      [0x80070057, 'no_soportado'],
      [0x80210001, 'fallo'],
    ];
    for (const [h, c] of casos) expect([h.toString(16), falloWia(h, 'X').causa]).toEqual([h.toString(16), c]);
    expect(falloWia(0x80210001, 'X').message).toMatch(/0x80210001/);
  });

  it('ejecutor: lee las páginas a medida que el programa las imprime (programa sustituto)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-wia-'));
    try {
      const carpeta = path.join(dir, 'páginas con espacio');
      const prog = path.join(dir, 'powershell-falso.sh');
      // Stands in for powershell.exe: checks the environment and writes two pages, then a jam.
      writeFileSync(
        prog,
        `#!/bin/sh
cat > /dev/null
mkdir -p "$RADICA_WIA_CARPETA"
for n in 1 2; do printf x > "$RADICA_WIA_CARPETA/pagina-000$n.$RADICA_WIA_EXTENSION"; echo "PAGINA $n $RADICA_WIA_CARPETA/pagina-000$n.$RADICA_WIA_EXTENSION"; done
printf x > "$RADICA_WIA_CARPETA/pagina-0003.jpg.part"
echo "ERROR 0x80210002 atasco"
exit 1
`,
      );
      chmodSync(prog, 0o755);
      const vistas: PaginaEscaneada[] = [];
      const e = escanerWia({ comando: prog });
      const p = e.escanear({ ...base, carpeta }, (x) => vistas.push(x));
      await expect(p).rejects.toMatchObject({ causa: 'atasco' });
      expect(vistas.map((v) => path.basename(v.ruta))).toEqual(['pagina-0001.jpg', 'pagina-0002.jpg']);
      expect(readdirSync(carpeta).sort()).toEqual(['pagina-0001.jpg', 'pagina-0002.jpg']); // the .part is gone
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sin powershell → sin_dispositivo con mensaje', async () => {
    await expect(escanerWia({ comando: '/nonexistent/powershell.exe' }).listar()).rejects.toBeInstanceOf(FalloEscaner);
  });
});

describe('NAPS2 console', () => {
  it('listar y escanear: argumentos de NAPS2 7, rutas con espacios y acentos como un solo argumento', () => {
    expect(argumentosListarNaps2('twain')).toEqual(['--listdevices', '--driver', 'twain']);
    const c = argumentosEscaneoNaps2({ ...base, dispositivo: 'FUJITSU fi-7160', resolucion: 200 }, 'twain');
    expect(c).toEqual({
      formato: 'jpeg',
      extension: 'jpg',
      args: [
        '--noprofile', '--driver', 'twain', '--device', 'FUJITSU fi-7160', '--source', 'feeder', '--dpi', '200', '--bitdepth', 'gray',
        '-o', 'C:\\Users\\José Pérez\\AppData\\Local\\Radica\\escaneo 7\\pagina-$(nnnn).jpg', '--split', '-f',
      ],
    });
    expect(c.args.some((a) => a.includes('"'))).toBe(false);
    const args = (o: Partial<OpcionesEscaneo>) => argumentosEscaneoNaps2({ ...base, ...o }, 'wia').args;
    expect(args({ fuente: 'plano' })).toContain('glass');
    expect(args({ duplex: true })).toContain('duplex');
    const bn = argumentosEscaneoNaps2({ ...base, modo: 'blanco_negro', carpeta: 'C:\\x\\' }, 'escl');
    expect(bn.formato).toBe('png');
    expect(bn.args).toContain('bw');
    expect(bn.args).toContain('C:\\x\\pagina-$(nnnn).png');
    expect(args({ modo: 'color' })).toContain('color');
  });

  it('lista de dispositivos y mensajes de error en inglés y español', () => {
    expect(parsearListaNaps2('Canon DR-C225\r\nEPSON WF-7610 Series\r\n\r\nCanon DR-C225\r\n')).toMatchObject([
      { id: 'Canon DR-C225', nombre: 'Canon DR-C225', fuentes: ['adf', 'plano'] },
      { id: 'EPSON WF-7610 Series' },
    ]);
    expect(parsearListaNaps2('No scanning device was found.')).toEqual([]);
    const c = (t: string) => falloNaps2([t], 'X')?.causa;
    expect(c('No pages are in the feeder.')).toBe('sin_papel');
    expect(c('Sin hojas en el alimentador.')).toBe('sin_papel');
    expect(c('The scanner has a paper jam.')).toBe('atasco');
    expect(c('El escáner tiene un papel atascado.')).toBe('atasco');
    expect(c("The scanner's cover is open.")).toBe('atasco');
    expect(c('The selected scanner is busy.')).toBe('ocupado');
    expect(c('El escáner seleccionado está ocupado.')).toBe('ocupado');
    expect(c('The selected scanner could not be found.')).toBe('sin_dispositivo');
    expect(c('El escáner seleccionado está inactivo.')).toBe('sin_dispositivo');
    expect(c('The selected scanner does not support using duplex. If your scanner is supposed to support duplex, try using a different driver.')).toBe('no_soportado');
    expect(c('An unexpected error occurred.')).toBe('fallo');
    expect(falloNaps2(['Scanned page 1.', '1 page(s) scanned.'], 'X')).toBeNull();
    expect(ordenarPaginasNaps2(['pagina-10.jpg', 'pagina-9.jpg', 'otro.txt', 'pagina-0001.jpg'])).toEqual(['pagina-0001.jpg', 'pagina-9.jpg', 'pagina-10.jpg']);
  });

  it('ejecutor: informa las páginas al final en orden y respeta el límite pedido (programa sustituto)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'radica-naps2-'));
    try {
      const prog = path.join(dir, 'naps2-falso.sh');
      // Writes three pages where -o says, as NAPS2 does after the batch.
      writeFileSync(
        prog,
        `#!/bin/sh
while [ "$1" != "-o" ]; do shift; done
for n in 0001 0002 0003; do printf x > "$(echo "$2" | sed "s/\\$(nnnn)/$n/")"; done
`,
      );
      chmodSync(prog, 0o755);
      const carpeta = path.join(dir, 'escaneo ñ');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(carpeta);
      const vistas: PaginaEscaneada[] = [];
      const p = await escanerNaps2({ comando: prog }).escanear({ ...base, carpeta, paginas: 2 }, (x) => vistas.push(x));
      expect(p.map((x) => path.basename(x.ruta))).toEqual(['pagina-0001.jpg', 'pagina-0002.jpg']);
      expect(vistas).toEqual(p);
      expect(readdirSync(carpeta).sort()).toEqual(['pagina-0001.jpg', 'pagina-0002.jpg']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
