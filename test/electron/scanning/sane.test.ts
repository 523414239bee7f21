import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  argumentosEscaneoSane,
  capacidadesSane,
  dispositivoSane,
  escanerSane,
  falloSane,
  parsearListaSane,
  parsearOpcionesSane,
} from '../../../electron/scanning/sane';
import { FalloEscaner, type OpcionesEscaneo, type PaginaEscaneada } from '../../../electron/scanning/types';
import { cabeceraPng, dimensionesJpeg, saneDePrueba, type SaneDePrueba } from './saneReal';

const muestra = (n: string) => readFileSync(path.join(__dirname, 'muestras', `${n}.txt`), 'utf8');
const capacidades = (n: string) => capacidadesSane(parsearOpcionesSane(muestra(n)));
const disp = (n: string) => dispositivoSane('x', 'X', capacidades(n));

describe('scanimage -A de backends reales', () => {
  it('fujitsu fi-7260: vidrio, ADF Front, dúplex; rango 50..600 → valores típicos', () => {
    const c = capacidades('fujitsu-fi7260');
    expect(c.fuentes).toEqual({ plano: ['--source', 'Flatbed'], adf: ['--source', 'ADF Front'], duplex: ['--source', 'ADF Duplex'] });
    expect(c.modos).toEqual({ color: ['--mode', 'Color'], gris: ['--mode', 'Gray'], blanco_negro: ['--mode', 'Lineart'] });
    expect(disp('fujitsu-fi7260')).toMatchObject({ fuentes: ['adf', 'plano'], duplex: true, modos: ['color', 'gris', 'blanco_negro'], resoluciones: [150, 200, 300, 600] });
  });

  it('epjitsu (ScanSnap) y canon_dr: solo alimentador, lista de resoluciones', () => {
    expect(disp('epjitsu-s1300i')).toMatchObject({ fuentes: ['adf'], duplex: true, resoluciones: [150, 225, 300, 600] });
    expect(disp('canon_dr-c225')).toMatchObject({ fuentes: ['adf'], duplex: true, resoluciones: [100, 150, 200, 300, 400, 600] });
  });

  it('brother4: nombres con corchetes y paréntesis; gris verdadero (no tramado), color de 24 bits', () => {
    const c = capacidades('brother4-mfc-l2750dw');
    expect(c.modos).toEqual({ color: ['--mode', '24bit Color'], gris: ['--mode', 'True Gray'], blanco_negro: ['--mode', 'Black & White'] });
    expect(c.fuentes).toEqual({
      plano: ['--source', 'FlatBed'],
      adf: ['--source', 'Automatic Document Feeder(left aligned)'],
      duplex: ['--source', 'Automatic Document Feeder(left aligned,Duplex)'],
    });
  });

  it('hpaio: Flatbed|ADF|Duplex', () => {
    const c = capacidades('hpaio-m426fdn');
    expect(c.fuentes).toEqual({ plano: ['--source', 'Flatbed'], adf: ['--source', 'ADF'], duplex: ['--source', 'Duplex'] });
    expect(c.resoluciones).toEqual([75, 100, 150, 200, 300, 600, 1200]);
  });

  it('epson2: el dúplex va aparte (--adf-mode), la profundidad inactiva no se toca', () => {
    const c = capacidades('epson2-wf7610');
    expect(c.fuentes.duplex).toEqual(['--source', 'Automatic Document Feeder', '--adf-mode', 'Duplex']);
    expect(c.modos.gris).toEqual(['--mode', 'Gray']);
  });

  it('avision: "Normal" no es el vidrio si no lo dice; rango con pasos de 5; 12/48 bits descartados', () => {
    const c = capacidades('avision-ad240');
    expect(c.modos).toEqual({ color: ['--mode', 'Color'], gris: ['--mode', 'Gray'], blanco_negro: ['--mode', 'Lineart'] });
    expect(c.resoluciones).toEqual([150, 200, 300, 600]);
    expect(c.fuentes.adf).toEqual(['--source', 'ADF Front']);
  });

  it('eSCL (airscan): sin blanco y negro; genesys: cama plana sin --source', () => {
    expect(disp('airscan-escl')).toMatchObject({ fuentes: ['adf', 'plano'], duplex: true, modos: ['color', 'gris'], resoluciones: [300, 600] });
    expect(disp('genesys-flatbed')).toMatchObject({ fuentes: ['plano'], duplex: false, modos: ['color', 'gris', 'blanco_negro'] });
    expect(capacidades('genesys-flatbed').fuentes.plano).toEqual([]);
  });

  it('backend test (capturado): blanco y negro = gris a 1 bit; rango 1..1200', () => {
    const c = capacidades('test');
    expect(c.modos.blanco_negro).toEqual(['--mode', 'Gray', '--depth', '1']);
    expect(c.fuentes).toEqual({ plano: ['--source', 'Flatbed'], adf: ['--source', 'Automatic Document Feeder'] });
    expect(c.resoluciones).toEqual([150, 200, 300, 600]);
    const op = parsearOpcionesSane(muestra('test'));
    expect(op.get('--three-pass')).toMatchObject({ inactiva: true });
    expect(op.get('-x')).toMatchObject({ rango: { min: 0, max: 200, paso: 1 }, actual: '80' });
  });
});

describe('argumentos de scanimage', () => {
  const base: OpcionesEscaneo = { dispositivo: 'fujitsu:fi-7260dj:1234', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: '/tmp/x y/100%' };

  it('alimentador en gris → JPEG, lote con número de páginas; % de la carpeta escapado', () => {
    const c = argumentosEscaneoSane(capacidades('fujitsu-fi7260'), { ...base, paginas: 7 }, ['--swdeskew=yes']);
    expect(c).toEqual({
      formato: 'jpeg',
      extension: 'jpg',
      args: [
        '-d', 'fujitsu:fi-7260dj:1234', '--source', 'ADF Front', '--mode', 'Gray', '--resolution', '300',
        '--format=jpeg', '--batch=/tmp/x y/100%%/pagina-%04d.jpg', '--batch-print', '--batch-count=7', '--swdeskew=yes',
      ],
    });
  });

  it('dúplex: hojas × 2 imágenes; vidrio: una página; blanco y negro → PNG', () => {
    expect(argumentosEscaneoSane(capacidades('fujitsu-fi7260'), { ...base, duplex: true, paginas: 3 }).args).toContain('--batch-count=6');
    const plano = argumentosEscaneoSane(capacidades('fujitsu-fi7260'), { ...base, fuente: 'plano', paginas: 9 });
    expect(plano.args).toContain('--batch-count=1');
    expect(plano.args).toContain('Flatbed');
    const bn = argumentosEscaneoSane(capacidades('fujitsu-fi7260'), { ...base, modo: 'blanco_negro' });
    expect(bn.formato).toBe('png');
    expect(bn.args).toContain('--format=png');
    expect(bn.args.some((a) => a.startsWith('--batch-count'))).toBe(false); // until the feeder is empty
  });

  it('dúplex o vidrio que el equipo no tiene → no_soportado, con mensaje en español', () => {
    const sinDuplex = capacidades('genesys-flatbed');
    expect(() => argumentosEscaneoSane(sinDuplex, { ...base, duplex: true })).toThrow(/dos caras/);
    try {
      argumentosEscaneoSane(capacidades('epjitsu-s1300i'), { ...base, fuente: 'plano' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FalloEscaner);
      expect((e as FalloEscaner).causa).toBe('no_soportado');
      expect((e as FalloEscaner).message).toMatch(/vidrio/);
    }
    expect(() => argumentosEscaneoSane(capacidades('airscan-escl'), { ...base, modo: 'blanco_negro' })).toThrow(/blanco y negro/);
  });
});

describe('mensajes de scanimage → FalloEscaner', () => {
  const f = (stderr: string, codigo: number | null, paginas = 0) => falloSane(stderr.split('\n'), codigo, paginas, 'dev');
  it('fin del alimentador tras páginas = fin normal; antes de la primera = sin_papel', () => {
    expect(f('scanimage: sane_start: Document feeder out of documents\nBatch terminated, 10 pages scanned', 7, 10)).toBeNull();
    expect(f('scanimage: sane_start: Document feeder out of documents', 7, 0)?.causa).toBe('sin_papel');
  });
  it('atasco a mitad de lote, tapa, ocupado, dispositivo, opciones', () => {
    expect(f('Scanned page 2. (scanner status = 5)\nscanimage: sane_read: Document feeder jammed\nScanned page 3. (scanner status = 6)', 6, 2)?.causa).toBe('atasco');
    expect(f('scanimage: sane_start: Scanner cover is open', 8)?.causa).toBe('atasco');
    expect(f('scanimage: open of device epjitsu:libusb:001:004 failed: Device busy', 1)?.causa).toBe('ocupado');
    expect(f('scanimage: open of device nada:0 failed: Invalid argument', 1)?.causa).toBe('sin_dispositivo');
    expect(f('scanimage: setting of option --source failed (Invalid argument)', 1)?.message).toMatch(/fuente/);
    expect(f('scanimage: sane_read: Error during device I/O', 9)?.causa).toBe('sin_dispositivo');
    expect(f('', 3)?.causa).toBe('ocupado'); // only the exit status
    expect(f('algo raro', 1)?.causa).toBe('fallo');
  });
  it('scanimage -f', () => {
    expect(parsearListaSane('test:0\tNoname\tfrontend-tester\tvirtual device\nbasura\n')).toEqual([
      { id: 'test:0', fabricante: 'Noname', modelo: 'frontend-tester', tipo: 'virtual device' },
    ]);
  });
});

describe('escanerSane con el backend test real', () => {
  let sane: SaneDePrueba;
  beforeAll(() => (sane = saneDePrueba()));
  afterAll(() => sane?.cerrar());
  const escaner = (extra: string[] = ['--test-picture', 'Grid']) => escanerSane({ entorno: sane.entorno, argumentosExtra: extra });
  const archivos = (c: string) => readdirSync(c).sort();
  const causa = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(FalloEscaner);
      return (e as FalloEscaner).causa;
    }
    throw new Error('se esperaba FalloEscaner');
  };

  it('lista los dispositivos test con sus capacidades', async () => {
    const d = await escaner().listar();
    expect(d.map((x) => x.id)).toEqual(['test:0', 'test:1']);
    expect(d[0]).toEqual({
      id: 'test:0',
      nombre: 'frontend-tester (test:0)',
      fuentes: ['adf', 'plano'],
      duplex: false,
      modos: ['color', 'gris', 'blanco_negro'],
      resoluciones: [150, 200, 300, 600],
    });
  });

  it('5 páginas por el alimentador a 150 ppp en gris: 5 JPEG válidos, informados en orden antes de resolver', async () => {
    const carpeta = sane.carpeta();
    const vistas: { p: PaginaEscaneada; existia: boolean; tam: number }[] = [];
    let resuelto = false;
    const promesa = escaner(['--test-picture', 'Grid', '-x', '200', '-y', '200'])
      .escanear({ dispositivo: 'test:0', fuente: 'adf', resolucion: 150, modo: 'gris', paginas: 5, carpeta }, (p) => {
        expect(resuelto).toBe(false);
        const b = readFileSync(p.ruta);
        vistas.push({ p, existia: true, tam: b.length });
        // Complete when reported: the JPEG parses to the end marker.
        expect(b.subarray(-2).toString('hex')).toBe('ffd9');
      })
      .then((r) => ((resuelto = true), r));
    const paginas = await promesa;
    expect(paginas.map((p) => p.indice)).toEqual([1, 2, 3, 4, 5]);
    expect(vistas.map((v) => v.p)).toEqual(paginas);
    expect(archivos(carpeta)).toEqual(['pagina-0001.jpg', 'pagina-0002.jpg', 'pagina-0003.jpg', 'pagina-0004.jpg', 'pagina-0005.jpg']);
    for (const p of paginas) {
      expect(p.formato).toBe('jpeg');
      expect(path.dirname(p.ruta)).toBe(carpeta);
      const dim = dimensionesJpeg(readFileSync(p.ruta));
      // 200 mm is the test backend's largest area (A4 is 210 × 297): 200 / 25.4 × 150 = 1181 px.
      expect(dim).toEqual({ ancho: 1181, alto: 1181, componentes: 1 });
    }
  });

  it('vidrio: una sola página aunque se pidan más', async () => {
    const carpeta = sane.carpeta();
    const p = await escaner().escanear({ dispositivo: 'test:0', fuente: 'plano', resolucion: 150, modo: 'color', paginas: 4, carpeta });
    expect(p).toHaveLength(1);
    expect(dimensionesJpeg(readFileSync(p[0]!.ruta)).componentes).toBe(3);
  });

  it('blanco y negro → PNG de 1 bit', async () => {
    const carpeta = sane.carpeta();
    const p = await escaner().escanear({ dispositivo: 'test:0', fuente: 'adf', resolucion: 200, modo: 'blanco_negro', paginas: 2, carpeta });
    expect(p.map((x) => [path.basename(x.ruta), x.formato])).toEqual([
      ['pagina-0001.png', 'png'],
      ['pagina-0002.png', 'png'],
    ]);
    const png = cabeceraPng(readFileSync(p[0]!.ruta));
    // 80 × 100 mm at 200 dpi = 630 × 787; a line-art row is a whole number of bytes, so the width may round down.
    expect(png.bits).toBe(1);
    expect(png.alto).toBe(787);
    expect(Math.abs(png.ancho - 630)).toBeLessThanOrEqual(8);
  });

  it('el alimentador se vacía tras 10 hojas: termina bien con 10 páginas (pedidas 15 y sin límite)', async () => {
    const c1 = sane.carpeta();
    const p1 = await escaner().escanear({ dispositivo: 'test:0', fuente: 'adf', resolucion: 50, modo: 'gris', paginas: 15, carpeta: c1 });
    expect(p1).toHaveLength(10);
    expect(archivos(c1)).toHaveLength(10);
    const c2 = sane.carpeta();
    expect(await escaner().escanear({ dispositivo: 'test:0', fuente: 'adf', resolucion: 50, modo: 'gris', carpeta: c2 })).toHaveLength(10);
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'atasco'],
    ['SANE_STATUS_COVER_OPEN', 'atasco'],
    ['SANE_STATUS_DEVICE_BUSY', 'ocupado'],
    ['SANE_STATUS_NO_DOCS', 'sin_papel'],
    ['SANE_STATUS_INVAL', 'no_soportado'],
    ['SANE_STATUS_IO_ERROR', 'sin_dispositivo'],
  ])('%s → %s, sin archivos a medias', async (estado, esperado) => {
    const carpeta = sane.carpeta();
    const vistas: PaginaEscaneada[] = [];
    const p = escaner(['--test-picture', 'Grid', '--read-return-value', estado]).escanear(
      { dispositivo: 'test:0', fuente: 'adf', resolucion: 50, modo: 'gris', paginas: 3, carpeta },
      (x) => vistas.push(x),
    );
    expect(await causa(p)).toBe(esperado);
    expect(vistas).toEqual([]);
    expect(archivos(carpeta)).toEqual([]);
  });

  it('dispositivo desconocido → sin_dispositivo; dúplex en el test → no_soportado sin escanear', async () => {
    const carpeta = sane.carpeta();
    expect(await causa(escaner().escanear({ dispositivo: 'nada:0', fuente: 'adf', resolucion: 150, modo: 'gris', carpeta }))).toBe('sin_dispositivo');
    expect(await causa(escaner().escanear({ dispositivo: 'test:0', fuente: 'adf', duplex: true, resolucion: 150, modo: 'gris', carpeta }))).toBe('no_soportado');
    expect(archivos(carpeta)).toEqual([]);
  });

  it('cancelar a mitad de lote → cancelado; quedan solo las páginas ya informadas, sin .part', async () => {
    const carpeta = sane.carpeta();
    const ac = new AbortController();
    const vistas: PaginaEscaneada[] = [];
    const inicio = Date.now();
    const p = escaner(['--test-picture', 'Grid', '--read-delay=yes', '--read-delay-duration=100000']).escanear(
      { dispositivo: 'test:0', fuente: 'adf', resolucion: 50, modo: 'gris', paginas: 8, carpeta, senal: ac.signal },
      (x) => {
        vistas.push(x);
        if (vistas.length === 2) ac.abort();
      },
    );
    expect(await causa(p)).toBe('cancelado');
    expect(Date.now() - inicio).toBeLessThan(8000);
    expect(vistas.map((v) => v.indice)).toEqual([1, 2]);
    expect(archivos(carpeta)).toEqual(['pagina-0001.jpg', 'pagina-0002.jpg']);
  });

  it('tiempo máximo → fallo, sin archivos a medias', async () => {
    const carpeta = sane.carpeta();
    const lento = escanerSane({ entorno: sane.entorno, tiempoMaximoMs: 800, argumentosExtra: ['--read-delay=yes', '--read-delay-duration=100000'] });
    const p = lento.escanear({ dispositivo: 'test:0', fuente: 'adf', resolucion: 50, modo: 'gris', paginas: 8, carpeta });
    expect(await causa(p)).toBe('fallo');
    expect(archivos(carpeta).every((n) => /^pagina-\d{4}\.jpg$/.test(n))).toBe(true);
  });

  it('scanimage ausente → sin_dispositivo con instrucción de instalar sane-utils', async () => {
    const e = escanerSane({ comando: '/nonexistent/scanimage' });
    await expect(e.listar()).rejects.toThrow(/sane-utils/);
  });
});
