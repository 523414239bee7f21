import { existsSync } from 'node:fs';
import path from 'node:path';

/** The tests load the built renderer; fail at once with a clear message when it is missing. */
export default function globalSetup(): void {
  const index = path.resolve(__dirname, '../../dist/renderer/index.html');
  if (!existsSync(index)) {
    throw new Error(
      `Falta ${path.relative(process.cwd(), index)}: construya el renderer antes de las pruebas e2e ` +
        '(npm run build, o node scripts/build.mjs renderer).',
    );
  }
}
