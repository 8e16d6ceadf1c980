import { feedbackLimits } from '../../shared/feedback/feedback-limits';
import { escapeHtml } from '../../shared/html-text';
import type { Locale } from '../../shared/locale';
import { type FeedbackWord, feedbackText } from './feedback-words';

/**
 * The rating page as plain HTML and a little CSS: no script, no font or image to fetch, so it opens
 * at once on any phone and the page's policy can forbid everything else. Mobile first: one column,
 * eleven score buttons that wrap to two rows on a narrow phone, targets of at least 44 px.
 */
const style = `*{box-sizing:border-box}
body{margin:0;background:#f5f5f4;color:#1c1917;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:34rem;margin:0 auto;padding:1rem 1rem 2rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;margin-bottom:.5rem}
.store{font-weight:600}
.lang{color:#1d4ed8;padding:.5rem;min-height:44px;display:inline-flex;align-items:center}
h1{font-size:1.3rem;line-height:1.35;margin:.5rem 0}
.order{color:#57534e;margin:0 0 1rem}
.note{background:#fff;border-left:4px solid #1d4ed8;padding:.75rem 1rem;margin:1rem 0}
.error{background:#fef2f2;border-left:4px solid #b91c1c;color:#7f1d1d;padding:.75rem 1rem;margin:1rem 0}
fieldset{border:0;padding:0;margin:0 0 1rem}
legend{padding:0;margin-bottom:.5rem}
.scores{display:grid;grid-template-columns:repeat(6,1fr);gap:.4rem}
@media (min-width:30rem){.scores{grid-template-columns:repeat(11,1fr)}}
.scores label{position:relative}
.scores input{position:absolute;opacity:0;inset:0;margin:0}
.scores span{display:flex;align-items:center;justify-content:center;min-height:48px;border:2px solid #a8a29e;border-radius:8px;background:#fff;font-weight:600;font-size:1.1rem}
.scores input:checked+span{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
.scores input:focus-visible+span{outline:3px solid #f59e0b;outline-offset:2px}
.ends{display:flex;justify-content:space-between;color:#57534e;font-size:.875rem;margin-top:.35rem}
label.comment{display:block;font-weight:600;margin-bottom:.35rem}
textarea{width:100%;min-height:7rem;font:inherit;padding:.6rem;border:2px solid #a8a29e;border-radius:8px}
textarea:focus{outline:3px solid #f59e0b;outline-offset:1px}
.hint{color:#57534e;font-size:.875rem;margin:.25rem 0 1rem}
button,.button{display:block;width:100%;min-height:48px;border:0;border-radius:8px;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;font-size:1.1rem;text-align:center;text-decoration:none;padding:.7rem}
button:focus-visible,.button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}`;

export type PageHead = { locale: Locale; storeName: string | null; switchHref: string };

export type FormState = {
  action: string;
  csrf: string;
  score: number | null;
  comment: string;
  /** A line above the form: what was already answered, or what is wrong with what was sent. */
  note: { kind: 'note' | 'error'; text: string } | null;
  question: string;
  orderLine: string | null;
};

function page(head: PageHead, body: string): string {
  const t = (key: FeedbackWord) => feedbackText(head.locale, key);
  const other = head.locale === 'zh-CN' ? 'en' : 'zh-CN';
  return [
    '<!doctype html>',
    `<html lang="${head.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(t('title'))}</title><style>${style}</style></head>`,
    '<body><main>',
    `<header><span class="store">${escapeHtml(head.storeName ?? '')}</span>`,
    `<a class="lang" href="${escapeHtml(head.switchHref)}" lang="${other}" hreflang="${other}">${t('switchTo')}</a></header>`,
    body,
    '</main></body></html>',
  ].join('');
}

/** The question, the eleven scores and the comment. */
export function formPage(head: PageHead, form: FormState): string {
  const t = (key: FeedbackWord, params?: Record<string, string | number>) => feedbackText(head.locale, key, params);
  const scores = Array.from({ length: feedbackLimits.scoreMax + 1 }, (_, n) => {
    const checked = form.score === n ? ' checked' : '';
    return `<label><input type="radio" name="score" value="${n}" required${checked}><span>${n}</span></label>`;
  }).join('');
  const note = form.note
    ? `<p class="${form.note.kind}" role="${form.note.kind === 'error' ? 'alert' : 'status'}" id="form-note">${escapeHtml(form.note.text)}</p>`
    : '';
  return page(
    head,
    [
      `<h1>${escapeHtml(form.question)}</h1>`,
      form.orderLine ? `<p class="order">${escapeHtml(form.orderLine)}</p>` : '',
      note,
      `<form method="post" action="${escapeHtml(form.action)}" novalidate>`,
      `<fieldset><legend>${t('scale')}</legend><div class="scores">${scores}</div>`,
      `<div class="ends" aria-hidden="true"><span>0 · ${t('low')}</span><span>10 · ${t('high')}</span></div></fieldset>`,
      `<label class="comment" for="comment">${t('comment')}</label>`,
      `<textarea id="comment" name="comment" maxlength="${feedbackLimits.comment}" aria-describedby="comment-hint">${escapeHtml(form.comment)}</textarea>`,
      `<p class="hint" id="comment-hint">${t('commentHint', { max: feedbackLimits.comment })}</p>`,
      `<input type="hidden" name="csrf" value="${escapeHtml(form.csrf)}">`,
      `<input type="hidden" name="lang" value="${head.locale}">`,
      `<button type="submit">${t('send')}</button>`,
      '</form>',
    ].join(''),
  );
}

/** A page with one message and, when given, one way on (change the answer). */
export function messagePage(
  head: PageHead,
  heading: string,
  text: string | null,
  link?: { href: string; label: string },
) {
  return page(
    head,
    [
      `<h1>${escapeHtml(heading)}</h1>`,
      text ? `<p class="note" role="status">${escapeHtml(text)}</p>` : '',
      link ? `<a class="button" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>` : '',
    ].join(''),
  );
}
