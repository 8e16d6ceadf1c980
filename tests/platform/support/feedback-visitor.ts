import { sign } from 'node:crypto';
import { feedbackLinkFor } from '../../../electron/core/feedback/feedback-link';
import { type DeviceKey, generateDeviceKey } from '../../../electron/core/sync/request-signing';
import { encodeFeedbackRef, feedbackSigned } from '../../../shared/feedback/feedback-ref';
import type { Till } from './clients';

export type Page = { status: number; html: string; location: string | null };

/** The receipt link a paired till prints for `orderId`, made by the till's own code. */
export function receiptLink(till: Till, orderId: string): string {
  const link = feedbackLinkFor({ baseUrl: till.url, deviceId: till.deviceId, key: till.key }, orderId);
  if (!link) throw new Error('a paired till always has a link');
  return link;
}

/** A reference for `deviceId` signed with some other key: what a forger without the till's key can make. */
export function forgedLink(url: string, deviceId: string, orderId: string, key: DeviceKey = generateDeviceKey().key) {
  const claim = { deviceId, orderId };
  return `${url}/f/${encodeFeedbackRef(claim, sign(null, feedbackSigned(claim), key.privateKey))}`;
}

/**
 * A customer's phone on the rating page, over real HTTP: it keeps the page's cookie and sends the
 * form back as a browser does (urlencoded, with the hidden fields the page gave it).
 */
export class Visitor {
  cookie = '';

  constructor(readonly headers: Record<string, string> = {}) {}

  async open(link: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(link, { headers: { ...this.headers, ...headers, cookie: this.cookie } });
    return this.read(response);
  }

  /** Opens the form, then sends it with `fields` (score, comment) over the page's own hidden fields. */
  async answer(link: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const form = await this.open(link);
    return this.send(link, { ...hiddenFields(form.html), ...fields }, headers);
  }

  async send(link: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(link.split('?')[0], {
      method: 'POST',
      redirect: 'manual',
      headers: {
        ...this.headers,
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookie,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
    return this.read(response);
  }

  private async read(response: Response): Promise<Page> {
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }
}

export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) fields[match[1]] = match[2];
  return fields;
}

/** The page's words without its markup, as a screen reader would read them in a row. */
export function pageText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}
