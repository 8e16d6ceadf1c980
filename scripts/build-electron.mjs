// Bundles what Electron runs into dist-electron/: main.mjs, preload.cjs (method names only, checked
// against its size budget), the demo platform (platform/server/demo-platform.mjs, for
// utilityProcess.fork) and the SQL migrations of the core and of the platform.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  buildPlatform,
  copyCoreMigrations,
  mainOptions,
  platformEntry,
  preloadOptions,
  preloadProblems,
  reportWorkerOptions,
  root,
} from './electron-bundles.mjs';
import { writePreloadMethods } from './generate-preload-methods.mjs';

const out = join(root, 'dist-electron');

rmSync(out, { recursive: true, force: true });
if (await writePreloadMethods()) {
  console.log('electron/preload/methods.generated.ts changed with the contract: commit it.');
}

const [, , preload, platform] = await Promise.all([
  build(mainOptions(out)),
  build(reportWorkerOptions(out)),
  build(preloadOptions(out)),
  buildPlatform(out),
]);

const problems = preloadProblems(preload.metafile);
if (problems.length > 0) {
  console.error(`The preload must carry method names only:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const migrations = copyCoreMigrations(out);
const size = (result, name) => {
  const entry = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(name));
  return entry ? `${(entry[1].bytes / 1024).toFixed(1)} KB` : '?';
};
console.log(
  `dist-electron/: main.mjs, preload.cjs (${size(preload, 'preload.cjs')}), ${platformEntry} (${size(platform, '.mjs')}), ${migrations} migration(s)`,
);
