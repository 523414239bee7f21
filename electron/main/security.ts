/**
 * Electron security checklist, in one place: the renderer is our own bundle served from app://radica,
 * never remote content; it cannot navigate, open windows, attach webviews or get permissions; and IPC
 * answers only our main frame.
 */
export const APP_ORIGIN = 'app://radica';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The IPC caller must be the top frame of one of our windows, showing our own origin. */
export function remitenteConfiable(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || new URL(frame.url).href.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** Maps app://radica/<path> to a file inside the renderer folder; null for anything outside it. */
export function archivoDeRenderer(url: string, rendererDir: string, join: (...p: string[]) => string, sep: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'app:' || u.host !== 'radica') return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = join(rendererDir, rel);
  const base = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
  return file.startsWith(base) ? file : null;
}
