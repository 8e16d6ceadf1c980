import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { feedbackLimits } from '../../../shared/feedback/feedback-limits';
import { FEEDBACK_PATH } from '../../../shared/feedback/feedback-ref';
import type { Locale } from '../../../shared/locale';
import { formatDateTime } from '../../../shared/time-format';
import { saveAnswer } from '../../data/feedback';
import { type FeedbackLink, type GivenAnswer, mayChange, openFeedbackLink } from '../../data/feedback-links';
import { addressLimit } from '../address-limits';
import type { PlatformContext } from '../context';
import { type FormState, formPage, messagePage, type PageHead } from '../feedback-page';
import { cleanComment, csrfMatches, csrfToken, pageLocale, sameSite } from '../feedback-request';
import { feedbackText } from '../feedback-words';

type OpenLink = Extract<FeedbackLink, { kind: 'open' }>;
type PageRequest = FastifyRequest<{ Params: { ref: string } }>;

const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // The address is the credential: it must not travel on to anyone in a Referer.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The page a receipt's QR opens (docs/platform-http.md, "The rating page"): GET shows the question
 * (or the answer given), POST takes an answer and redirects to the thanks, so a reload never sends
 * it twice. HTML in the visitor's language (`?lang=`, else Accept-Language), behind a policy that
 * allows no script and no other origin.
 */
export function feedbackPageRoutes(app: FastifyInstance, context: PlatformContext): void {
  // A guesser of references, and a sender of many answers, each wait out their window.
  const badLinks = addressLimit(context.sql, context.now, 'feedback_link');
  const posts = addressLimit(context.sql, context.now, 'feedback_post');

  const send = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).headers(securityHeaders).type('text/html; charset=utf-8').send(body);

  const head = (request: FastifyRequest, locale: Locale, storeName: string | null): PageHead => {
    const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
    return { locale, storeName, switchHref: `${request.url.split('?')[0]}?lang=${other}` };
  };

  const tooMany = (reply: FastifyReply, page: PageHead, minutes: number) =>
    send(
      reply,
      429,
      messagePage(page, feedbackText(page.locale, 'title'), feedbackText(page.locale, 'tooMany', { minutes })),
    );

  /** The checked link, or null once the refusal page is sent (and a bad one counted). */
  async function linkOrRefusal(request: PageRequest, reply: FastifyReply, locale: Locale): Promise<OpenLink | null> {
    const page = head(request, locale, null);
    const wait = await badLinks.waitMinutes(request.ip);
    if (wait !== null) {
      tooMany(reply, page, wait);
      return null;
    }
    const link = await openFeedbackLink(context.sql, request.params.ref, context.now());
    const title = feedbackText(locale, 'title');
    switch (link.kind) {
      case 'open':
        return link;
      case 'invalid':
        await badLinks.count(request.ip);
        send(reply, 404, messagePage(page, title, feedbackText(locale, 'invalid')));
        return null;
      case 'expired':
        send(reply, 410, messagePage(page, title, feedbackText(locale, 'expired', { days: feedbackLimits.linkDays })));
        return null;
      default: {
        const unreachable: never = link;
        throw new Error(`unknown link ${JSON.stringify(unreachable)}`);
      }
    }
  }

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, new URLSearchParams(String(body))),
    );

    scope.get(`${FEEDBACK_PATH}:ref`, async (request: PageRequest, reply) => {
      const locale = pageLocale(request);
      const link = await linkOrRefusal(request, reply, locale);
      if (!link) return reply;
      const page = head(request, locale, link.storeName);
      const done = (request.query as Record<string, unknown>).done === '1';
      if (link.given && (done || !link.open)) return send(reply, 200, answeredPage(request, page, link, link.given));
      const note = link.given ? { kind: 'note' as const, text: givenText(locale, link, link.given) } : null;
      const form = formOf(request, link, page, csrfToken(request, reply), note, link.given);
      return send(reply, 200, formPage(page, form));
    });

    scope.post(`${FEEDBACK_PATH}:ref`, async (request: PageRequest, reply) => {
      const body = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
      const locale = pageLocale(request, body.get('lang'));
      const wait = await posts.waitMinutes(request.ip);
      if (wait !== null) return tooMany(reply, head(request, locale, null), wait);
      await posts.count(request.ip);
      const link = await linkOrRefusal(request, reply, locale);
      if (!link) return reply;
      const page = head(request, locale, link.storeName);
      const comment = cleanComment(body.get('comment') ?? '');
      const scoreText = body.get('score') ?? '';
      const score = /^(10|[0-9])$/.test(scoreText) ? Number(scoreText) : null;
      const again = (status: number, text: string) => {
        const form = formOf(
          request,
          link,
          page,
          csrfToken(request, reply),
          { kind: 'error', text },
          { score, comment },
        );
        return send(reply, status, formPage(page, form));
      };
      if (!sameSite(request) || !csrfMatches(request, body.get('csrf')))
        return again(403, feedbackText(locale, 'stale'));
      if (score === null) return again(400, feedbackText(locale, 'noScore'));
      if (comment.length > feedbackLimits.comment) {
        const params = { max: feedbackLimits.comment, count: comment.length };
        return again(400, feedbackText(locale, 'commentTooLong', params));
      }
      const outcome = await saveAnswer(context.sql, link, { score, comment, locale }, context.now());
      if (outcome === 'saved') context.notifier.storeChanged(link.storeId);
      if (outcome === 'closed' && link.given) return send(reply, 409, answeredPage(request, page, link, link.given));
      return reply.redirect(`${request.url.split('?')[0]}?done=1&lang=${locale}`, 303);
    });
  });

  /** The thanks after an answer, or the answer given once it can no longer change. */
  function answeredPage(request: FastifyRequest, page: PageHead, link: OpenLink, given: GivenAnswer): string {
    const { locale } = page;
    if (!mayChange(given, context.now())) {
      const at = timeText(locale, link, given.answeredAt);
      const text = feedbackText(locale, 'closed', { score: given.score, at, hours: feedbackLimits.changeHours });
      return messagePage(page, feedbackText(locale, 'title'), text);
    }
    const change = { href: `${request.url.split('?')[0]}?lang=${locale}`, label: feedbackText(locale, 'change') };
    const thanks = feedbackText(locale, 'thanks', { store: link.storeName });
    return messagePage(page, thanks, feedbackText(locale, 'thanksGiven', { score: given.score }), change);
  }
}

function formOf(
  request: FastifyRequest,
  link: OpenLink,
  page: PageHead,
  csrf: string,
  note: FormState['note'],
  filled: { score: number | null; comment: string } | null,
): FormState {
  const { locale } = page;
  const orderLine = link.order
    ? feedbackText(locale, 'orderAt', { number: link.order.number, at: timeText(locale, link, link.order.paidAt) })
    : null;
  return {
    action: `${request.url.split('?')[0]}`,
    csrf,
    score: filled?.score ?? null,
    comment: filled?.comment ?? '',
    note,
    question: feedbackText(locale, 'question', { store: link.storeName }),
    orderLine,
  };
}

function givenText(locale: Locale, link: OpenLink, given: GivenAnswer): string {
  const until = given.answeredAt + feedbackLimits.changeHours * 3_600_000;
  return feedbackText(locale, 'given', {
    score: given.score,
    at: timeText(locale, link, given.answeredAt),
    until: timeText(locale, link, until),
  });
}

function timeText(locale: Locale, link: OpenLink, at: number): string {
  return formatDateTime(at, locale, link.timeZone);
}
