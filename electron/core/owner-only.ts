import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds orders, PIN hashes, payment references and keys: only its owner may read
 * it (folders 0700, files 0600). Windows has no such modes (its ACLs come from the profile
 * folder), so there these are no-ops. The platform keeps its own copy (platform/db/owner-only.ts)
 * because it ships without the desktop app.
 */
const posix = process.platform !== 'win32';

/** Counter's own entries in a till's data folder, with their temporaries and sealed forms. */
export const isTillEntry = (name: string): boolean =>
  /^(counter\.db|device\.secret|device-key\.der|host\.lock)|^(backups|demo-platform)$/.test(name);

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
 * Creates the data folder 0700, or tightens an existing one and Counter's entries in it (all of
 * each, however deep): an upgrade from a version that left 0755 folders and 0644 files must not
 * keep them. A folder that also holds things that are not Counter's (someone pointed --data-dir
 * at a home folder, or /tmp) keeps its own mode and those things: Counter answers for what it put
 * there, and never chmods a tree it does not know.
 */
export function secureDataFolder(dir: string, ours: (name: string) => boolean): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!posix) return;
  const names = readdirSync(dir);
  if (names.every(ours)) tightenOne(dir);
  for (const name of names) if (ours(name)) tightenTree(join(dir, name));
}

/**
 * Takes the group and other bits off every folder and file under `root` (itself included).
 * Symbolic links are not followed (their target may be anyone's); sockets and the like are left
 * alone, and so is what belongs to another user (chmod is refused): not Counter's to change.
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
    // Gone meanwhile (a temporary, a lock), or another user's: nothing of ours to tighten.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EPERM') return null;
    throw error;
  }
}
