import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support/paths';

/** The newest change among the files the renderer build reads. */
function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestSource(join(path, entry)));
  }
  return newest;
}

/** Builds the renderer once, and only when a source is newer than the last build. */
export default function setup(): void {
  const built = join(repoRoot, 'dist', 'renderer', 'index.html');
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) => join(repoRoot, p));
  const stale = !existsSync(built) || Math.max(...sources.map(newestSource)) > statSync(built).mtimeMs;
  // Vitest sets NODE_ENV=test, which would make React and antd build their test variants.
  const env = { ...process.env, NODE_ENV: 'production' };
  if (stale) execFileSync('npx', ['vite', 'build'], { cwd: repoRoot, env, stdio: 'inherit' });
}
