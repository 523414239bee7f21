/**
 * Windows scanners through WIA (Windows Image Acquisition), the driver model every scanner sold
 * for Windows ships, driven by a PowerShell script with the WIA Automation COM objects
 * (WIA.DeviceManager). No extra software on the station.
 *
 * Split in three so it is testable off Windows: the script and its environment (pure), the parsing
 * of what it prints (pure), and a thin executor. The script is a constant: the device id, the
 * folder and every choice go through environment variables, never into the script text, so an id
 * or a folder with quotes, `$` or accents cannot change what runs.
 */
import path from 'node:path';
import { ejecutarProceso, limpiarNoReportadas, type ResultadoProceso } from './proceso';
import { FalloEscaner, type CausaFalloEscaner, type DispositivoEscaner, type Escaner, type FuenteEscaneo, type ModoEscaneo, type OpcionesEscaneo, type PaginaEscaneada } from './types';

export interface OpcionesWia {
  /** powershell.exe (Windows PowerShell 5.1 has the COM interop WIA needs on every Windows 10/11). */
  comando?: string;
  entorno?: NodeJS.ProcessEnv;
  tiempoMaximoMs?: number;
}

// WIA property ids and values (wiadef.h).
export const WIA = {
  DPS_DOCUMENT_HANDLING_CAPABILITIES: 3086,
  DPS_DOCUMENT_HANDLING_STATUS: 3087,
  DPS_DOCUMENT_HANDLING_SELECT: 3088,
  DPS_PAGES: 3096,
  IPS_CUR_INTENT: 6146,
  IPS_XRES: 6147,
  IPS_YRES: 6148,
  FEEDER: 1,
  FLATBED: 2,
  DUPLEX: 4,
  /** WIA_IPS_CUR_INTENT: colour, greyscale, text (black and white). */
  INTENT: { color: 1, gris: 2, blanco_negro: 4 } as Record<ModoEscaneo, number>,
  FORMATO_JPEG: '{B96B3CAE-0728-11D3-9D7B-0000F81EF32E}',
  FORMATO_PNG: '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}',
} as const;

/**
 * Prints, per device: `DISPOSITIVO <tab> id <tab> name <tab> capabilities <tab> resolutions`;
 * per page: `PAGINA <n> <path>` once the file is saved; at the end `FIN <n>`; on failure
 * `ERROR 0x<hresult> <message>`. UTF-8 out, so accented device names survive.
 */
export const SCRIPT_WIA = String.raw`
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
function Prop($props, [int]$id) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { return $p } }; return $null }
function Fijar($props, [int]$id, $valor) { $p = Prop $props $id; if ($p -ne $null) { $p.Value = $valor } }
function Hresult($e) { $h = $e.Exception.HResult; if ($e.Exception.InnerException) { $h = $e.Exception.InnerException.HResult }; return ('0x{0:X8}' -f $h) }
$t = [char]9
try {
  $dm = New-Object -ComObject WIA.DeviceManager
  if ($env:RADICA_WIA_ACCION -eq 'listar') {
    foreach ($info in $dm.DeviceInfos) {
      if ($info.Type -ne 1) { continue }
      $nombre = (Prop $info.Properties 7).Value
      $cap = ''; $res = ''
      try {
        $d = $info.Connect()
        $c = Prop $d.Properties 3086; if ($c -ne $null) { $cap = [string]$c.Value }
        $r = Prop $d.Items.Item(1).Properties 6147
        if ($r -ne $null) {
          if ($r.SubType -eq 2) { $res = ($r.SubTypeValues | ForEach-Object { $_ }) -join ',' }
          elseif ($r.SubType -eq 1) { $res = 'rango:' + $r.SubTypeMin + ':' + $r.SubTypeMax + ':' + $r.SubTypeStep }
        }
      } catch { $cap = 'ocupado' }
      Write-Output ('DISPOSITIVO' + $t + $info.DeviceID + $t + $nombre + $t + $cap + $t + $res)
    }
    exit 0
  }
  $info = $null
  foreach ($i in $dm.DeviceInfos) { if ($i.DeviceID -eq $env:RADICA_WIA_DISPOSITIVO) { $info = $i } }
  if ($info -eq $null) { Write-Output 'ERROR 0x80210015 dispositivo no encontrado'; exit 2 }
  $dev = $info.Connect()
  $fuente = [int]$env:RADICA_WIA_FUENTE
  Fijar $dev.Properties 3088 $fuente
  $alimentador = ($fuente -band 1) -ne 0
  if ($alimentador) { Fijar $dev.Properties 3096 ([int]$env:RADICA_WIA_HOJAS) }
  $item = $dev.Items.Item(1)
  Fijar $item.Properties 6146 ([int]$env:RADICA_WIA_INTENCION)
  Fijar $item.Properties 6147 ([int]$env:RADICA_WIA_RESOLUCION)
  Fijar $item.Properties 6148 ([int]$env:RADICA_WIA_RESOLUCION)
  $maximo = [int]$env:RADICA_WIA_MAXIMO
  $n = 0
  while ($true) {
    try { $img = $item.Transfer($env:RADICA_WIA_FORMATO) }
    catch {
      $h = Hresult $_
      # Feeder empty after at least one page: the normal end of a batch.
      if ($h -eq '0x80210003' -and $n -gt 0) { break }
      throw
    }
    if ($img.FormatID -ne $env:RADICA_WIA_FORMATO) {
      # Some drivers ignore the requested format and hand back BMP: convert before saving.
      $ip = New-Object -ComObject WIA.ImageProcess
      $ip.Filters.Add($ip.FilterInfos.Item('Convert').FilterID)
      $ip.Filters.Item(1).Properties.Item('FormatID').Value = $env:RADICA_WIA_FORMATO
      $img = $ip.Apply($img)
    }
    $n = $n + 1
    $ruta = Join-Path $env:RADICA_WIA_CARPETA ('pagina-{0:D4}.{1}' -f $n, $env:RADICA_WIA_EXTENSION)
    $tmp = $ruta + '.part'
    $img.SaveFile($tmp)
    Move-Item -LiteralPath $tmp -Destination $ruta
    Write-Output ('PAGINA ' + $n + ' ' + $ruta)
    if (-not $alimentador) { break }
    if ($maximo -gt 0 -and $n -ge $maximo) { break }
  }
  Write-Output ('FIN ' + $n)
  exit 0
} catch {
  Write-Output ('ERROR ' + (Hresult $_) + ' ' + ($_.Exception.Message -replace '\s+', ' '))
  exit 1
}
`;

/** powershell.exe arguments: the script comes on stdin, nothing from the user is on the command line. */
export const ARGUMENTOS_POWERSHELL = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-'];

/**
 * What goes to stdin. `-Command -` runs stdin line by line like an interactive prompt, where a
 * multi-line block (our try/while) needs a blank line to end; so the script travels as one line
 * that decodes and runs it. The base64 is of our constant script: nothing untrusted is in it.
 */
export function entradaPowershell(script: string = SCRIPT_WIA): string {
  const b64 = Buffer.from(script, 'utf8').toString('base64');
  return `& ([scriptblock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${b64}'))))\r\nexit $LASTEXITCODE\r\n`;
}

export function entornoListarWia(): NodeJS.ProcessEnv {
  return { RADICA_WIA_ACCION: 'listar' };
}

export interface ComandoWia {
  entorno: NodeJS.ProcessEnv;
  formato: 'jpeg' | 'png';
  extension: 'jpg' | 'png';
}

export function comandoEscaneoWia(o: OpcionesEscaneo): ComandoWia {
  // Line art stays PNG: JPEG smears one-bit text.
  const png = o.modo === 'blanco_negro';
  const fuente = o.fuente === 'plano' ? WIA.FLATBED : WIA.FEEDER | (o.duplex ? WIA.DUPLEX : 0);
  const hojas = o.fuente === 'plano' ? 1 : (o.paginas ?? 0);
  return {
    formato: png ? 'png' : 'jpeg',
    extension: png ? 'png' : 'jpg',
    entorno: {
      RADICA_WIA_ACCION: 'escanear',
      RADICA_WIA_DISPOSITIVO: o.dispositivo,
      RADICA_WIA_CARPETA: o.carpeta,
      RADICA_WIA_FUENTE: String(fuente),
      // WIA_DPS_PAGES: 0 is "all the feeder has".
      RADICA_WIA_HOJAS: String(hojas),
      // Each side is one transfer in duplex: the page limit counts images.
      RADICA_WIA_MAXIMO: String(o.fuente === 'plano' ? 1 : (o.paginas ?? 0) * (o.duplex ? 2 : 1)),
      RADICA_WIA_INTENCION: String(WIA.INTENT[o.modo]),
      RADICA_WIA_RESOLUCION: String(o.resolucion),
      RADICA_WIA_FORMATO: png ? WIA.FORMATO_PNG : WIA.FORMATO_JPEG,
      RADICA_WIA_EXTENSION: png ? 'png' : 'jpg',
    },
  };
}

const TIPICAS = [150, 200, 300, 600];

export function parsearListaWia(salida: string): DispositivoEscaner[] {
  const r: DispositivoEscaner[] = [];
  for (const linea of salida.split(/\r?\n/)) {
    const [tipo, id, nombre, cap = '', res = ''] = linea.split('\t');
    if (tipo !== 'DISPOSITIVO' || !id) continue;
    const bits = /^\d+$/.test(cap) ? Number(cap) : null;
    const fuentes: FuenteEscaneo[] = [];
    // No capabilities property (or busy when asked): a flatbed, the one thing every WIA scanner is.
    if (bits === null || bits & WIA.FEEDER) {
      if (bits !== null) fuentes.push('adf');
    }
    if (bits === null || bits & WIA.FLATBED || fuentes.length === 0) fuentes.push('plano');
    let resoluciones: number[] = [];
    const rango = /^rango:(\d+):(\d+):(\d+)$/.exec(res);
    if (rango) {
      const [min, max, paso] = [Number(rango[1]), Number(rango[2]), Number(rango[3]) || 1];
      resoluciones = TIPICAS.filter((n) => n >= min && n <= max && (n - min) % paso === 0);
    } else if (res) resoluciones = res.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    if (resoluciones.length === 0) resoluciones = [...TIPICAS];
    r.push({ id, nombre: nombre?.trim() || id, fuentes, duplex: bits !== null && (bits & WIA.DUPLEX) !== 0, modos: ['color', 'gris', 'blanco_negro'], resoluciones });
  }
  return r;
}

export interface LineaWia {
  tipo: 'pagina' | 'fin' | 'error';
  n?: number;
  ruta?: string;
  hresult?: number;
}

export function parsearLineaWia(linea: string): LineaWia | null {
  let m = /^PAGINA (\d+) (.+)$/.exec(linea.trim());
  if (m) return { tipo: 'pagina', n: Number(m[1]), ruta: m[2]! };
  if ((m = /^FIN (\d+)$/.exec(linea.trim()))) return { tipo: 'fin', n: Number(m[1]) };
  if ((m = /^ERROR (0x[0-9A-Fa-f]{8})/.exec(linea.trim()))) return { tipo: 'error', hresult: Number.parseInt(m[1]!.slice(2), 16) };
  return null;
}

/** WIA error HRESULTs (wiadef.h, as Microsoft's "WIA Error Codes" page lists them). */
const ERRORES_WIA: Record<number, { causa: CausaFalloEscaner; mensaje: (d: string) => string }> = {
  0x80210003: { causa: 'sin_papel', mensaje: () => 'No hay hojas en el alimentador del escáner. Coloque los documentos y vuelva a escanear.' },
  0x80210002: { causa: 'atasco', mensaje: () => 'Hay papel atascado en el escáner. Retire la hoja atascada y vuelva a escanear.' },
  0x80210020: { causa: 'atasco', mensaje: () => 'El escáner tomó varias hojas a la vez. Separe las hojas y vuelva a escanear.' },
  0x80210004: { causa: 'atasco', mensaje: () => 'El escáner tiene un problema con el papel. Revise las hojas y vuelva a escanear.' },
  0x80210016: { causa: 'atasco', mensaje: () => 'La tapa del escáner está abierta. Ciérrela y vuelva a escanear.' },
  0x80210006: { causa: 'ocupado', mensaje: (d) => `El escáner ${d} está ocupado. Cierre otros programas de escaneo o espere a que termine.` },
  0x8021000d: { causa: 'ocupado', mensaje: (d) => `El escáner ${d} está bloqueado por otro programa. Ciérrelo y vuelva a intentar.` },
  0x80210007: { causa: 'ocupado', mensaje: (d) => `El escáner ${d} se está calentando. Espere unos segundos y vuelva a intentar.` },
  0x80210005: { causa: 'sin_dispositivo', mensaje: (d) => `El escáner ${d} está apagado o desconectado. Enciéndalo y revise el cable.` },
  0x8021000a: { causa: 'sin_dispositivo', mensaje: (d) => `Se perdió la comunicación con el escáner ${d}: revise el cable y que esté encendido.` },
  0x80210015: { causa: 'sin_dispositivo', mensaje: (d) => `No se encuentra el escáner ${d}: revise que esté conectado y encendido, y vuelva a buscar escáneres.` },
  0x8021000c: { causa: 'no_soportado', mensaje: (d) => `El escáner ${d} no admite la configuración pedida. Pruebe otra fuente, modo o resolución.` },
  0x80070057: { causa: 'no_soportado', mensaje: (d) => `El escáner ${d} no admite la configuración pedida. Pruebe otra fuente, modo o resolución.` },
  0x80210017: { causa: 'fallo', mensaje: (d) => `La lámpara del escáner ${d} está apagada. Espere a que encienda o reinicie el escáner.` },
};

export function falloWia(hresult: number | null, dispositivo: string): FalloEscaner {
  const d = `«${dispositivo}»`;
  const e = hresult !== null ? ERRORES_WIA[hresult >>> 0] : undefined;
  if (e) return new FalloEscaner(e.mensaje(d), e.causa);
  if (hresult === 0x80040154) return new FalloEscaner('WIA no está disponible en este equipo. Pida a TI que active el servicio «Adquisición de imágenes de Windows (WIA)».', 'sin_dispositivo');
  const codigo = hresult !== null ? ` (código 0x${(hresult >>> 0).toString(16).toUpperCase()})` : '';
  return new FalloEscaner(`El escáner ${d} falló${codigo}. Revíselo y vuelva a intentar.`, 'fallo');
}

const PAGINA = /^pagina-(\d{4,})\.(jpg|png)(\.part)?$/;
const SIN_POWERSHELL = 'No se encontró PowerShell en este equipo, necesario para escanear con WIA. Avise a TI.';

export function escanerWia(opciones: OpcionesWia = {}): Escaner {
  const comando = opciones.comando ?? 'powershell.exe';
  const tiempoMaximoMs = opciones.tiempoMaximoMs ?? 20 * 60_000;
  const correr = (entorno: NodeJS.ProcessEnv, limiteMs: number, senal?: AbortSignal, alLinea?: (l: string) => void): Promise<ResultadoProceso> =>
    ejecutarProceso({ comando, args: ARGUMENTOS_POWERSHELL, entrada: entradaPowershell(), entorno: { ...opciones.entorno, ...entorno }, tiempoMaximoMs: limiteMs, senal, alLineaStdout: alLinea });

  return {
    async listar() {
      const r = await correr(entornoListarWia(), 60_000);
      if (r.errorSpawn?.code === 'ENOENT') throw new FalloEscaner(SIN_POWERSHELL, 'sin_dispositivo');
      const error = r.stdout.map(parsearLineaWia).find((l) => l?.tipo === 'error');
      if (error) throw falloWia(error.hresult ?? null, 'WIA');
      return parsearListaWia(r.stdout.join('\n'));
    },

    async escanear(o, alPagina) {
      const c = comandoEscaneoWia(o);
      const paginas: PaginaEscaneada[] = [];
      const reportadas = new Set<string>();
      let hresult: number | null = null;
      const r = await correr(c.entorno, tiempoMaximoMs, o.senal, (linea) => {
        const l = parsearLineaWia(linea);
        if (l?.tipo === 'error') hresult = l.hresult ?? null;
        if (l?.tipo !== 'pagina') return;
        const ruta = path.win32.isAbsolute(l.ruta!) || path.isAbsolute(l.ruta!) ? l.ruta! : path.join(o.carpeta, l.ruta!);
        if (reportadas.has(ruta)) return;
        reportadas.add(ruta);
        const p: PaginaEscaneada = { indice: paginas.length + 1, ruta, formato: c.formato };
        paginas.push(p);
        try {
          alPagina?.(p);
        } catch {
          /* a failing thumbnail must not stop the feeder */
        }
      });
      const limpiar = () => limpiarNoReportadas(o.carpeta, (n) => PAGINA.test(n), new Set([...reportadas].map((x) => path.join(o.carpeta, path.win32.basename(x)))));
      if (r.errorSpawn?.code === 'ENOENT') throw new FalloEscaner(SIN_POWERSHELL, 'sin_dispositivo');
      if (r.detenido) {
        await limpiar();
        throw r.detenido === 'cancelado'
          ? new FalloEscaner('Escaneo cancelado.', 'cancelado')
          : new FalloEscaner(`El escáner «${o.dispositivo}» no terminó a tiempo. Revise si hay papel atascado y vuelva a intentar.`, 'fallo');
      }
      if (hresult !== null || r.codigo !== 0) {
        await limpiar();
        throw falloWia(hresult, o.dispositivo);
      }
      return paginas;
    },
  };
}
