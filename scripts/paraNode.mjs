// How every bundle of the station's TypeScript for Node is built: the CLI, Electron's main process,
// the training worker, the browser host, the bench and the test fixtures. One list of externals,
// so a bundle that works in one place works in all.
export const EXTERNOS = [
  // Native, or provided by Electron at run time.
  'better-sqlite3',
  'electron',
  // Reads its standard-font metrics (data/*.afm) beside its own files through __dirname.
  'pdfkit',
  // Start their own worker threads from a script beside their files, and load WebAssembly and the
  // Spanish OCR data from their package folders (nothing is downloaded at run time).
  'tesseract.js',
  '@tesseract.js-data/spa',
  'zxing-wasm',
  // ES modules only; its worker code is imported beside it and it reads its CMaps and standard
  // fonts from its package folder.
  'pdfjs-dist',
  // Only the development browser host uses it; it ships its own browser-driving code.
  'playwright-core',
];

/** esbuild options for a CommonJS bundle run by Node 20, from the repository root `root`. */
export function paraNode(root) {
  return { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: EXTERNOS };
}
