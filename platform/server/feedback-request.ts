import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, pickLocale } from '../../shared/locale';

/**
 * What the rating page reads from a visitor's request besides the answer: the language, the
 * anti-forgery token, and whether a form came from the page itself.
 */
const CSRF_COOKIE = 'counter_fb';
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** `?lang=` (or the form's `lang`) when it names one of ours; else the phone's Accept-Language. */
export function pageLocale(request: FastifyRequest, asked?: string | null): Locale {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const choice = asked ?? (typeof query.lang === 'string' ? query.lang : null);
  if (choice === 'en' || choice === 'zh-CN') return choice;
  return pickLocale(request.headers['accept-language']);
}

function cookieToken(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === CSRF_COOKIE && value && TOKEN.test(value)) return value;
  }
  return null;
}

/**
 * The double-submit token: a random value in a cookie only this site's own pages send back
 * (SameSite=Strict, HttpOnly) and in the form. Another site can make a phone post a form here, but
 * cannot read or set the cookie, so its post carries no matching pair.
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const token = cookieToken(request) ?? randomBytes(16).toString('base64url');
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${CSRF_COOKIE}=${token}; Path=/f/; Max-Age=3600; HttpOnly; SameSite=Strict${secure}`);
  return token;
}

export function csrfMatches(request: FastifyRequest, sent: string | null): boolean {
  const kept = cookieToken(request);
  if (!kept || !sent || !TOKEN.test(sent)) return false;
  return timingSafeEqual(Buffer.from(kept), Buffer.from(sent));
}

/**
 * A browser says where a form came from; one that says another site is refused outright. The page's
 * `no-referrer` policy makes Chromium send `Origin: null` with its own form, so `Sec-Fetch-Site`
 * decides when it is there, and the cookie token above is what every post needs anyway.
 */
export function sameSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * A comment as stored: line ends made one kind, control characters (NUL among them, which the
 * database cannot hold) dropped, outer blanks trimmed. Its length is then judged in UTF-16 units, as
 * the textarea's `maxlength` counts.
 */
export function cleanComment(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go.
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
  return text.replace(/\r\n?/g, '\n').replace(controls, '').trim();
}
