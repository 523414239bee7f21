import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';
import { layerRules } from '../eslint.config.mjs';

const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'test/fixtures/layering');

/** The layer rules of eslint.config.mjs applied to fixtures that sit, by name, in each layer. */
async function lint(layer: 'shared' | 'renderer' | 'electron', file: string) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: (await import('typescript-eslint')).parser },
        rules: layerRules[layer],
      },
    ],
  });
  const [result] = await eslint.lintFiles([path.join(fixtures, layer, file)]);
  return result!.messages;
}

describe('capas (DESIGN.md): renderer → shared, electron → shared, shared → nada', () => {
  it('shared/ no importa Node ni electron/', async () => {
    const msgs = await lint('shared', 'bad.ts');
    expect([...new Set(msgs.map((m) => m.line))]).toEqual([1, 2]);
    expect(msgs[0]!.message).toMatch(/shared\/ es puro/);
  });
  it('shared/ sí importa bibliotecas puras y a sí mismo', async () => {
    expect(await lint('shared', 'good.ts')).toEqual([]);
  });
  it('renderer/ no importa electron, Node ni electron/', async () => {
    expect([...new Set((await lint('renderer', 'bad.tsx')).map((m) => m.line))]).toEqual([1, 2, 3]);
  });
  it('electron/ no importa renderer/', async () => {
    expect((await lint('electron', 'bad.ts')).map((m) => m.message)).toEqual([expect.stringMatching(/no depende de renderer/)]);
  });
  it('el proyecto real respeta las capas', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['shared', 'electron', 'renderer/src']);
    const layering = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(layering).toEqual([]);
  });
});
