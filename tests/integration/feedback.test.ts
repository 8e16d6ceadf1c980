import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackLinkFor } from '../../electron/core/feedback/feedback-link';
import { qrSvg } from '../../electron/core/receipts/qr-svg';
import type { Product } from '../../shared/contract/catalog';
import type { FeedbackReport, FeedbackRow } from '../../shared/contract/feedback';
import type { OrderDetail } from '../../shared/contract/orders';
import { addDays } from '../../shared/reports/periods';
import { pageText, Visitor } from '../platform/support/feedback-visitor';
import { expectOk } from '../support/callers';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { lineFor, type PairedTill, payByCard, productBySku, startPairedTill } from '../support/till';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

let platform: Platform;
let till: PairedTill;
let storeId: string;
let day: string;
let order: OrderDetail;

const report = async () =>
  expectOk<FeedbackReport>(
    await till.call(
      'reports.feedback',
      { period: 'day', firstDay: day, comparison: 'previous_period' },
      till.tokens.manager,
    ),
  );

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('评价测试店');
  storeId = store.storeId;
  till = await startPairedTill(platform.url, store.pairingCode);
  day = expectOk<{ store: { businessDay: string } }>(await till.call('app.status', {})).store.businessDay;
  const call = (request: Parameters<PairedTill['core']['call']>[0]) => till.core.call(request);
  const water: Product = await productBySku(call, till.tokens.cashier, 'DRK-0001');
  order = await payByCard(call, till.tokens.cashier, [lineFor(water)], water.price);
});

afterAll(async () => {
  till?.core.close();
  await platform?.close();
});

describe('hearing the customer, from the receipt to the manager’s follow-up', () => {
  it('prints the rating page’s link, signed by this till, as the receipt’s QR', async () => {
    const { html } = expectOk<{ html: string }>(await till.call('orders.receipt', { id: order.id }));
    const link = feedbackLinkFor(till.core.environment.sync.link, order.id);
    expect(link).toMatch(new RegExp(`^${platform.url}/f/\\d{234}$`));
    expect(html).toContain(qrSvg(link ?? '', 36));
    expect(html).toContain('Scan to rate your visit');
    // A reprint carries the very same link: the signature is deterministic.
    const reprint = expectOk<{ html: string }>(await till.call('orders.reprint', { id: order.id }));
    expect(reprint.html).toContain(qrSvg(link ?? '', 36));
  });

  it('brings the customer’s answer to the till’s Feedback report, linked to the order and cashier', async () => {
    const link = feedbackLinkFor(till.core.environment.sync.link, order.id) ?? '';
    const sent = await new Visitor({ 'accept-language': 'zh-CN' }).answer(link, {
      score: '3',
      comment: '收银员没找零',
    });
    expect(sent.status).toBe(303);
    const seen = await waitFor(
      async () => {
        const now = await report();
        return now.current.answers === 1 && now.detractors[0]?.order !== null ? now : false;
      },
      20_000,
      'the answer on the till, linked to its order',
    );
    expect(seen.current).toEqual({ answers: 1, promoters: 0, passives: 0, detractors: 1, nps: -100, fewAnswers: true });
    expect(seen.earlier).toMatchObject({ answers: 0, nps: null });
    expect(seen.distribution[3]).toBe(1);
    expect(seen.detractors[0]).toMatchObject({
      orderId: order.id,
      score: 3,
      comment: '收银员没找零',
      order: { number: order.number, channel: 'in_store', cashierName: order.cashierName },
      followUp: null,
      onThisTill: true,
    });
  });

  it('lets a manager, not a cashier, mark it followed up; the mark is audited and reaches the platform', async () => {
    const refused = await till.call('feedback.followUp', { orderId: order.id, done: true }, till.tokens.cashier);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    const tooLong = await till.call(
      'feedback.followUp',
      { orderId: order.id, done: true, note: 'x'.repeat(201) },
      till.tokens.manager,
    );
    expect(tooLong.ok ? 'ok' : tooLong.error.code).toBe('invalid_input');
    const marked = expectOk<FeedbackRow>(
      await till.call(
        'feedback.followUp',
        { orderId: order.id, done: true, note: '已退还找零并致歉' },
        till.tokens.manager,
      ),
    );
    expect(marked.followUp).toMatchObject({ by: till.people.manager.name, note: '已退还找零并致歉' });
    const { entries } = expectOk<{ entries: { action: string; staffName: string }[] }>(
      await till.call('audit.list', { limit: 10 }, till.tokens.owner),
    );
    expect(entries.find((entry) => entry.action === 'feedback.followUp')).toMatchObject({
      staffName: till.people.manager.name,
    });
    const onPlatform = await waitFor(
      async () => {
        const answers = await platform.admin.request<{ detractorAnswers: FeedbackRow[] }>(
          'GET',
          `/v1/admin/stores/${storeId}/feedback?from=${day}&to=${addDays(day, 1)}`,
        );
        return answers.detractorAnswers[0]?.followUp ?? false;
      },
      20_000,
      'the follow-up mark on the platform',
    );
    expect(onPlatform).toMatchObject({ by: till.people.manager.name, note: '已退还找零并致歉' });
    // The next pull brings the platform's copy back; the mark stays as it was set.
    await waitFor(async () => (await report()).detractors[0]?.followUp?.note === '已退还找零并致歉');
  });

  it('shows the customer the answer again, and thanks them, in their language', async () => {
    const link = feedbackLinkFor(till.core.environment.sync.link, order.id) ?? '';
    const page = await new Visitor().open(`${link}?lang=en`);
    expect(pageText(page.html)).toContain('You answered 3 on');
  });
});
