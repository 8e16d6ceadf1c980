import { describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS } from '../../platform/owners/owner-sessions';
import { startPlatform } from '../../platform/server/start-platform';
import { PlatformRefusal } from '../../shared/platform-api/client';
import { backends, processPairs, usePlatform } from './support/backends';
import { bearer, brandWithOwner, franchiseClient, rawCall } from './support/franchise';

const PASSWORD = 'the owner’s own password';

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof PlatformRefusal) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the platform accepted what it should have refused');
}

describe.each(backends)('owner accounts on $name', (backend) => {
  let clock = Date.now();
  const get = usePlatform(backend, { now: () => clock });
  const anyone = () => franchiseClient(get().url);
  const admin = () => franchiseClient(get().url, { kind: 'admin', token: get().admin.token });

  it('redeems an invitation once only; a too-short password leaves the code unspent', async () => {
    const { organisationId } = await admin().call('admin.organisations.create', { name: '鲜果连锁' });
    const invitation = await admin().call('admin.owners.invite', {
      id: organisationId,
      login: 'Li@Example.com',
      name: '李老板',
    });
    expect(invitation.login).toBe('li@example.com');

    expect(
      await refusal(anyone().call('owner.invitations.redeem', { code: invitation.invitationCode, password: 'short' })),
    ).toEqual({ status: 400, code: 'owner_password_weak', message: 'The password must have 10 to 200 characters.' });
    // Typed as a person would: lower case, without the dashes.
    const typed = invitation.invitationCode.replaceAll('-', '').toLowerCase();
    const session = await anyone().call('owner.invitations.redeem', { code: typed, password: PASSWORD });
    expect(session.organisation).toEqual({ organisationId, name: '鲜果连锁' });
    expect(
      await refusal(
        anyone().call('owner.invitations.redeem', { code: invitation.invitationCode, password: 'another password' }),
      ),
    ).toMatchObject({ status: 400, code: 'owner_invitation_invalid' });
    expect(
      await refusal(anyone().call('owner.invitations.redeem', { code: 'A'.repeat(500), password: PASSWORD })),
    ).toMatchObject({ status: 400, code: 'owner_invitation_invalid' });
    // The second redemption changed nothing: the first password still signs in.
    await anyone().call('owner.signIn', { login: 'li@example.com', password: PASSWORD });
    await expect(
      anyone().call('owner.signIn', { login: 'li@example.com', password: 'another password' }),
    ).rejects.toThrow();
  });

  it('limits sign-in attempts per login in the database, right password included, until the window passes', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, 'Limits', [], PASSWORD);
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS; attempt++) {
      expect(
        await refusal(anyone().call('owner.signIn', { login: brand.login, password: `wrong ${attempt}` })),
      ).toMatchObject({ status: 401, code: 'owner_sign_in_failed' });
    }
    expect(await refusal(anyone().call('owner.signIn', { login: brand.login, password: PASSWORD }))).toEqual({
      status: 429,
      code: 'owner_sign_in_locked',
      message: 'Too many sign-in attempts for this login; try again in 15 min.',
    });
    // A login or password no owner can have is refused like any wrong one, never as malformed.
    for (const attempt of [
      { login: 'x'.repeat(500), password: PASSWORD },
      { login: brand.login, password: 'p'.repeat(5000) },
    ]) {
      expect(await refusal(anyone().call('owner.signIn', attempt))).toMatchObject({
        status: 401,
        code: 'owner_sign_in_failed',
      });
    }
    // A wrong login is refused in the same words as a wrong password.
    expect(
      await refusal(anyone().call('owner.signIn', { login: 'nobody@example.com', password: PASSWORD })),
    ).toMatchObject({ status: 401, code: 'owner_sign_in_failed' });
    clock += SIGN_IN_WINDOW_MS;
    await anyone().call('owner.signIn', { login: brand.login, password: PASSWORD });
  });

  it('refuses a signed-out token and every token of a revoked owner; the revoked owner cannot sign in', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, 'Revoked', ['R1'], PASSWORD);
    const second = await anyone().call('owner.signIn', { login: brand.login, password: PASSWORD });
    const owner = franchiseClient(get().url, { kind: 'owner', token: brand.session.token });
    await owner.call('owner.signOut', {});
    expect((await rawCall(get().url, 'franchise.stores', {}, bearer(brand.session.token))).status).toBe(401);
    expect((await rawCall(get().url, 'franchise.stores', {}, bearer(second.token))).status).toBe(200);

    const third = await anyone().call('owner.signIn', { login: brand.login, password: PASSWORD });
    const revoked = await admin().call('admin.owners.revoke', { id: brand.session.owner.ownerId });
    expect(revoked).toEqual({ ownerId: brand.session.owner.ownerId, revoked: true, sessionsEnded: 2 });
    for (const token of [second.token, third.token]) {
      const answer = await rawCall(get().url, 'franchise.stores', {}, bearer(token));
      expect(answer.body).toMatchObject({ error: { code: 'owner_session_invalid' } });
    }
    expect(await refusal(anyone().call('owner.signIn', { login: brand.login, password: PASSWORD }))).toMatchObject({
      status: 401,
      code: 'owner_sign_in_failed',
    });
    const { organisations } = await admin().call('admin.organisations.list', {});
    expect(organisations.find((o) => o.name === 'Revoked')?.owners).toEqual([
      expect.objectContaining({ login: brand.login, state: 'revoked' }),
    ]);
  });

  it('audits every change to brands and owners, without secrets, for the operator and the brand’s owners', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, 'Audited', ['Au1'], PASSWORD);
    const owner = franchiseClient(get().url, { kind: 'owner', token: brand.session.token });
    await anyone().call('owner.signIn', { login: brand.login, password: PASSWORD });
    const { entries } = await owner.call('franchise.audit', {});
    expect(entries.map((entry) => entry.action).reverse()).toEqual([
      'organisation.created',
      'store.assigned',
      'owner.invited',
      'owner.invitation_redeemed',
      'owner.signed_in',
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(PASSWORD);
    const operatorView = await admin().call('admin.audit', { organisationId: brand.organisationId });
    expect(operatorView.entries).toHaveLength(entries.length);
    // Operator changes made before the store joined the brand are the operator's alone.
    const all = await admin().call('admin.audit', { limit: 500 });
    expect(
      all.entries.some((entry) => entry.action === 'store.created' && entry.storeId === brand.stores[0].storeId),
    ).toBe(true);
  });

  it('refuses days and spans the reports would refuse, in the owner’s language', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, 'Words', ['W1'], PASSWORD);
    const owner = franchiseClient(get().url, { kind: 'owner', token: brand.session.token });
    expect(await refusal(owner.call('franchise.sales', { from: '2025-02-30', to: '2025-03-01' }))).toMatchObject({
      status: 400,
      code: 'day_invalid',
    });
    expect(
      await refusal(owner.call('franchise.sales', { from: '2025-03-01'.repeat(20), to: '2025-03-01' })),
    ).toMatchObject({
      status: 400,
      code: 'day_invalid',
    });
    expect(await refusal(owner.call('franchise.sales', { from: '2025-03-02', to: '2025-03-01' }))).toMatchObject({
      status: 400,
      code: 'range_invalid',
    });
    const zh = await rawCall(
      get().url,
      'franchise.sales',
      { from: '2020-01-01', to: '2025-01-01' },
      {
        ...bearer(brand.session.token),
        'accept-language': 'zh-CN',
      },
    );
    expect(zh.body).toEqual({
      error: { code: 'range_invalid', message: '日期应从开始日到结束日，最多 1096 天。', params: { max: 1096 } },
    });
  });
});

describe.each(processPairs)('sign-in attempts on $name', (backend) => {
  it('counts the attempts of one login across both processes', async () => {
    const storage = await backend.freshStorage();
    const first = await startPlatform({ ...storage.options, port: 0 });
    const second = await startPlatform({ ...storage.options, port: 0 });
    try {
      const brand = await brandWithOwner(first.url, first.adminToken, 'Two processes', [], PASSWORD);
      const processes = [first.url, second.url].map((url) => franchiseClient(url));
      for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS; attempt++) {
        const client = processes[attempt % 2];
        expect(
          await refusal(client.call('owner.signIn', { login: brand.login, password: 'wrong password' })),
        ).toMatchObject({ code: 'owner_sign_in_failed' });
      }
      for (const client of processes) {
        expect(await refusal(client.call('owner.signIn', { login: brand.login, password: PASSWORD }))).toMatchObject({
          status: 429,
          code: 'owner_sign_in_locked',
        });
      }
    } finally {
      await first.close();
      await second.close();
      await storage.dispose();
    }
  });
});
