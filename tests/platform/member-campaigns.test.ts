import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { campaignBody, createCampaign, errorCode, issue, redeem, redemptionBody } from './support/vouchers';

/**
 * Member campaigns on the platform (docs/members.md, "Member campaigns"): what the operator may
 * create, each wrong rule refused in the operator's language, and a hold judged by the member the
 * till names — never by what the till says of them.
 */
describe.each(backends)('member campaigns on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;
  let phone = 13_900_006_000;

  beforeAll(async () => {
    const store = (await get().admin.createStore('Member offers')).storeId;
    till = await Till.pair(get().url, (await get().admin.pairingCode(store)).code);
  });

  const member = async () =>
    (
      await get().admin.ok<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
        phone: String(++phone),
        name: null,
        consent: false,
      })
    ).member.id;

  async function refusedCreation(rules: Record<string, unknown>, type = 'cash_off') {
    const body = { ...campaignBody({ type: type as 'cash_off' }), rules: { itemSku: 'X-1', ...rules } };
    const en = await get().admin.call('POST', '/v1/campaigns', body);
    const zh = await get().admin.call('POST', '/v1/campaigns', body, { 'accept-language': 'zh-CN' });
    const message = (answer: typeof en) => (answer.body as { error: { message: string } }).error.message;
    return { status: en.status, code: errorCode(en), en: message(en), zh: message(zh) };
  }

  it('refuses member rules that cannot work, in both languages', async () => {
    expect(await refusedCreation({ perMemberLimit: 2 })).toEqual({
      status: 400,
      code: 'campaign_member_limit_everyone',
      en: 'A per-member limit counts by member, so the campaign must be for members or for new customers.',
      zh: '每位会员限用次数按会员计算，活动须设为仅限会员或仅限新客。',
    });
    expect(await refusedCreation({ audience: { kind: 'members', minTier: null }, perMemberLimit: 0 })).toMatchObject({
      code: 'campaign_member_limit_range',
      en: 'A per-member limit is a whole number from 1 to 1000; 0 is not.',
    });
    expect(await refusedCreation({ audience: { kind: 'members', minTier: 9 } })).toMatchObject({
      code: 'campaign_tier_unknown',
      zh: '品牌会员等级中没有等级 9。',
    });
    expect(await refusedCreation({ audience: { kind: 'new_customers' } }, 'group_buy')).toMatchObject({
      code: 'campaign_audience_group_buy',
    });
  });

  it('holds a member-only voucher for a member only, of the tier asked or above', async () => {
    const open = await createCampaign(get().admin, { rules: { audience: { kind: 'members', minTier: null } } });
    const [first] = await issue(get().admin, open, 1);
    const nobody = await redeem(till, redemptionBody(till, first.code));
    expect([nobody.status, errorCode(nobody)]).toEqual([409, 'voucher_member_required']);
    const stranger = await redeem(till, { ...redemptionBody(till, first.code), memberId: uuidv7() });
    expect([stranger.status, errorCode(stranger)]).toEqual([404, 'member_unknown']);
    expect((await redeem(till, { ...redemptionBody(till, first.code), memberId: await member() })).status).toBe(200);

    const silver = await createCampaign(get().admin, { rules: { audience: { kind: 'members', minTier: 2 } } });
    const [gold] = await issue(get().admin, silver, 1);
    const low = await redeem(till, { ...redemptionBody(till, gold.code), memberId: await member() });
    expect([low.status, errorCode(low)]).toEqual([409, 'voucher_member_tier']);
    expect((low.body as { error: { message: string } }).error.message).toContain('for Silver members and above');
  });

  it('counts holds toward the per-member limit, and a hold asked again under its key only once', async () => {
    const limited = await createCampaign(get().admin, {
      rules: { audience: { kind: 'members', minTier: null }, perMemberLimit: 1 },
    });
    const [one, two] = await issue(get().admin, limited, 2);
    const memberId = await member();
    const body = { ...redemptionBody(till, one.code), memberId };
    expect((await redeem(till, body)).status).toBe(200);
    expect((await redeem(till, body)).status).toBe(200);
    const over = await redeem(till, { ...redemptionBody(till, two.code), memberId });
    expect([over.status, errorCode(over)]).toEqual([409, 'voucher_member_limit']);
    expect((over.body as { error: { message: string } }).error.message).toContain('has used it 1 time(s)');
  });

  it('keeps a new-customer voucher to one first order, even before that order is pushed', async () => {
    const welcome = await createCampaign(get().admin, { rules: { audience: { kind: 'new_customers' } } });
    const [one, two] = await issue(get().admin, welcome, 2);
    const memberId = await member();
    expect((await redeem(till, { ...redemptionBody(till, one.code), memberId })).status).toBe(200);
    const again = await redeem(till, { ...redemptionBody(till, two.code), memberId });
    expect([again.status, errorCode(again)]).toEqual([409, 'voucher_new_customers_only']);
  });
});
