import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The platform's data folder holds the database, the admin token and the key-encryption key: only
 * its owner may read it (folders 0700, files 0600). Windows has no such modes, so there these are
 * no-ops. The till has its own copy (electron/core/owner-only.ts): the platform ships on its own.
 */
const posix = process.platform !== 'win32';

/** Creates the folder (and its parents) owner-only, and tightens it if it was there already. */
export function ownerOnlyFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix) chmodSync(dir, 0o700);
}

/**
 * Takes the group and other bits off every folder and file under `root` (itself included). PGlite
 * writes its cluster 0666 and its relation cache 0644 whatever the process umask says, and earlier
 * versions left everything so; this is what makes them owner-only. Symbolic links are not
 * followed; sockets and the like are left alone.
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
      // Removed meanwhile (PGlite's temporary files come and go): nothing left to tighten.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  visit(root);
}
