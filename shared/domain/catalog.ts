import { z } from 'zod';

/** How a tipo documental's legal term is counted (DOMAIN.md, Ley 1437/2011 art. 14). */
export const UNIDADES_TERMINO = ['dias_habiles', 'dias_calendario', 'horas', 'sin_termino'] as const;
export type UnidadTermino = (typeof UNIDADES_TERMINO)[number];

const UNIDAD_TERMINO_SINGULAR: Record<UnidadTermino, string> = {
  dias_habiles: 'día hábil',
  dias_calendario: 'día calendario',
  horas: 'hora',
  sin_termino: 'sin término',
};

export const UNIDAD_TERMINO_NOMBRE: Record<UnidadTermino, string> = {
  dias_habiles: 'días hábiles',
  dias_calendario: 'días calendario',
  horas: 'horas',
  sin_termino: 'sin término',
};

const codigo = z
  .string()
  .trim()
  .min(1, 'El código no puede estar vacío.')
  .max(20, 'El código admite máximo 20 caracteres.')
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'El código solo admite mayúsculas, números y guiones.');

export const tipoDocumentalSchema = z.object({
  codigo,
  nombre: z.string().trim().min(1).max(120),
  /** Amount of `unidad`; null when the tipo has no term. */
  termino: z.number().int().positive().nullable(),
  unidad: z.enum(UNIDADES_TERMINO),
  /** The clerk may change the term at radicación (ECO, JUD). */
  editable: z.boolean().default(false),
  /** The clerk must enter the term at radicación: it comes from the document (TUT). */
  requiereTermino: z.boolean().default(false),
  activo: z.boolean().default(true),
  /** High-precision phrases for the classifier's cold start (issue 4). */
  frases: z.array(z.string()).default([]),
});
export type TipoDocumental = z.infer<typeof tipoDocumentalSchema>;

export const dependenciaSchema = z.object({
  codigo,
  nombre: z.string().trim().min(1).max(120),
  activo: z.boolean().default(true),
  frases: z.array(z.string()).default([]),
});
export type Dependencia = z.infer<typeof dependenciaSchema>;

export const catalogoSchema = z
  .object({
    version: z.number().int().positive(),
    tipos: z.array(tipoDocumentalSchema).min(1, 'El catálogo debe tener al menos un tipo documental.'),
    dependencias: z.array(dependenciaSchema).min(1, 'El catálogo debe tener al menos una dependencia.'),
    /** Local non-working days of the entity (YYYY-MM-DD), on top of national holidays. */
    diasNoHabiles: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  })
  .superRefine((c, ctx) => {
    const dup = (xs: string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
    const t = dup(c.tipos.map((x) => x.codigo));
    if (t) ctx.addIssue({ code: 'custom', message: `El tipo documental ${t} está repetido.` });
    const d = dup(c.dependencias.map((x) => x.codigo));
    if (d) ctx.addIssue({ code: 'custom', message: `La dependencia ${d} está repetida.` });
    for (const tipo of c.tipos) {
      if (tipo.unidad === 'sin_termino' ? tipo.termino !== null : tipo.termino === null && !tipo.requiereTermino) {
        ctx.addIssue({ code: 'custom', message: `El término del tipo ${tipo.codigo} no concuerda con su unidad.` });
      }
    }
  });
export type Catalogo = z.infer<typeof catalogoSchema>;

export function findTipo(catalogo: Catalogo, codigoTipo: string): TipoDocumental | undefined {
  return catalogo.tipos.find((t) => t.codigo === codigoTipo);
}

export function findDependencia(catalogo: Catalogo, codigoDep: string): Dependencia | undefined {
  return catalogo.dependencias.find((d) => d.codigo === codigoDep);
}

/** "15 días hábiles", "sin término", "lo fija el documento". */
export function describeTermino(t: { termino: number | null; unidad: UnidadTermino; requiereTermino?: boolean }): string {
  if (t.unidad === 'sin_termino') return 'sin término';
  if (t.termino === null) return 'lo fija el documento';
  return `${t.termino} ${t.termino === 1 ? UNIDAD_TERMINO_SINGULAR[t.unidad] : UNIDAD_TERMINO_NOMBRE[t.unidad]}`;
}
