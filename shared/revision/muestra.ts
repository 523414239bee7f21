/**
 * A random sample of N radicados per ventanilla, reproducible: the same week and seed give the same
 * sample, so a coordinator who closes the window finds the same queue tomorrow.
 */
import { barajar, generador } from '../classifier/azar';

/** A stable seed from a text (the week code): FNV-1a. */
export function semillaDe(texto: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < texto.length; i++) {
    h ^= texto.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Up to `n` items of each group, chosen at random with `semilla`; input order is kept within the result. */
export function muestraPorGrupo<T>(items: readonly T[], grupo: (t: T) => string, n: number, semilla: number): T[] {
  const porGrupo = new Map<string, number[]>();
  items.forEach((t, i) => {
    const g = grupo(t);
    let l = porGrupo.get(g);
    if (!l) porGrupo.set(g, (l = []));
    l.push(i);
  });
  const elegidos = new Set<number>();
  // Groups in a fixed order, so one group's size does not change another's draw.
  for (const g of [...porGrupo.keys()].sort()) {
    const azar = generador(semilla ^ semillaDe(g));
    for (const i of barajar([...porGrupo.get(g)!], azar).slice(0, n)) elegidos.add(i);
  }
  return items.filter((_, i) => elegidos.has(i));
}
