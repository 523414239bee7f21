/** Seeded randomness: the same examples and seed train the same model (tests, audits, support). */

/** mulberry32: small, fast, good enough to shuffle training order and folds. */
export function generador(semilla: number): () => number {
  let a = semilla >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function barajar<T>(xs: T[], azar: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(azar() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
  return xs;
}

/**
 * Stratified folds: each label's examples are shuffled and dealt round-robin, so every fold keeps
 * the label proportions (a rare class must appear in every fold for its F1 to mean anything).
 * Returns the fold of each example.
 */
export function pliegues(etiquetas: readonly string[], k: number, semilla: number): Int32Array {
  const azar = generador(semilla);
  const porEtiqueta = new Map<string, number[]>();
  etiquetas.forEach((e, i) => {
    const l = porEtiqueta.get(e);
    if (l) l.push(i);
    else porEtiqueta.set(e, [i]);
  });
  const fold = new Int32Array(etiquetas.length);
  let siguiente = 0;
  for (const e of [...porEtiqueta.keys()].sort()) {
    for (const i of barajar(porEtiqueta.get(e)!, azar)) {
      fold[i] = siguiente;
      siguiente = (siguiente + 1) % k;
    }
  }
  return fold;
}
