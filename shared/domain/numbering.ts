/**
 * Radicado numbers. One series per station (sede + ventanilla) and year, so a station numbers
 * without the network. The template is configurable; the default gives 2026-0103-000123.
 */
export const FORMATO_NUMERO_DEFECTO = '{year}-{sede:2}{ventanilla:2}-{seq:6}';

const TOKEN = /\{(year|yy|sede|ventanilla|seq)(?::(\d{1,2}))?\}/g;

export interface PartesNumero {
  year: number;
  sede: string;
  ventanilla: string;
  seq: number;
}

/** Problems with a template, in Spanish; empty when valid. */
export function validarFormatoNumero(template: string): string[] {
  const errors: string[] = [];
  const tokens = [...template.matchAll(TOKEN)].map((m) => m[1]);
  if (!tokens.includes('seq')) errors.push('El formato debe incluir {seq} (el consecutivo).');
  if (!tokens.includes('year') && !tokens.includes('yy')) {
    errors.push('El formato debe incluir {year}: el consecutivo se reinicia cada año y el número no se puede repetir.');
  }
  if (!tokens.includes('sede') || !tokens.includes('ventanilla')) {
    errors.push('El formato debe incluir {sede} y {ventanilla}: cada estación tiene su propia serie.');
  }
  const rest = template.replace(TOKEN, '');
  if (/[{}]/.test(rest)) errors.push('El formato tiene un campo desconocido entre llaves.');
  if (!/^[A-Za-z0-9\-_/. ]*$/.test(rest)) errors.push('El formato solo admite letras, números y los separadores - _ / .');
  return errors;
}

const padTo = (value: string, width: string | undefined) => (width ? value.padStart(Number(width), '0') : value);

export function formatearNumero(template: string, p: PartesNumero): string {
  return template.replace(TOKEN, (_m, name: string, width: string | undefined) => {
    switch (name) {
      case 'year':
        return padTo(String(p.year), width);
      case 'yy':
        return String(p.year % 100).padStart(2, '0');
      case 'sede':
        return padTo(p.sede, width);
      case 'ventanilla':
        return padTo(p.ventanilla, width);
      default:
        // A series that outgrows its width widens instead of wrapping: numbers never repeat.
        return padTo(String(p.seq), width);
    }
  });
}

/** The series a number belongs to: one per station and year, e.g. "2026-0103". */
export function serieDe(year: number, sede: string, ventanilla: string): string {
  return `${year}-${sede}${ventanilla}`;
}

export const CODIGO_ESTACION = /^\d{1,4}$/;

/**
 * A pattern that matches every number the template can give, at any station of the entity: how a
 * barcode read from a scanned page is told apart from a courier's tracking code.
 */
export function patronNumero(template: string): RegExp {
  let fuente = '';
  let ultimo = 0;
  for (const m of template.matchAll(TOKEN)) {
    fuente += template.slice(ultimo, m.index).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const [, nombre, ancho] = m;
    fuente += nombre === 'year' ? '\\d{4}' : nombre === 'yy' ? '\\d{2}' : ancho ? `\\d{${ancho},}` : '\\d+';
    ultimo = m.index + m[0].length;
  }
  fuente += template.slice(ultimo).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^${fuente}$`, 'i');
}
