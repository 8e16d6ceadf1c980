import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The platform's data folder holds the database, the admin token and the key-encryption key: only
 * its owner may read it (folders 0700, files 0600). Windows has no such modes, so there these are
 * no-ops. The till has its own copy (electron/core/owner-only.ts): the platform ships on its own.
 */
const posix = process.platform !== 'win32';

/** The platform's own entries in its data folder, with their temporaries. */
export const isPlatformEntry = (name: string): boolean =>
  /^(admin-token|voucher-kek|platform\.lock)|^pglite$/.test(name);

/**
 * Creates the data folder 0700, or tightens an existing one and the platform's entries in it (all
 * of each, however deep). PGlite writes its cluster 0666 and its relation cache 0644 whatever the
 * umask says, and earlier versions left everything so; this is what makes them owner-only. A
 * folder that also holds things that are not the platform's keeps its own mode and those things:
 * --data-dir may name a folder the platform does not own.
 */
export function secureDataFolder(dir: string, ours: (name: string) => boolean = isPlatformEntry): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!posix) return;
  const names = readdirSync(dir);
  if (names.every(ours)) tightenOne(dir);
  for (const name of names) if (ours(name)) tightenTree(join(dir, name));
}

/**
 * Takes the group and other bits off every folder and file under `root` (itself included).
 * Symbolic links are not followed; sockets and the like are left alone, and so is what belongs to
 * another user (chmod is refused).
 */
export function tightenTree(root: string): void {
  if (!posix) return;
  const visit = (path: string) => {
    for (const name of tightenOne(path) ?? []) visit(join(path, name));
  };
  visit(root);
}

/** Tightens one folder or file; a folder's entries are returned to descend into. */
function tightenOne(path: string): string[] | null {
  try {
    const stat = lstatSync(path);
    if (!stat.isDirectory() && !stat.isFile()) return null;
    if (stat.mode & 0o077) chmodSync(path, stat.mode & 0o700);
    return stat.isDirectory() ? readdirSync(path) : null;
  } catch (error) {
    // Gone meanwhile (PGlite's temporaries come and go), or another user's: nothing to tighten.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EPERM') return null;
    throw error;
  }
}
