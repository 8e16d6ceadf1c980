import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { createOrganisation } from '../../platform/owners/organisations';
import { inviteOwner, redeemInvitation } from '../../platform/owners/owner-invitations';
import {
  pruneOwnerSessions,
  SESSION_TTL_MS,
  SIGN_IN_WINDOW_MS,
  sessionOwner,
  signIn,
} from '../../platform/owners/owner-sessions';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';

describe('pruning what owners can no longer use', () => {
  it('drops passed attempt windows and expired sessions, and keeps live ones', async () => {
    const sql = await openPgliteSql(null);
    try {
      const kek = parseKek(newKekText(), 'test');
      await migrate(sql, loadMigrations(), {
        sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek),
      });
      const start = 1_000_000;
      const { organisationId } = await createOrganisation(sql, 'Brand', start);
      const invitation = await inviteOwner(sql, organisationId, { login: 'o@example.com', name: 'O' }, start);
      const first = await redeemInvitation(sql, { code: invitation.invitationCode, password: 'long enough pw' }, start);
      await expect(signIn(sql, { login: 'stranger@example.com', password: 'x' }, start)).rejects.toThrow();
      const later = start + SESSION_TTL_MS / 2;
      const second = await signIn(sql, { login: 'o@example.com', password: 'long enough pw' }, later);

      await pruneOwnerSessions(sql, start + SIGN_IN_WINDOW_MS);
      expect(await sql.query('SELECT login FROM owner_sign_in_attempts')).toEqual([]);
      await pruneOwnerSessions(sql, start + SESSION_TTL_MS);
      expect(await sessionOwner(sql, first.token, start + SESSION_TTL_MS - 1)).toBeNull();
      expect(await sessionOwner(sql, second.token, start + SESSION_TTL_MS)).toMatchObject({ login: 'o@example.com' });
      expect(await sql.query('SELECT count(*)::int AS n FROM owner_sessions')).toEqual([{ n: 1 }]);
    } finally {
      await sql.close();
    }
  });
});
