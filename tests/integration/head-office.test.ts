import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { CallRequest } from '../../shared/contract';
import type { FranchiseSales, FranchiseStores, OwnerStatus } from '../../shared/contract/head-office';
import type { SyncStatus } from '../../shared/contract/sync';
import { backends, usePlatform } from '../platform/support/backends';
import { brandWithOwner, franchiseClient } from '../platform/support/franchise';
import { expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { platformAdmin, sampleCatalog, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

const PASSWORD = 'the owner’s own password';
const cores: CounterCore[] = [];

afterAll(async () => {
  for (const core of cores) await core.close();
});

function open(sync = false): { core: CounterCore; dataDir: string } {
  const dataDir = tempDir('head-office-');
  const core = openCounterCore({
    dataDir,
    ...(sync ? { sync: { backoff: { firstMs: 50, maxMs: 500 }, requestTimeoutMs: 10_000, waitSeconds: 1 } } : {}),
  });
  cores.push(core);
  return { core, dataDir };
}

async function refusal(core: CounterCore, request: CallRequest): Promise<{ code: string; message: string }> {
  const result = await core.call(request);
  if (result.ok) throw new Error(`${request.method} was answered: ${JSON.stringify(result.value)}`);
  return { code: result.error.code, message: result.error.message };
}

/** Every byte of the till's database files (the WAL too), to look for a secret in them. */
function databaseBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('counter.db'))
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('');
}

function ownerAudit(core: CounterCore): { action: string; subject: string; detail: string }[] {
  return core.environment.db
    .prepare(`SELECT action, subject, detail FROM audit_log WHERE action LIKE 'owner.%' ORDER BY seq`)
    .all() as { action: string; subject: string; detail: string }[];
}

describe.each(backends)('head office through the core, platform on $name', (backend) => {
  const get = usePlatform(backend);
  const admin = () => franchiseClient(get().url, { kind: 'admin', token: get().admin.token });

  it('signs an owner in on a console with no store, keeps the token in a 0600 file only, and signs out', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, '鲜果连锁', ['一号店', '二号店'], PASSWORD);
    const { core, dataDir } = open();
    const status = await core.call({ method: 'owner.status', input: {} });
    expect(expectOk<OwnerStatus>(status)).toEqual({ signedIn: false, headOffice: true, platformUrl: null });

    expect(await refusal(core, { method: 'owner.signIn', input: { login: brand.login, password: PASSWORD } })).toEqual({
      code: 'owner_platform_url_needed',
      message: 'This till is not paired with a platform: enter the address of the platform to sign in to.',
    });
    const nobody = { platformUrl: 'http://127.0.0.1:9', login: brand.login, password: PASSWORD };
    expect(await refusal(core, { method: 'owner.signIn', input: nobody, locale: 'en' })).toMatchObject({
      code: 'owner_platform_unreachable',
      message: expect.stringMatching(
        /^The platform at http:\/\/127\.0\.0\.1:9 did not answer \(.+\)\. Check the address/,
      ),
    });
    const wrong = { platformUrl: get().url, login: brand.login, password: 'not the password' };
    expect(await refusal(core, { method: 'owner.signIn', input: wrong, locale: 'zh-CN' })).toEqual({
      code: 'owner_platform_refused',
      message: '账号或密码不正确。',
    });
    expect(await refusal(core, { method: 'owner.signIn', input: wrong, locale: 'en' })).toEqual({
      code: 'owner_platform_refused',
      message: 'The login or the password is wrong.',
    });
    expect(readdirSync(dataDir).filter((name) => name.startsWith('owner-session'))).toEqual([]);
    expect(ownerAudit(core)).toEqual([]);

    const signedIn = expectOk<OwnerStatus>(
      await core.call({ method: 'owner.signIn', input: { ...wrong, password: PASSWORD } }),
    );
    expect(signedIn).toMatchObject({
      signedIn: true,
      headOffice: true,
      platformUrl: get().url,
      owner: { login: brand.login },
      organisation: { name: '鲜果连锁' },
    });
    const file = join(dataDir, 'owner-session.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = (JSON.parse(readFileSync(file, 'utf8')) as { token: string }).token;
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(signedIn)).not.toContain(token);
    expect(databaseBytes(dataDir)).not.toContain(token);

    const { stores } = expectOk<FranchiseStores>(await core.call({ method: 'franchise.stores', input: {} }));
    expect(stores.map((store) => [store.name, store.devices, store.lastSyncAt])).toEqual([
      ['一号店', 0, null],
      ['二号店', 0, null],
    ]);

    expect(expectOk<OwnerStatus>(await core.call({ method: 'owner.signOut', input: {} })).signedIn).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('owner-session'))).toEqual([]);
    // Ended on the platform too, not only forgotten here.
    await expect(franchiseClient(get().url, { kind: 'owner', token }).call('owner.me', {})).rejects.toMatchObject({
      status: 401,
      code: 'owner_session_invalid',
    });
    expect(await refusal(core, { method: 'franchise.stores', input: {}, locale: 'en' })).toEqual({
      code: 'owner_not_signed_in',
      message: 'Sign in to the platform as the owner first.',
    });

    const audit = ownerAudit(core);
    expect(audit.map((entry) => [entry.action, entry.subject])).toEqual([
      ['owner.signIn', brand.login],
      ['owner.signOut', brand.login],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('tells an owner who tried too often, in their language, that sign-in waits', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, 'Limits', [], PASSWORD);
    const { core } = open();
    const attempt = (password: string) => ({
      method: 'owner.signIn',
      input: { platformUrl: get().url, login: brand.login, password },
      locale: 'zh-CN',
    });
    for (let n = 0; n < 5; n++) await refusal(core, attempt(`wrong ${n}`));
    expect(await refusal(core, attempt(PASSWORD))).toEqual({
      code: 'owner_platform_refused',
      message: '该账号登录尝试次数过多，请 15 分钟后再试。',
    });
  });

  it('lets a paired till’s owner (and nobody else) see the brand’s stores and sales, and forgets a revoked session', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, '连锁', ['同步店', '空店'], PASSWORD);
    await platformAdmin(get().url, get().admin.token).putProducts(sampleCatalog());
    const { core, dataDir } = open(true);
    const call = (request: CallRequest) => core.call(request);
    const people = await createDemo(call);
    const owner = await signIn(call, people.owner);
    const cashier = await signIn(call, people.cashier);
    const syncStatus = () =>
      expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: owner }));
    expectOk(
      await call({
        method: 'sync.pair',
        input: { platformUrl: get().url, code: brand.stores[0]?.pairingCode },
        sessionToken: owner,
      }),
    );
    await waitFor(() => syncStatus().link === 'online', 20_000, 'paired and online');
    const water = await waitFor(() => productBySku(call, cashier, 'DRK-0001').catch(() => undefined));
    await openShift(call, cashier);
    const sale = await payByCard(call, cashier, [lineFor(water)], water.price);
    await waitFor(() => syncStatus().unsent === 0 && syncStatus().lastSyncAt !== null, 20_000, 'sale pushed');

    const credentials = { login: brand.login, password: PASSWORD };
    expect(await refusal(core, { method: 'owner.signIn', input: credentials, sessionToken: cashier })).toMatchObject({
      code: 'forbidden',
    });
    expect(await refusal(core, { method: 'owner.signIn', input: credentials })).toMatchObject({
      code: 'unauthenticated',
    });
    // No address: a paired till's owner signs in where the till syncs.
    const signedIn = expectOk<OwnerStatus>(
      await call({ method: 'owner.signIn', input: credentials, sessionToken: owner }),
    );
    expect(signedIn).toMatchObject({ signedIn: true, headOffice: false, platformUrl: get().url });
    expect(await refusal(core, { method: 'franchise.stores', input: {}, sessionToken: cashier })).toMatchObject({
      code: 'forbidden',
    });

    const { stores } = expectOk<FranchiseStores>(
      await call({ method: 'franchise.stores', input: {}, sessionToken: owner }),
    );
    expect(stores.map((store) => [store.name, store.devices, store.lastSyncAt !== null])).toEqual([
      ['同步店', 1, true],
      ['空店', 0, false],
    ]);
    const day = sale.businessDay;
    const sales = expectOk<FranchiseSales>(
      await call({ method: 'franchise.sales', input: { firstDay: day, lastDay: day }, sessionToken: owner }),
    );
    expect(sales.stores.map((store) => [store.name, store.orders, store.net])).toEqual([
      ['同步店', 1, sale.total],
      ['空店', 0, 0],
    ]);
    expect(
      await refusal(core, {
        method: 'franchise.sales',
        input: { firstDay: day, lastDay: '2020-01-01' },
        sessionToken: owner,
        locale: 'en',
      }),
    ).toMatchObject({ code: 'report_range_backwards' });

    await admin().call('admin.owners.revoke', { id: brand.session.owner.ownerId });
    expect(
      await refusal(core, { method: 'franchise.stores', input: {}, sessionToken: owner, locale: 'zh-CN' }),
    ).toEqual({ code: 'owner_platform_refused', message: '请重新以店主身份登录：会话缺失、已结束或已被撤销。' });
    const after = expectOk<OwnerStatus>(await call({ method: 'owner.status', input: {}, sessionToken: owner }));
    expect(after.signedIn).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('owner-session'))).toEqual([]);
    expect(ownerAudit(core).map((entry) => [entry.action, JSON.parse(entry.detail).reason ?? null])).toEqual([
      ['owner.signIn', null],
      ['owner.signOut', 'session_invalid'],
    ]);
    expect(
      await refusal(core, { method: 'owner.signIn', input: credentials, sessionToken: owner, locale: 'en' }),
    ).toMatchObject({ code: 'owner_platform_refused' });
  }, 60_000);
});
