import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { KEK_RECIPE, type Kek, KekError, newKekText, parseKek } from './key-sealing';

export const KEK_ENV = 'COUNTER_PLATFORM_KEK';
/** The KEK beside the database in a data folder, when none is given: made on the first start. */
export const KEK_FILE = 'voucher-kek';

export type KekOptions = {
  /** The KEK itself (the CLI passes COUNTER_PLATFORM_KEK); wins over the others. */
  kek?: string;
  /** A file holding it (made by the operator); wins over the data folder's file. */
  kekFile?: string;
  dataDir: string | null;
  databaseUrl?: string;
};

export type LoadedKek = {
  kek: Kek;
  /** Where it came from, for messages. */
  source: string;
  /** The data folder's file, when this start made it (it is removed again if the keys refuse it). */
  created: string | null;
};

/**
 * The KEK from, in this order: the value given, the file given, `<dataDir>/voucher-kek`. A
 * platform on PostgreSQL without a data folder has nowhere to keep one of its own, so it must be
 * given one; a database in memory gets a throwaway one, as it is a throwaway itself.
 */
export function loadKek(options: KekOptions): LoadedKek {
  if (options.kek !== undefined) return { kek: parseKek(options.kek, KEK_ENV), source: KEK_ENV, created: null };
  if (options.kekFile !== undefined) {
    const source = `the key-encryption key file ${options.kekFile}`;
    return { kek: parseKek(readKekFile(options.kekFile, source), source), source, created: null };
  }
  if (options.dataDir !== null) return kekInFolder(options.dataDir);
  if (!options.databaseUrl) return { kek: parseKek(newKekText(), 'memory'), source: 'memory', created: null };
  throw new KekError(
    `A platform on PostgreSQL without --data-dir needs the key-encryption key of its voucher signing keys: set ${KEK_ENV} to ${KEK_RECIPE}, or pass --kek-file <file> holding them. Every platform process on one database needs the same one.`,
  );
}

function readKekFile(path: string, source: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new KekError(`${source} does not exist. Create it (${KEK_RECIPE}) and keep a copy apart from the database.`);
  }
}

function kekInFolder(dataDir: string): LoadedKek {
  const path = join(dataDir, KEK_FILE);
  const created = createDurably(path, `${newKekText()}\n`) ? path : null;
  // A copy restored from a backup may have lost its mode.
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  const source = `the key-encryption key file ${path}`;
  return { kek: parseKek(readFileSync(path, 'utf8'), source), source, created };
}

/**
 * Puts `text` at `path` unless a file is there, so that after a power cut the file is either
 * absent or whole: losing a KEK that sealed a key would invalidate every voucher it signed.
 * Returns whether this call made it.
 */
function createDurably(path: string, text: string): boolean {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    placeExclusively(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  if (process.platform !== 'win32') {
    const folder = openSync(dirname(path), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  }
  return true;
}

function placeExclusively(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    // FAT and some network shares have no hard links; an exclusive copy is whole once fsynced.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? ''))
      throw error;
    copyFileSync(temporary, path, constants.COPYFILE_EXCL);
    const fd = openSync(path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * The keys in the database do not open with the KEK found: refuse to start (a new signing key
 * would invalidate every voucher issued), and take back a KEK file this start made, so the next
 * start does not mistake it for the real one.
 */
export function kekMismatch(loaded: LoadedKek): KekError {
  if (loaded.created) rmSync(loaded.created, { force: true });
  const found = loaded.created
    ? `there was no ${KEK_FILE} in the data folder (a new one was made and removed again)`
    : `${loaded.source} is not the one they were sealed with`;
  return new KekError(
    `The voucher signing keys in this database were sealed with another key-encryption key: ${found}. The platform will not start, and will not make new keys, which would invalidate every voucher already issued. Start it with the original key-encryption key (${KEK_ENV}, --kek-file, or the ${KEK_FILE} file from the backup of this data folder).`,
  );
}
