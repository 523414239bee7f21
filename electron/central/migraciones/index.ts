import type { Roles } from '../conexion';
import * as m001 from './001_inicial';
import * as m002 from './002_sedes_coordinador';
import * as m003 from './003_estado_estaciones';
import * as m004 from './004_ejemplos_importados';
import * as m005 from './005_sugerencias';

/** Numbered changes of the central schema; position + 1 is the version recorded in radica.schema_version. */
export const migracionesCentrales: readonly { nombre: string; sql: (r: Roles) => string }[] = [
  { nombre: m001.nombre, sql: m001.sql },
  { nombre: m002.nombre, sql: m002.sql },
  { nombre: m003.nombre, sql: m003.sql },
  { nombre: m004.nombre, sql: m004.sql },
  { nombre: m005.nombre, sql: m005.sql },
];

/** The schema version this Radica needs and knows. */
export const VERSION_CENTRAL = migracionesCentrales.length;
