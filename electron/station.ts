import { openDatabase, type Db } from './store/db';
import { StationContext, type Clock } from './services/context';
import { RadicacionService } from './services/radicacionService';
import { EstacionService } from './services/estacionService';
import { UsuariosService } from './services/usuariosService';
import { DemoService } from './services/demoService';
import { ImpresionService } from './services/impresionService';
import { crearTransporte, type FabricaTransportes, type ImpresoraSistema } from './printing/transports';
import { createRouter, type Router } from './router';
import { ClasificacionService } from './services/clasificacionService';
import { entrenadorPorDefecto, type Entrenador } from './services/entrenador';
import { AnexosService } from './services/anexosService';
import { motorTesseract, type MotorOcr } from './anexos/ocr';
import { leerCodigos, type CodigoLeido } from './anexos/codigos';
import type { Escaner } from './scanning/types';
import { RevisionService } from './services/revisionService';
import { CentralService } from './services/centralService';

export interface StationServices {
  context: StationContext;
  estacion: EstacionService;
  radicacion: RadicacionService;
  usuarios: UsuariosService;
  demo: DemoService;
  impresion: ImpresionService;
  clasificacion: ClasificacionService;
  anexos: AnexosService;
  revision: RevisionService;
  central: CentralService;
}

export interface Station {
  db: Db;
  services: StationServices;
  router: Router;
  close(): void;
}

export interface StationOptions {
  dataDir: string;
  clock?: Clock;
  /** The OS print queue; only Electron's main process has one (os:// printers). */
  impresoraSistema?: ImpresoraSistema | null;
  /** Tests replace the printer transports with fakes. */
  transportes?: FabricaTransportes;
  /** Where the classifier trains: a worker thread when the bundle is there, inline otherwise. */
  entrenador?: Entrenador;
  /** OCR engine: tesseract.js by default; tests of the code around it pass a fake. */
  ocr?: MotorOcr;
  /** The station's scanner; none by default (the desktop app and `radica escanear` choose one). */
  escaner?: Escaner | null;
  leerCodigos?: (imagen: Uint8Array) => Promise<CodigoLeido[]>;
}

/** The composition root: one data directory, its services and the router every front door calls. */
export function openStation(opts: StationOptions): Station {
  const db = openDatabase(opts.dataDir);
  const context = new StationContext(db, opts.clock ?? Date.now, opts.dataDir);
  const radicacion = new RadicacionService(context);
  const transportes = opts.transportes ?? ((i) => crearTransporte(i, { impresoraSistema: opts.impresoraSistema ?? null }));
  const clasificacion = new ClasificacionService(context, opts.entrenador ?? entrenadorPorDefecto());
  const services: StationServices = {
    context,
    estacion: new EstacionService(context),
    radicacion,
    usuarios: new UsuariosService(context),
    demo: new DemoService(context, radicacion, (asunto) => clasificacion.sugerir(asunto)),
    impresion: new ImpresionService(context, radicacion, transportes),
    clasificacion,
    anexos: new AnexosService(context, radicacion, {
      ocr: opts.ocr ?? motorTesseract(),
      escaner: opts.escaner ?? null,
      leerCodigos: opts.leerCodigos ?? leerCodigos,
    }),
    revision: new RevisionService(context, clasificacion),
    central: new CentralService(context.clock),
  };
  return {
    db,
    services,
    router: createRouter(services),
    close: () => {
      void services.anexos.cerrar();
      db.close();
    },
  };
}
