import type { Db } from './db';

/** Appends what the central store must see, in the same transaction as the change itself. */
export class OutboxRepo {
  private readonly insert;
  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO outbox (en, entidad, clave, operacion) VALUES (?, ?, ?, ?)');
  }
  append(en: number, entidad: string, clave: string, operacion: string): void {
    this.insert.run(en, entidad, clave, operacion);
  }
}
