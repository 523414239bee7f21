// Builds the renderer (React UI) into dist/renderer; served by Electron from app://radica and by the
// Playwright harness over a local static server, hence the relative base.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inline <script>: the CSP forbids it, and the preload polyfill is not needed in Chromium.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
