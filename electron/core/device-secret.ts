import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

const secretFile = 'device.secret';
const secretBytes = 32;

export type DeviceSecretOptions = {
  /**
   * The store already holds staff or audit entries, so a secret was made for it before. The caller
   * knows (it has the database open); this module only knows the files.
   */
  storeInUse: boolean;
};

/**
 * The pepper for PIN hashes and the key of the audit hash chain, kept beside the database but not
 * in it. Under Electron the shell may hand in a secret from the OS keystore instead (safeStorage).
 *
 * A new secret is made only for a store that has never used one: for a store in use a new secret
 * would turn every staff PIN into `wrong_pin` and break the audit chain, so a missing file is an
 * error that says to restore it.
 */
export function loadDeviceSecret(dataDir: string, options: DeviceSecretOptions = { storeInUse: false }): Buffer {
  const path = join(dataDir, secretFile);
  const existing = readIfPresent(path);
  if (existing?.length === secretBytes) {
    removeLeftoverTemporaries(path);
    return existing;
  }
  if (!existing?.length && existsSync(`${path}.enc`)) {
    // Sealed by the desktop app's OS keystore: a fresh secret here would silently break every PIN.
    throw new Error(
      `${path}.enc is sealed by the desktop app's keystore; open this data folder with the desktop app, not the browser host`,
    );
  }
  if (options.storeInUse) throw new DeviceSecretError(path, existing);
  // An empty file is what an earlier version left when it was stopped between creating the file
  // and writing it, on first launch; nothing can have been hashed with it, so it is replaced.
  if (existing !== undefined && existing.length > 0) throw new DeviceSecretError(path, existing);
  const secret = randomBytes(secretBytes);
  const kept = writeFileDurably(path, secret, { replace: existing !== undefined });
  if (kept.length !== secretBytes) throw new DeviceSecretError(path, kept);
  removeLeftoverTemporaries(path);
  return kept;
}

/** A secret that is gone or damaged for a store that needs it: the shells show only the message. */
export class DeviceSecretError extends Error {
  constructor(path: string, found?: Buffer) {
    const what =
      found === undefined
        ? `The device secret is missing: ${path} does not exist`
        : `The device secret is damaged: ${path} holds ${found.length} bytes instead of ${secretBytes}`;
    super(
      `${what}. Staff PINs and the audit log of this store depend on it, so Counter will not make a new ` +
        `one (every PIN would stop working). Restore ${secretFile} from the backup taken with the ` +
        'database (counter.db) into this folder and start Counter again.',
    );
    this.name = 'DeviceSecretError';
  }
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `data` to `path` so that after a crash or power cut the file is either absent or whole:
 * a temporary file in the same folder is written and fsynced, then put in place and the folder
 * fsynced. Without `replace`, an existing file wins (link does not overwrite), so two first starts
 * at once cannot each keep a different secret; the file that ended up at `path` is returned.
 */
export function writeFileDurably(path: string, data: Buffer, { replace = false } = {}): Buffer {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (replace) renameSync(temporary, path);
    else placeWithoutReplacing(temporary, path);
  } catch (error) {
    // Our temporary was tidied away by a start that had already put its own file in place.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(path)) throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  fsyncFolder(dirname(path));
  return readFileSync(path);
}

function placeWithoutReplacing(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    // FAT and some network shares have no hard links; there, rename (which replaces) must do.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      renameSync(temporary, path);
      return;
    }
    throw error;
  }
}

/** Makes a rename or link in `dir` survive a power cut. Windows cannot open folders for this. */
function fsyncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Temporaries left by a start that was killed mid-write were never handed to anyone (the secret is
 * returned only once it is in place), so they are dropped whatever they hold. Only called once the
 * real file is whole: a start still writing one then finds that file and uses it.
 */
function removeLeftoverTemporaries(path: string): void {
  const prefix = `${basename(path)}.`;
  try {
    for (const name of readdirSync(dirname(path))) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(path), name), { force: true });
    }
  } catch {
    // Tidying only: a folder that cannot be listed still has a good secret.
  }
}
