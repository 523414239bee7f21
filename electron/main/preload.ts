/**
 * Preload (sandboxed, context-isolated): exposes exactly one function per channel of the contract
 * on window.api. There is no generic send(channel): the renderer can reach nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiRadica, Canal, EntradaDe, SalidaDe } from '../../shared/ipc/contract';
import type { Resultado } from '../../shared/ipc/result';

function canal<C extends Canal>(nombre: C) {
  return (payload: EntradaDe<C>) => ipcRenderer.invoke(nombre, payload) as Promise<Resultado<SalidaDe<C>>>;
}

const api = {
  estadoEstacion: canal('estacion:estado'),
  inicializarEstacion: canal('estacion:inicializar'),
  verificarEstacion: canal('estacion:verificar'),
  generarDemo: canal('estacion:demo'),
  iniciarSesion: canal('sesion:iniciar'),
  cerrarSesion: canal('sesion:cerrar'),
  crearUsuario: canal('usuarios:crear'),
  obtenerCatalogo: canal('catalogo:obtener'),
  calcularTermino: canal('terminos:calcular'),
  remitentePorDocumento: canal('remitentes:porDocumento'),
  radicar: canal('radicacion:radicar'),
  consultar: canal('radicacion:consultar'),
  buscar: canal('radicacion:buscar'),
  anular: canal('radicacion:anular'),
  vistaSticker: canal('sticker:vista'),
  imprimirSticker: canal('sticker:imprimir'),
  verificarCodigo: canal('sticker:verificarCodigo'),
  estadoImpresion: canal('impresion:estado'),
  trabajoImpresion: canal('impresion:trabajo'),
  reintentarImpresion: canal('impresion:reintentar'),
  configImpresion: canal('impresion:config'),
  configurarImpresion: canal('impresion:configurar'),
  probarImpresora: canal('impresion:probar'),
  sugerirClasificacion: canal('clasificador:sugerir'),
  entrenarClasificador: canal('clasificador:entrenar'),
  estadoClasificador: canal('clasificador:estado'),
  desempenoSugerencias: canal('clasificador:desempeno'),
  importarEjemplos: canal('clasificador:importar'),
  listarAnexos: canal('anexos:listar'),
  anexar: canal('anexos:anexar'),
  contenidoAnexo: canal('anexos:contenido'),
  paginasAnexo: canal('anexos:paginas'),
  dispositivosEscaneo: canal('escaneo:dispositivos'),
  configEscaner: canal('escaneo:config'),
  configurarEscaner: canal('escaneo:configurar'),
  iniciarEscaneo: canal('escaneo:iniciar'),
  estadoEscaneo: canal('escaneo:estado'),
  guardarEscaneo: canal('escaneo:guardar'),
  descartarEscaneo: canal('escaneo:descartar'),
  escanear: canal('escaneo:escanear'),
  procesarLote: canal('lote:procesar'),
  listarBandeja: canal('bandeja:listar'),
  contenidoBandeja: canal('bandeja:contenido'),
  asignarBandeja: canal('bandeja:asignar'),
  descartarBandeja: canal('bandeja:descartar'),
  paginasBandeja: canal('bandeja:paginas'),
  colaRevision: canal('revision:cola'),
  marcarRevision: canal('revision:marcar'),
  miRetroalimentacion: canal('revision:mia'),
  informeSemanal: canal('informe:semanal'),
  archivoInforme: canal('informe:archivo'),
  tablero: canal('tablero:obtener'),
  estadoCentral: canal('central:estado'),
  estacionesCentrales: canal('central:estaciones'),
} satisfies ApiRadica;

contextBridge.exposeInMainWorld('api', Object.freeze(api));
