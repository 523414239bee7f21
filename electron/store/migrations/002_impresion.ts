/**
 * Schema v2: the print queue. A job is the intention to print one sticker (rótulo) or receipt
 * (constancia) of one radicado on one printer; the bytes are not stored, they are regenerated from
 * the radicado at every try (the layout is deterministic), so a job survives a crash or a restart.
 *
 * Unlike radicados, jobs change state (pendiente → impreso | error) and may move to another printer.
 * `impresora_config` is the printer's configuration when the job was created: a literal URI given
 * to `radica imprimir` is not in the station config, and its pending job must still be retried.
 * `copia` is 0 for the original and N for the Nth reprint (the PDF file name and the COPIA mark).
 * `proximo_intento` doubles as a lease: the process that sends a job first moves it forward, so the
 * app and a CLI running at the same time never send the same job twice.
 */
export const sql = /* sql */ `
CREATE TABLE trabajos_impresion (
  id INTEGER PRIMARY KEY,
  radicado_id INTEGER NOT NULL REFERENCES radicados (id),
  impresora TEXT NOT NULL,
  impresora_config TEXT NOT NULL,
  plantilla TEXT NOT NULL CHECK (plantilla IN ('etiqueta-100x50', 'etiqueta-62', 'recibo-80')),
  documento TEXT NOT NULL CHECK (documento IN ('rotulo', 'constancia')),
  copia INTEGER NOT NULL CHECK (copia >= 0),
  estado TEXT NOT NULL CHECK (estado IN ('pendiente', 'impreso', 'error')),
  intentos INTEGER NOT NULL DEFAULT 0,
  ultimo_error TEXT,
  creado_en INTEGER NOT NULL,
  creado_por TEXT NOT NULL,
  impreso_en INTEGER,
  proximo_intento INTEGER
) STRICT;
CREATE INDEX trabajos_por_enviar ON trabajos_impresion (proximo_intento) WHERE estado = 'pendiente';
CREATE INDEX trabajos_radicado ON trabajos_impresion (radicado_id, documento);
`;
