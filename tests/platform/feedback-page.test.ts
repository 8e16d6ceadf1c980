import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackLimits } from '../../shared/feedback/feedback-limits';
import { uuidv7 } from '../../shared/ids';
import { FeedbackAnswer } from '../../shared/sync/feedback-sync';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { forgedLink, pageText, receiptLink, Visitor } from './support/feedback-visitor';
import { orderPaid } from './support/payloads';

const DAY = 86_400_000;
const zh = { 'accept-language': 'zh-CN,zh;q=0.9' };
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

describe.each(backends)('the rating page a receipt links to, on $name', (backend) => {
  let clock = Date.now();
  const get = usePlatform(backend, { now: () => clock });
  let till: Till;
  let otherTill: Till;
  let storeId: string;

  beforeAll(async () => {
    const store = await get().admin.createStore('人民广场店');
    storeId = store.storeId;
    till = await Till.pair(get().url, store.pairingCode);
    otherTill = await Till.pair(get().url, (await get().admin.createStore('Elsewhere')).pairingCode);
  });

  const answers = async () =>
    (await till.pullAll('feedback')).changes.map((change) => FeedbackAnswer.parse(change.data));

  it('asks in the phone’s language, switches, and takes one answer per order that reaches the store’s tills', async () => {
    const orderId = uuidv7(clock);
    const link = receiptLink(till, orderId);
    expect(link).toMatch(new RegExp(`^${get().url}/f/\\d{234}$`));
    const phone = new Visitor(zh);
    const form = await phone.open(link);
    expect(form.status).toBe(200);
    expect(pageText(form.html)).toContain('您有多大可能向朋友推荐人民广场店？');
    expect(form.html).toContain('href="/f/');
    expect(pageText((await phone.open(`${link}?lang=en`)).html)).toContain(
      'How likely are you to recommend 人民广场店 to a friend?',
    );

    const sent = await phone.answer(link, { score: '4', comment: '  等了二十分钟\r\n咖啡是凉的 ' });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/\?done=1&lang=zh-CN$/);
    const thanks = await phone.open(`${get().url}${sent.location}`);
    expect(pageText(thanks.html)).toContain('谢谢您！您的评价能帮助人民广场店做得更好。 您打了 4 分。');

    // Sent again (a double tap, a reload of the form): one answer, no new version.
    const [first] = await answers();
    expect(first).toMatchObject({
      orderId,
      score: 4,
      comment: '等了二十分钟\n咖啡是凉的',
      order: null,
      followUp: null,
    });
    expect((await phone.answer(link, { score: '4', comment: '等了二十分钟\n咖啡是凉的' })).status).toBe(303);
    const again = await till.pullAll('feedback');
    expect(again.changes.map((change) => change.version)).toEqual([
      (await till.pullAll('feedback')).changes[0].version,
    ]);

    // The receipt was printed offline: the sale reaches the platform after the answer, and is linked.
    const sale = orderPaid();
    sale.order.id = orderId;
    const pushed = await till.push([till.next('order.paid', sale, orderId)]);
    expect(pushed.results[0].status).toBe('APPLIED');
    const [linked] = await answers();
    expect(linked.order).toEqual({
      number: 'A-0001',
      channel: 'in_store',
      cashierName: '王芳',
      paidAt: sale.order.paidAt,
      deviceCode: till.pairing.deviceCode,
    });
    expect(Number((await till.pullAll('feedback')).cursor)).toBeGreaterThan(Number(again.cursor));

    // Another visit shows the answer given and lets the customer change it within the window.
    const revisit = await new Visitor(zh).open(link);
    expect(pageText(revisit.html)).toContain('您已于');
    expect(revisit.html).toContain('value="4" required checked');
    expect((await phone.answer(link, { score: '7', comment: '后来店长道歉了' })).status).toBe(303);
    expect((await answers())[0]).toMatchObject({ score: 7, comment: '后来店长道歉了' });

    // Past the window the answer is shown and no longer taken.
    clock += (feedbackLimits.changeHours + 1) * 3_600_000;
    const closed = await phone.open(link);
    expect(pageText(closed.html)).toContain('现已不能修改');
    expect(closed.html).not.toContain('<form');
    const late = await phone.send(link, { score: '0', comment: '', csrf: 'x'.repeat(22), lang: 'en' });
    expect(late.status).toBe(403);
    clock = Date.now();
  });

  it('refuses a tampered, forged, foreign-store, unknown or expired reference, the same way each time', async () => {
    const orderId = uuidv7(clock);
    const genuine = receiptLink(till, orderId);
    const digits = genuine.split('/f/')[1];
    const tampered = `${get().url}/f/${digits.slice(0, 100)}${(Number(digits[100]) + 1) % 10}${digits.slice(101)}`;
    const foreignSale = orderPaid();
    await otherTill.push([otherTill.next('order.paid', foreignSale, foreignSale.order.id)]);
    const refused = [
      tampered,
      forgedLink(get().url, till.deviceId, orderId),
      receiptLink(till, foreignSale.order.id),
      forgedLink(get().url, uuidv7(), orderId),
      `${get().url}/f/${'9'.repeat(feedbackLimits.referenceText + 1)}`,
      `${get().url}/f/12345`,
      `${get().url}/f/not-a-reference`,
    ];
    for (const link of refused) {
      const page = await new Visitor().open(link);
      expect([link, page.status, pageText(page.html)]).toEqual([
        link,
        404,
        expect.stringContaining('This link is not valid. Scan the QR code on your receipt again.'),
      ]);
      expect(page.html).not.toContain('<form');
      const post = await new Visitor().send(link, { score: '10', comment: '', csrf: 'a'.repeat(22) });
      expect(post.status).toBe(404);
    }
    const old = await new Visitor(zh).open(receiptLink(till, uuidv7(clock - (feedbackLimits.linkDays + 1) * DAY)));
    expect([old.status, pageText(old.html)]).toEqual([410, expect.stringContaining('消费后 30 天内可以评价')]);
    expect((await answers()).map((answer) => answer.orderId)).not.toContain(foreignSale.order.id);
    expect((await otherTill.pullAll('feedback')).changes).toEqual([]);
  });

  it('refuses a form from elsewhere, a missing score and a comment too long, in the page’s words, storing nothing', async () => {
    const orderId = uuidv7(clock);
    const link = receiptLink(till, orderId);
    const phone = new Visitor();
    const noToken = await phone.send(link, { score: '9', comment: '' });
    expect([noToken.status, pageText(noToken.html)]).toEqual([
      403,
      expect.stringContaining('This page was open too long or was sent from elsewhere.'),
    ]);
    const crossSite = await phone.answer(
      link,
      { score: '9' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const noScore = await phone.answer(link, { comment: '挺好' });
    expect([noScore.status, pageText(noScore.html)]).toEqual([
      400,
      expect.stringContaining('Choose a score from 0 to 10.'),
    ]);
    expect(noScore.html).toContain('>挺好</textarea>');
    for (const score of ['11', '-1', '5.5', '']) expect((await phone.answer(link, { score })).status).toBe(400);
    const long = '好'.repeat(feedbackLimits.comment + 1);
    const tooLong = await new Visitor(zh).answer(link, { score: '8', comment: long });
    expect([tooLong.status, pageText(tooLong.html)]).toEqual([
      400,
      expect.stringContaining('留言最多 500 个字，您输入了 501 个。'),
    ]);
    const script = await phone.answer(link, { score: '2', comment: '<script>alert(1)</script>\u0000' });
    expect(script.status).toBe(303);
    const stored = (await answers()).find((answer) => answer.orderId === orderId);
    expect(stored).toMatchObject({ score: 2, comment: '<script>alert(1)</script>' });
    const shown = await phone.open(link);
    expect(shown.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(shown.html).not.toContain('<script>');
    expect(shown.status).toBe(200);
  });

  it('serves the page with a policy that allows no script and keeps its address out of any Referer', async () => {
    const response = await fetch(receiptLink(till, uuidv7(clock)));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('takes a manager’s follow-up mark from a till and refuses one for an order nobody answered', async () => {
    const orderId = uuidv7(clock);
    await new Visitor().answer(receiptLink(till, orderId), { score: '1', comment: 'rude' });
    const mark = { orderId, done: true, at: clock, by: '店长', note: '已电话致歉' };
    const nobody = { ...mark, orderId: uuidv7(clock) };
    const pushed = await till.push([
      till.next('feedback.followed_up', mark),
      till.next('feedback.followed_up', nobody),
    ]);
    expect(pushed.results.map((result) => [result.status, 'code' in result ? result.code : null])).toEqual([
      ['APPLIED', null],
      ['REJECTED', 'feedback_unknown'],
    ]);
    const marked = (await answers()).find((answer) => answer.orderId === orderId);
    expect(marked?.followUp).toEqual({ at: clock, by: '店长', note: '已电话致歉' });
    // Another store's till cannot mark this store's answer.
    const foreign = await otherTill.push([otherTill.next('feedback.followed_up', { ...mark, done: false })]);
    expect(foreign.results[0]).toMatchObject({ status: 'REJECTED', code: 'feedback_unknown' });
  });

  it('gives the operator NPS per store and period, flagged under 30 answers, with the detractors', async () => {
    const report = await get().admin.ok<{
      figures: { answers: number; nps: number; fewAnswers: boolean; detractors: number };
      distribution: number[];
      detractorAnswers: { score: number }[];
    }>('GET', `/v1/admin/stores/${storeId}/feedback?from=${dayOf(clock - 30 * DAY)}&to=${dayOf(clock + DAY)}`);
    const all = await answers();
    const detractors = all.filter((answer) => answer.score <= 6).length;
    const promoters = all.filter((answer) => answer.score >= 9).length;
    expect(report.figures.answers).toBe(all.length);
    expect(report.figures.fewAnswers).toBe(true);
    expect(report.figures.detractors).toBe(detractors);
    expect(report.figures.nps).toBe(Math.round(((promoters - detractors) * 100) / all.length));
    expect(report.distribution.reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(report.detractorAnswers.every((answer) => answer.score <= 6)).toBe(true);
    expect(report.detractorAnswers).toHaveLength(detractors);
    const bad = await get().admin.call('GET', `/v1/admin/stores/${storeId}/feedback?from=2026-02-01&to=2026-01-01`);
    expect(bad.status).toBe(400);
  });
});

describe.each(backends)('the rating page under a guesser, on $name', (backend) => {
  const get = usePlatform(backend);

  it('makes an address that keeps sending bad references wait, in words', async () => {
    const guesser = new Visitor({ 'accept-language': 'en' });
    for (let i = 0; i < 20; i += 1) expect((await guesser.open(`${get().url}/f/${1000 + i}`)).status).toBe(404);
    const blocked = await guesser.open(`${get().url}/f/1020`);
    expect([blocked.status, pageText(blocked.html)]).toEqual([
      429,
      expect.stringContaining('Too many tries from this network. Please try again in 10 min.'),
    ]);
  });
});
