import { describe, expect, it } from 'vitest';
import { hace, necesitaAtencion, resumenImpresorasEstacion } from '../../renderer/src/estaciones';
import type { EstadoEstacionCentral } from '../../shared/domain/central';

const estacion = (over: Partial<EstadoEstacionCentral>): EstadoEstacionCentral => ({
  sede: '01', ventanilla: '03', rol: 'r', entidad: null, reclamada: true, registradaEn: 0, ultimoContacto: 1, sinContactoMs: 60_000,
  pendientes: 0, retrasoMs: 0, version: '0.1.0', impresoras: [{ estado: 'lista' }], radicados: 10, ultimoSeq: 10, rechazos: 0, ultimoRechazo: null,
  ...over,
});

describe('estaciones (operación)', () => {
  it('dice hace cuánto hubo contacto', () => {
    expect(hace(null)).toBe('nunca');
    expect(hace(20_000)).toBe('hace menos de 1 min');
    expect(hace(5 * 60_000)).toBe('hace 5 min');
    expect(hace(3 * 3_600_000)).toBe('hace 3 h');
    expect(hace(5 * 86_400_000)).toBe('hace 5 días');
  });

  it('resume las impresoras que reportó la estación', () => {
    expect(resumenImpresorasEstacion([{ estado: 'lista' }, { estado: 'lista' }, { estado: 'sin_conexion' }])).toBe('2 listas, 1 sin conexión');
    expect(resumenImpresorasEstacion([{ estado: 'desconocido' }])).toBe('1 sin verificar');
    expect(resumenImpresorasEstacion(null)).toBe('sin datos');
  });

  it('marca las que necesitan atención: sin contacto, impresora caída o rechazos', () => {
    expect(necesitaAtencion(estacion({}))).toBe(false);
    expect(necesitaAtencion(estacion({ sinContactoMs: 20 * 60_000 }))).toBe(true);
    expect(necesitaAtencion(estacion({ sinContactoMs: null, ultimoContacto: null }))).toBe(true);
    expect(necesitaAtencion(estacion({ impresoras: [{ estado: 'sin_conexion' }] }))).toBe(true);
    expect(necesitaAtencion(estacion({ rechazos: 1 }))).toBe(true);
  });
});
