import * as m001 from './001_inicial';
import * as m002 from './002_impresion';
import * as m003 from './003_clasificacion';
import * as m004 from './004_anexos';
import * as m005 from './005_revision';
import * as m006 from './006_reler_textos';
import * as m007 from './007_modelos_origen';

/** Numbered schema changes; the position + 1 is the `user_version` the migration leads to. */
export const migraciones: readonly { nombre: string; sql: string }[] = [
  { nombre: '001_inicial', sql: m001.sql },
  { nombre: '002_impresion', sql: m002.sql },
  { nombre: '003_clasificacion', sql: m003.sql },
  { nombre: '004_anexos', sql: m004.sql },
  { nombre: '005_revision', sql: m005.sql },
  { nombre: '006_reler_textos', sql: m006.sql },
  { nombre: '007_modelos_origen', sql: m007.sql },
];
