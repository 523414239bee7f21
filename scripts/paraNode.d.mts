import type { BuildOptions } from 'esbuild';

export declare const EXTERNOS: string[];
export declare function paraNode(root: string): BuildOptions;
