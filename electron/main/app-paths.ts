import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type AppPaths = {
  preload: string;
  /** The demo platform, built by scripts/build-electron.mjs for utilityProcess.fork. */
  platformBundle: string;
  rendererDir: string;
  migrationsDir: string;
  resourcesDir: string;
  icon: string;
  /** better-sqlite3 compiled for Electron's ABI, when scripts/rebuild-electron-sqlite.mjs made one. */
  nativeBinding: string | undefined;
};

/**
 * Where everything is, from the folder holding the bundled main (dist-electron/). Explicit paths
 * matter: the core's own defaults come from `import.meta.url`, which after bundling points at
 * dist-electron/main.mjs instead of electron/core/.
 */
export function appPaths(bundleDir: string, packaged: boolean, resourcesPath: string): AppPaths {
  const projectRoot = join(bundleDir, '..');
  const resourcesDir = packaged ? join(resourcesPath, 'resources') : join(projectRoot, 'resources');
  const nativeBinding = packaged
    ? join(resourcesPath, 'native', 'better_sqlite3.node')
    : join(projectRoot, 'native', 'electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return {
    preload: join(bundleDir, 'preload.cjs'),
    platformBundle: join(bundleDir, 'platform', 'server', 'demo-platform.mjs'),
    rendererDir: join(projectRoot, 'dist', 'renderer'),
    migrationsDir: join(bundleDir, 'migrations'),
    resourcesDir,
    icon: join(resourcesDir, 'icons', 'icon.png'),
    nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined,
  };
}
