import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * `find <root> -perm /go+rwx`: every folder and file under `root` (itself included) that its
 * group or anyone else may read, write or enter, as `path mode`. Empty when all is owner-only.
 */
export function looseModes(root: string): string[] {
  const loose: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) loose.push(`${relative(root, path) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return loose;
}

/** How many folders and files `looseModes` looked at: a check of an empty folder proves nothing. */
export function countEntries(root: string): number {
  const stat = lstatSync(root);
  if (!stat.isDirectory()) return 1;
  return 1 + readdirSync(root).reduce((sum, name) => sum + countEntries(join(root, name)), 0);
}
