/**
 * TLS: a central server with a certificate for 127.0.0.1 (self-signed, given to the stations as
 * sslrootcert). The station URL printed by `estacion registrar` keeps the administrator's TLS
 * options, the station replicates over an encrypted connection, and a server whose certificate the
 * station does not trust is not talked to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { iniciarPostgres, type PostgresPrueba } from './postgres';
import { estacionPrueba } from './estaciones';
import { migrar } from '../../../electron/central/esquema';
import { registrarEstacion } from '../../../electron/central/registro';

let pgp: PostgresPrueba;
let otro: PostgresPrueba;
beforeAll(async () => {
  [pgp, otro] = await Promise.all([iniciarPostgres({ tls: true }), iniciarPostgres({ tls: true })]);
});
afterAll(async () => {
  await Promise.all([pgp?.cerrar(), otro?.cerrar()]);
});

const conTls = (url: string, ca: string) => `${url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`;

describe('TLS con el servidor central', () => {
  it('la estación replica cifrado, con la URL que imprime registrar', async () => {
    const admin = conTls(pgp.adminUrl, pgp.certificado!);
    await migrar(admin);
    const { url } = await registrarEstacion(admin, '01', '03');
    expect(new URL(url).searchParams.get('sslmode')).toBe('verify-full');
    const e = await estacionPrueba('01', '03');
    try {
      await e.radicar(2);
      expect(await e.replicador({ url }).pasada()).toMatchObject({ enviados: 2, pendientes: 0 });
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const r = await c.query<{ ssl: boolean; version: string }>('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
        expect(r.rows[0]!.ssl).toBe(true);
      } finally {
        await c.end();
      }
    } finally {
      e.cerrar();
    }
  });

  it('un servidor con un certificado en el que la estación no confía no recibe nada', async () => {
    // The right server, but the station trusts another server's certificate.
    const admin = conTls(pgp.adminUrl, otro.certificado!);
    const e = await estacionPrueba('01', '04');
    try {
      await e.radicar(1);
      await expect(e.replicador({ url: admin }).pasada()).rejects.toThrow(/Sin conexión con el servidor central .*certificate/i);
      expect(e.pendientes()).toBe(1);
    } finally {
      e.cerrar();
    }
  });
});
