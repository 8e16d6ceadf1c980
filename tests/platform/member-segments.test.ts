import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgSql } from '../../platform/db/pg-sql';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import type { Sql } from '../../platform/db/sql';
import { heldOut, issueMemberCampaign, memberCampaignReport } from '../../platform/members/member-campaigns';
import { cohortMonths, memberReport } from '../../platform/members/member-report';
import { scoreMembers } from '../../platform/members/segment-scoring';
import { setStoreSegmentSettings } from '../../platform/members/segment-settings';
import { createCampaign } from '../../platform/vouchers/campaigns';
import { type Kek, newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { ensureSigningKey, sealPlainKeys } from '../../platform/vouchers/keys';
import { MemberReport } from '../../shared/members/segment-wire';
import { recencyPresets } from '../../shared/members/segments';
import { CampaignRules } from '../../shared/vouchers/campaign';
import { netOfRefunds, plainReport, plainScores, readRawHistory } from '../support/member-figures-plain';
import { writeMemberHistory } from '../support/member-history';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';

const DAY_MS = 86_400_000;
/** 2026-12-07 14:00 in Shanghai: the history's last day is its business day 2026-12-07. */
const AS_OF = Date.UTC(2026, 11, 7, 6);

async function openBackend(name: string, storage: { options: { databaseUrl?: string } }): Promise<Sql> {
  return name === 'pglite' ? openPgliteSql(null) : openPgSql(storage.options.databaseUrl as string);
}

/**
 * Segments, retention and campaign uplift (docs/members.md, "Segments on the platform") on a
 * generated brand — 3,000 members, 30,000 member sales and 6,000 without a member over 800 days at
 * four stores — each figure against a plain computation from the raw rows: RFM by the shared
 * scoring code over plain aggregates, the grid, new and returning, repeat rate, cohorts and share
 * of sales by counting rows in TypeScript.
 */
for (const backend of backends) {
  describe(`member segments on '${backend.name}'`, () => {
    let sql: Sql;
    let dispose: () => Promise<void>;
    let kek: Kek;
    const stores: string[] = [];

    beforeAll(async () => {
      const storage = await backend.freshStorage();
      dispose = storage.dispose;
      sql = await openBackend(backend.name, storage);
      kek = parseKek(newKekText(), 'test');
      await migrate(sql, loadMigrations(), { sealed_voucher_keys: (tx) => sealPlainKeys(tx, kek) });
      await ensureSigningKey(sql, kek, AS_OF - 900 * DAY_MS);
      for (const name of ['一店', '二店', '三店', '四店']) {
        stores.push((await createStore(sql, { name, currency: 'CNY', timeZone: 'Asia/Shanghai' }, 0)).storeId);
      }
      await writeMemberHistory(sql, {
        members: 3_000,
        orders: 30_000,
        stores,
        asOf: AS_OF,
        days: 800,
        seed: 0.42,
        withoutMember: 6_000,
      });
    }, 120_000);

    afterAll(async () => {
      await sql?.close();
      await dispose?.();
    });

    it('scores every member with a sale in fifths of the population, as the shared scoring code does', async () => {
      const run = await scoreMembers(sql, AS_OF);
      const raw = await readRawHistory(sql);
      // Refunds are part of the history, whole and in part, and some of them after their sale's month.
      expect(raw.refunds.length).toBeGreaterThan(2_000);
      const expected = plainScores(raw, AS_OF);
      expect(run.population).toBe(expected.size);
      expect(run.changed).toBe(expected.size);
      const stored = await sql.query<{ member_id: string; r: number; f: number; m: number; value: string }>(
        'SELECT member_id, r, f, m, value FROM member_scores',
      );
      expect(stored).toHaveLength(expected.size);
      for (const row of stored) {
        expect({ r: row.r, f: row.f, m: row.m, value: row.value }).toEqual(expected.get(row.member_id));
      }
      // Every value segment and fifth occurs: the generated brand is not one flat crowd.
      expect(new Set(stored.map((row) => row.value))).toEqual(new Set(['high', 'mid', 'low']));
      expect(new Set(stored.map((row) => row.r)).size).toBe(5);
      // Nothing moved: a second run changes nothing and sends no member again.
      expect((await scoreMembers(sql, AS_OF)).changed).toBe(0);
    });

    it('answers each store’s grid, new and returning, repeat rate, cohorts and share of sales as the raw rows say', async () => {
      const raw = await readRawHistory(sql);
      const scoreRows = await sql.query<{ member_id: string; value: 'high' | 'mid' | 'low' }>(
        'SELECT member_id, value FROM member_scores',
      );
      const scores = new Map(scoreRows.map((row) => [row.member_id, row.value]));
      await setStoreSegmentSettings(sql, stores[1], { storeType: 'cafe', bands: null }, AS_OF);
      const spans = [
        { firstDay: '2026-11-01', lastDay: '2026-11-30' },
        { firstDay: '2026-12-01', lastDay: '2026-12-07' },
        { firstDay: '2026-12-07', lastDay: '2026-12-07' },
        { firstDay: '2025-12-08', lastDay: '2026-12-07' },
        { firstDay: '2025-02-10', lastDay: '2025-05-20' },
      ];
      for (const [i, store] of stores.entries()) {
        const bands = i === 1 ? recencyPresets.cafe : recencyPresets.restaurant;
        for (const span of spans) {
          const answer = await sql.transaction((tx) => memberReport(tx, store, span, AS_OF));
          expect(MemberReport.parse(answer)).toEqual(answer);
          expect(answer.settings.bands).toEqual(bands);
          const months = cohortMonths(span.firstDay, span.lastDay);
          const expected = plainReport(raw, store, span, AS_OF, bands, scores, months.first);
          expect({ grid: answer.grid, unscored: answer.unscored }).toEqual({
            grid: expected.grid,
            unscored: expected.unscored,
          });
          expect(answer.period).toEqual(expected.period);
          expect(answer.cohorts).toEqual(expected.cohorts);
        }
      }
      const year = await sql.transaction((tx) => memberReport(tx, stores[0], spans[3], AS_OF));
      expect(year.cohorts).toHaveLength(12);
      expect(year.period.repeatMembers).toBeGreaterThan(0);
      expect(year.period.newMembers).toBeGreaterThan(0);
      expect(year.period.storeSales).toBeGreaterThan(year.period.memberSales);
      expect(year.grid.filter((cell) => cell.members > 0).length).toBeGreaterThan(6);
    });

    it('sends a coupon campaign to a segment with a seeded holdout, and compares the two arms', async () => {
      const { campaign } = await createCampaign(
        sql,
        {
          storeId: null,
          name: '唤醒沉睡会员',
          type: 'cash_off',
          value: 500,
          validFrom: Math.floor(AS_OF / 1000) - 86_400,
          validTo: Math.floor(AS_OF / 1000) + 30 * 86_400,
          rules: CampaignRules.parse({}),
        },
        AS_OF,
      );
      const input = {
        name: '高价值沉睡会员',
        voucherCampaignId: campaign.id,
        storeId: stores[0],
        segment: {
          values: ['high', 'mid'] as ('high' | 'mid' | 'low')[],
          bands: ['sleeping', 'churned'] as ('sleeping' | 'churned')[],
        },
        holdoutBp: 2_000,
        seed: 'spring-2027',
      };
      const issued = await issueMemberCampaign(sql, kek, input, AS_OF);
      const arms = await sql.query<{
        member_id: string;
        arm: string;
        voucher_id: string | null;
        holder: string | null;
      }>(
        `SELECT cm.member_id, cm.arm, cm.voucher_id, v.holder FROM member_campaign_members cm
         LEFT JOIN vouchers v ON v.id = cm.voucher_id WHERE cm.campaign_id = $1`,
        [issued.id],
      );
      expect(arms).toHaveLength(issued.treated + issued.holdout);
      expect(issued.holdout).toBeGreaterThan(0);
      // The arms are the seed's: anyone with it draws the same split, and a treated member holds the voucher.
      for (const row of arms) {
        expect(row.arm).toBe(heldOut(input.seed, row.member_id, input.holdoutBp) ? 'holdout' : 'treated');
        expect(row.holder).toBe(row.arm === 'treated' ? row.member_id : null);
      }
      const share = issued.holdout / arms.length;
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThan(0.3);
      // Only consenting, scored members of the segment, by the store's bands.
      const eligible = await sql.query<{ id: string }>(
        `SELECT m.id FROM members m JOIN member_scores s ON s.member_id = m.id
         WHERE m.consent AND s.value IN ('high', 'mid') AND ($1::bigint - m.last_visit_at) / ${DAY_MS} BETWEEN 46 AND 240`,
        [AS_OF],
      );
      expect(arms.map((a) => a.member_id).sort()).toEqual(eligible.map((e) => e.id).sort());

      const span = { firstDay: '2026-10-01', lastDay: '2026-12-07' };
      const report = await memberCampaignReport(sql, issued.id, span);
      const raw = await readRawHistory(sql);
      const net = netOfRefunds(raw);
      for (const arm of ['treated', 'holdout'] as const) {
        const members = new Set(arms.filter((a) => a.arm === arm).map((a) => a.member_id));
        const sales = raw.sales.filter((s) => members.has(s.member) && s.day >= span.firstDay && s.day <= span.lastDay);
        const total = sales.reduce((sum, s) => sum + net(s), 0);
        expect(report[arm]).toEqual({
          members: members.size,
          buyers: new Set(sales.map((s) => s.member)).size,
          orders: sales.length,
          sales: total,
          salesPerMember: Math.round(total / members.size),
          ordersPerMemberX100: Math.round((sales.length * 100) / members.size),
          averageTicket: sales.length === 0 ? 0 : Math.round(total / sales.length),
        });
      }
      expect(report.upliftPerMember).toBe(report.treated.salesPerMember - report.holdout.salesPerMember);
      expect(report.vouchersRedeemed).toBe(0);
    });
  });
}

for (const backend of backends) {
  describe(`the member report route on '${backend.name}'`, () => {
    const get = usePlatform(backend);

    it('answers a paired till its own store’s figures, and nobody unsigned or past three years', async () => {
      const store = await get().admin.createStore('会员报表路由店');
      const till = await Till.pair(get().url, store.pairingCode);
      const path = '/v1/sync/member-report?firstDay=2026-11-01&lastDay=2026-11-30';
      const answer = await till.signed('GET', path);
      expect(answer.status).toBe(200);
      const report = MemberReport.parse(answer.body);
      expect(report.period).toMatchObject({ members: 0, storeOrders: 0 });
      expect(report.cohorts.map((c) => c.month)).toEqual([
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ]);
      const unsigned = await fetch(`${get().url}${path}`);
      expect(unsigned.status).toBe(401);
      const tooLong = await till.signed('GET', '/v1/sync/member-report?firstDay=2020-01-01&lastDay=2026-11-30');
      expect(tooLong.status).toBe(400);
    });

    it('refuses a campaign to a segment with nobody in it, and a report of no campaign, in the operator’s words', async () => {
      const { admin } = get();
      const store = await admin.createStore('会员活动店');
      const { campaign } = await admin.ok<{ campaign: { id: number } }>('POST', '/v1/campaigns', {
        storeId: null,
        name: '满 30 减 5',
        type: 'cash_off',
        value: 500,
        validFrom: Math.floor(Date.now() / 1000) - 60,
        validTo: Math.floor(Date.now() / 1000) + 86_400,
        rules: {},
      });
      const input = {
        name: '沉睡会员',
        voucherCampaignId: campaign.id,
        storeId: store.storeId,
        segment: { values: ['high'], bands: ['sleeping'] },
        holdoutBp: 1_000,
        seed: 's',
      };
      const empty = await admin.call('POST', '/v1/admin/member-campaigns', input, { 'accept-language': 'zh-CN' });
      expect(empty).toMatchObject({ status: 400, body: { error: { code: 'member_campaign_empty' } } });
      expect(JSON.stringify(empty.body)).toContain('该分群中暂无同意接收营销信息的会员');
      const halfAndMore = await admin.call('POST', '/v1/admin/member-campaigns', { ...input, holdoutBp: 6_000 });
      expect(halfAndMore.status).toBe(400);
      const none = await admin.call(
        'GET',
        '/v1/admin/member-campaigns/999/report?firstDay=2026-11-01&lastDay=2026-11-30',
      );
      expect(none).toMatchObject({ status: 404, body: { error: { code: 'member_campaign_unknown' } } });
      const bands = await admin.call('PUT', `/v1/admin/stores/${store.storeId}/segments`, {
        storeType: 'cafe',
        bands: { activeDays: 30, sleepingDays: 30, churnedDays: 90 },
      });
      expect(bands).toMatchObject({ status: 400, body: { error: { code: 'recency_bands_order' } } });
    });
  });
}
