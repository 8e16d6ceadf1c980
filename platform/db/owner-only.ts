import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A till's data folder holds orders, PIN hashes, payment references and keys; the platform's its
 * database, admin token and key-encryption key: only their owner may read them (folders 0700,
 * files 0600). Windows has no such modes (its ACLs come from the profile folder), so there these
 * are no-ops. One copy for the core, the host and the platform, which each name their own entries;
 * it lives with the platform, which ships on its own, and the till's core imports it from here.
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
 * Creates the data folder 0700, or tightens an existing one and the entries `ours` names in it
 * (all of each, however deep): an upgrade from a version that left 0755 folders and 0644 files
 * (or PGlite, which writes its cluster 0666 whatever the umask says) must not keep them. A folder
 * that also holds things that are not ours (someone pointed --data-dir at a home folder, or /tmp)
 * keeps its own mode and those things: we answer for what we put there, and never chmod a tree
 * we do not know.
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
 * alone, and so is what belongs to another user (chmod is refused): not ours to change.
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
    // Gone meanwhile (a temporary, a lock, PGlite's files come and go), or another user's:
    // nothing of ours to tighten.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EPERM') return null;
    throw error;
  }
}
