import { openDatabase, type Db } from './store/db';
import { StationContext, type Clock } from './services/context';
import { RadicacionService } from './services/radicacionService';
import { EstacionService } from './services/estacionService';
import { UsuariosService } from './services/usuariosService';
import { DemoService } from './services/demoService';
import { createRouter, type Router } from './router';

export interface StationServices {
  context: StationContext;
  estacion: EstacionService;
  radicacion: RadicacionService;
  usuarios: UsuariosService;
  demo: DemoService;
}

export interface Station {
  db: Db;
  services: StationServices;
  router: Router;
  close(): void;
}

/** The composition root: one data directory, its services and the router every front door calls. */
export function openStation(opts: { dataDir: string; clock?: Clock }): Station {
  const db = openDatabase(opts.dataDir);
  const context = new StationContext(db, opts.clock ?? Date.now, opts.dataDir);
  const radicacion = new RadicacionService(context);
  const services: StationServices = {
    context,
    estacion: new EstacionService(context),
    radicacion,
    usuarios: new UsuariosService(context),
    demo: new DemoService(context, radicacion),
  };
  return { db, services, router: createRouter(services), close: () => db.close() };
}
