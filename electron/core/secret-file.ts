import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './device-secret';

/**
 * A secret kept beside the database but never in it (the till's signing key, an owner's platform
 * session): a 0600 file here, sealed by the OS keystore under Electron (electron/main).
 */
export type SecretFile = {
  read(): Buffer | null;
  /** Replaces what was kept: whole or not at all, even across a power cut. */
  write(secret: Buffer): void;
  forget(): void;
};

export function plainSecretFile(dataDir: string, name: string): SecretFile {
  const path = join(dataDir, name);
  return {
    read: () => (existsSync(path) ? readFileSync(path) : null),
    write: (secret) => {
      writeFileDurably(path, secret, { replace: true });
    },
    forget: () => rmSync(path, { force: true }),
  };
}
