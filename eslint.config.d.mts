import type { Linter } from 'eslint';

export declare const layerRules: Record<'shared' | 'renderer' | 'electron', Linter.RulesRecord>;
declare const config: Linter.Config[];
export default config;
