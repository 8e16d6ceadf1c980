import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds orders, PIN hashes, payment references and keys: only its owner may read
 * it (folders 0700, files 0600). Windows has no such modes (its ACLs come from the profile
 * folder), so there these are no-ops. The platform keeps its own copy (platform/db/owner-only.ts)
 * because it ships without the desktop app.
 */
const posix = process.platform !== 'win32';

/** Creates the folder (and its parents) owner-only, and tightens it if it was there already. */
export function ownerOnlyFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix) chmodSync(dir, 0o700);
}

/** Creates an empty 0600 file unless one exists, so whatever writes it next keeps that mode. */
export function ownerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  if (posix) chmodSync(path, lstatSync(path).mode & 0o700);
}

/**
 * Takes the group and other bits off every folder and file under `root` (itself included): an
 * upgrade from a version that left them 0755/0644 must not keep them so. Symbolic links are not
 * followed (their target may be anyone's); sockets and the like are left alone.
 */
export function tightenTree(root: string): void {
  if (!posix) return;
  const visit = (path: string) => {
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() && !stat.isFile()) return;
      if (stat.mode & 0o077) chmodSync(path, stat.mode & 0o700);
      if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    } catch (error) {
      // Removed meanwhile (a temporary, a lock): nothing left to tighten.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  visit(root);
}
