import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from '../db/sql';

// Hex, not base64url: a token starting with '-' reads as an option on a command line.
const newToken = () => randomBytes(32).toString('hex');

/** The token in `<dataDir>/admin-token` (owner-only), created on the first start. */
function tokenInFolder(dataDir: string): string {
  const file = join(dataDir, 'admin-token');
  try {
    writeFileSync(file, `${newToken()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copy restored from a backup may have lost its mode; the token is as good as the admin password.
  chmodSync(file, 0o600);
  const token = readFileSync(file, 'utf8').trim();
  if (token.length < 16) throw new Error(`${file} does not hold an admin token; remove it to create a new one.`);
  return token;
}

/** Without a data folder the token lives in the database, created by whichever start comes first. */
async function tokenInDatabase(sql: Sql): Promise<string> {
  await sql.query(
    "INSERT INTO platform_settings (key, value) VALUES ('admin_token', $1) ON CONFLICT (key) DO NOTHING",
    [newToken()],
  );
  const [row] = await sql.query<{ value: string }>("SELECT value FROM platform_settings WHERE key = 'admin_token'");
  return row.value;
}

export function loadAdminToken(sql: Sql, dataDir: string | null): Promise<string> {
  return dataDir === null ? tokenInDatabase(sql) : Promise.resolve(tokenInFolder(dataDir));
}
