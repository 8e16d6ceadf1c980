import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appPaths } from '../../electron/main/app-paths';
import { buildPlatform, externalPackages, platformEntry, root } from '../../scripts/electron-bundles.mjs';
import { platformAdmin } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';

/**
 * Issue 13: the packaged app's demo starts dist-electron/platform/server/demo-platform.mjs with
 * Electron's own Node (utilityProcess.fork), with no tsx and no TypeScript beside it, loading npm
 * packages from the node_modules electron-builder packs (`dependencies` only). Electron cannot run
 * here, so plain `node` runs the same bundle from a folder laid out like the app: the built files,
 * and a node_modules holding the production dependency tree and nothing else.
 */
const work = tempDir('counter-platform-bundle-');
const app = join(work, 'app');
const dataDir = join(work, 'demo-platform');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

type Manifest = {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** Where Node would find package `name` when required from `fromDir`, looking no higher than the repo. */
function locate(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (basename(dir) !== 'node_modules' && existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === dirname(dir)) return null;
  }
}

/** The hoisted packages the production tree needs (nested ones come with their parent's folder). */
function productionPackages(): string[] {
  const hoisted = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    const dir = locate(name, fromDir);
    if (!dir || seen.has(dir)) return; // a missing optional dependency, or done already
    seen.add(dir);
    if (dir === join(root, 'node_modules', name)) hoisted.add(name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter((peer) => !pkg.peerDependenciesMeta?.[peer]?.optional);
    for (const dep of [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.optionalDependencies ?? {}),
      ...peers,
    ]) {
      visit(dep, dir);
    }
  };
  for (const name of Object.keys(manifest.dependencies)) visit(name, root);
  return [...hoisted].sort();
}

function layOutNodeModules(): void {
  for (const name of productionPackages()) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(root, 'node_modules', name)), link, 'dir');
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The child's one JSON line: where it listens and the admin token. Waits as long as it runs. */
function readyLine(process: ChildProcess): Promise<{ url: string; adminToken: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { url: string; adminToken: string });
    });
    process.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    process.once('exit', (code) => reject(new Error(`the bundle exited with ${code}: ${output}`)));
  });
}

describe('the demo platform bundle', () => {
  it('runs under plain node with no tsx, no TypeScript and only the production node_modules', async () => {
    const built = await buildPlatform(join(app, 'dist-electron'));
    // Whatever it imports at run time must be a dependency electron-builder packs.
    expect(externalPackages(built.metafile).filter((name) => !(name in manifest.dependencies))).toEqual([]);
    // Electron's main looks for the bundle where the build puts it.
    expect(appPaths(join(app, 'dist-electron'), false, '').platformBundle).toBe(
      join(app, 'dist-electron', platformEntry),
    );
    expect(filesUnder(join(app, 'dist-electron')).filter((file) => /\.[cm]?tsx?$/.test(file))).toEqual([]);
    expect(readdirSync(join(app, 'dist-electron', 'platform', 'migrations')).length).toBeGreaterThan(0);
    layOutNodeModules();
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);

    // --preserve-symlinks: packages resolve their own imports from this node_modules, not the repo's.
    child = spawn(process.execPath, ['--preserve-symlinks', join(app, 'dist-electron', platformEntry), dataDir], {
      cwd: work,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const { url, adminToken } = await readyLine(child);

    const health = await fetch(`${url}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const { storeId } = await platformAdmin(url, adminToken).createStore('Bundle test store');
    expect(storeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(join(dataDir, 'port'))).toBe(true);

    // Closing stdin is how the host says stop: the platform closes its database and exits cleanly.
    const running = child;
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.stdin?.end();
    expect(await exited).toBe(0);
  }, 900_000);
});
