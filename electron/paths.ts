import os from 'node:os';
import path from 'node:path';

/**
 * The station's data directory: RADICA_DATA_DIR, or the same folder Electron uses as userData for
 * productName "Radica", so the CLI and the desktop app find the same database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RADICA_DATA_DIR) return env.RADICA_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Radica');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Radica');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Radica');
}
