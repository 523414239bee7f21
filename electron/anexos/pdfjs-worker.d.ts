/** pdf.js's worker code, run in this thread (pdfjs.ts); the package ships no types for it. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
