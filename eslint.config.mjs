// Layering (DESIGN.md): renderer → shared, electron → shared, shared → nothing.
// A wrong import fails `npm run lint`; the per-root tsconfigs catch the same mistakes by type.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const layer = (message, groups, names = []) => ({
  'no-restricted-imports': ['error', {
    paths: names.map((name) => ({ name, message })),
    patterns: [{ group: groups, message }],
  }],
});

export const layerRules = {
  shared: layer(
    'shared/ es puro: no importa electron/, renderer/, Node, el DOM ni Electron.',
    ['**/electron/**', '**/renderer/**', '**/resources/**', 'node:*', 'react', 'react-dom', 'react/*', 'better-sqlite3'],
    [...nodeBuiltins, 'electron'],
  ),
  renderer: layer(
    'renderer/ solo habla con main por window.api: no importa electron/, Node ni Electron.',
    ['**/electron/**', 'node:*', 'better-sqlite3', 'pg'],
    [...nodeBuiltins, 'electron'],
  ),
  electron: layer(
    'electron/ no depende de renderer/: compártalo desde shared/.',
    ['**/renderer/**'],
  ),
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: layerRules.shared },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: layerRules.renderer },
  { files: ['electron/**/*.ts'], rules: layerRules.electron },
);
