import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, MigrationError, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { startPlatform } from '../../platform/server/start-platform';
import { KEK_FILE, loadKek } from '../../platform/vouchers/kek-source';
import { KekError, newKekText, openPrivateKey, parseKek, sealPrivateKey } from '../../platform/vouchers/key-sealing';
import { decodeVoucher } from '../../shared/vouchers/cp1';
import { tempDir } from '../support/temp-dir';
import { backends, openStorageSql, type Storage } from './support/backends';
import { AdminClient } from './support/clients';
import { ed25519, oneVoucher } from './support/vouchers';

type KeyRow = Record<string, unknown> & { kid: number; public_key: string; private_key_sealed: string };

async function keyRows(storage: Storage): Promise<KeyRow[]> {
  const sql = await openStorageSql(storage);
  try {
    return await sql.query<KeyRow>('SELECT * FROM voucher_keys ORDER BY kid');
  } finally {
    await sql.close();
  }
}

/** The KEK the platform on this storage uses: the one it was given, or its data folder's file. */
const kekText = (storage: Storage) =>
  storage.options.kek ?? readFileSync(join(storage.options.dataDir as string, KEK_FILE), 'utf8');

/** Files under `root` holding `needle` (raw bytes), outside folders named in `skip`. */
function filesHolding(root: string, needle: Buffer, skip: string[] = []): string[] {
  const found: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (lstatSync(path).isDirectory()) {
      if (!skip.includes(name)) found.push(...filesHolding(path, needle, skip));
    } else if (readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}

describe('the key-encryption key', () => {
  it('is 32 bytes of base64 in either alphabet, and says how to make one when it is not', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    expect(() => parseKek(bytes.toString('base64'), 'test')).not.toThrow();
    expect(() => parseKek(`${bytes.toString('base64url')}\n`, 'test')).not.toThrow();
    expect(() => parseKek(Buffer.alloc(16).toString('base64'), 'test')).toThrow(/it holds 16 bytes/);
    expect(() => parseKek('not base64 at all!', 'test')).toThrow(/openssl rand -base64 32/);
  });

  it('binds a sealed key to its key id', () => {
    const kek = parseKek(newKekText(), 'test');
    const sealed = sealPrivateKey(kek, 1, 'private half');
    expect(sealed).toMatch(/^v1:/);
    expect(openPrivateKey(kek, 1, sealed)).toBe('private half');
    expect(() => openPrivateKey(kek, 2, sealed)).toThrow(KekError);
    expect(() => openPrivateKey(parseKek(newKekText(), 'other'), 1, sealed)).toThrow(KekError);
  });

  it('must be given to a platform on PostgreSQL without a data folder', () => {
    expect(() => loadKek({ dataDir: null, databaseUrl: 'postgres://example/counter' })).toThrow(
      /COUNTER_PLATFORM_KEK.*--kek-file/,
    );
    const missing = join(tempDir(), 'no-such-kek');
    expect(() => loadKek({ dataDir: null, kekFile: missing, databaseUrl: 'postgres://x/y' })).toThrow(/does not exist/);
  });
});

describe.each(backends)('voucher signing keys at rest on $name', (backend) => {
  it('are stored only sealed, and a copy of the database with another KEK refuses to start', async () => {
    const storage = await backend.freshStorage();
    try {
      const first = await startPlatform({ ...storage.options, port: 0 });
      const voucher = await oneVoucher(new AdminClient(first.url, first.adminToken));
      await first.close();

      const [row] = await keyRows(storage);
      expect(Object.keys(row)).not.toContain('private_key');
      const privateKey = openPrivateKey(parseKek(kekText(storage), 'test'), row.kid, row.private_key_sealed);
      expect(JSON.stringify(row)).not.toContain(privateKey);
      const decoded = decodeVoucher(voucher.code);
      if (!decoded.ok) throw new Error(decoded.reason);
      expect(ed25519(row.public_key, decoded.voucher.signed, decoded.voucher.signature)).toBe(true);

      const other = newKekText();
      await expect(startPlatform({ ...storage.options, kek: other, port: 0 })).rejects.toThrow(
        /sealed with another key-encryption key.*will not make new keys/,
      );
      if (storage.options.databaseUrl) {
        await expect(startPlatform({ databaseUrl: storage.options.databaseUrl, port: 0 })).rejects.toThrow(
          /needs the key-encryption key/,
        );
      }
      // Nothing was replaced: the keys the tills hold still sign.
      expect(await keyRows(storage)).toEqual([row]);
      const again = await startPlatform({ ...storage.options, port: 0 });
      await again.close();
    } finally {
      await storage.dispose();
    }
  });
});

describe('a PGlite data folder', () => {
  it('never writes the private key in the clear, and a copy without its voucher-kek file does not start', async () => {
    const dataDir = tempDir('counter-platform-');
    const platform = await startPlatform({ dataDir, port: 0 });
    await platform.close();
    const kek = parseKek(readFileSync(join(dataDir, KEK_FILE), 'utf8'), 'test');
    const sql = await openPgliteSql(join(dataDir, 'pglite'));
    const [row] = await sql.query<KeyRow>('SELECT * FROM voucher_keys');
    await sql.close();
    const privateKey = openPrivateKey(kek, row.kid, row.private_key_sealed);
    // Not in any file, the write-ahead log included: in text or as its 32 bytes.
    expect(filesHolding(dataDir, Buffer.from(privateKey))).toEqual([]);
    expect(filesHolding(dataDir, Buffer.from(privateKey, 'base64url'))).toEqual([]);

    const copy = join(tempDir('counter-copy-'), 'data');
    cpSync(join(dataDir, 'pglite'), join(copy, 'pglite'), { recursive: true });
    await expect(startPlatform({ dataDir: copy, port: 0 })).rejects.toThrow(/there was no voucher-kek/);
    // The KEK that start made is taken back: the next start must not take it for the real one.
    expect(existsSync(join(copy, KEK_FILE))).toBe(false);
    writeFileSync(join(copy, KEK_FILE), readFileSync(join(dataDir, KEK_FILE)));
    const restored = await startPlatform({ dataDir: copy, port: 0 });
    await restored.close();
  });

  it('migration 0003 seals the plain keys of an older platform, which go on signing', async () => {
    const dataDir = tempDir('counter-platform-');
    const old = await openPgliteSql(join(dataDir, 'pglite'));
    const [init, vouchers] = loadMigrations();
    await migrate(old, [init, vouchers]);
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    await old.query(
      `INSERT INTO voucher_keys (kid, private_key, public_key, valid_from, valid_to, created_at, version)
       VALUES (1, $1, $2, 0, 4102444800, 0, 1)`,
      [jwk.d, jwk.x],
    );
    await old.query('UPDATE voucher_counter SET version = 1');
    // SQL alone cannot seal: without the KEK's code step the migration is refused.
    await expect(migrate(old)).rejects.toThrow(MigrationError);
    await old.close();

    const platform = await startPlatform({ dataDir, port: 0 });
    try {
      const voucher = await oneVoucher(new AdminClient(platform.url, platform.adminToken));
      const decoded = decodeVoucher(voucher.code);
      if (!decoded.ok) throw new Error(decoded.reason);
      expect(decoded.voucher.claims.kid).toBe(1);
      expect(ed25519(jwk.x as string, decoded.voucher.signed, decoded.voucher.signature)).toBe(true);
    } finally {
      await platform.close();
    }
    const sql = await openPgliteSql(join(dataDir, 'pglite'));
    const [row] = await sql.query<KeyRow>('SELECT * FROM voucher_keys');
    await sql.close();
    expect(Object.keys(row)).not.toContain('private_key');
    expect(row.private_key_sealed).not.toContain(jwk.d);
    const kek = parseKek(readFileSync(join(dataDir, KEK_FILE), 'utf8'), 'test');
    expect(openPrivateKey(kek, 1, row.private_key_sealed)).toBe(jwk.d);
    // The table was rewritten: only the write-ahead log, which PostgreSQL recycles, still has it.
    expect(filesHolding(join(dataDir, 'pglite'), Buffer.from(jwk.d as string), ['pg_wal'])).toEqual([]);
  });
});
