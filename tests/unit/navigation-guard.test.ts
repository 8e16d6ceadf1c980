import { describe, expect, it } from 'vitest';
import { appOrigin, frameMayNavigate, isAppUrl, outsideLink } from '../../electron/main/app-origin';

/** The decisions behind the shell's navigation guards, IPC sender check and camera permission. */
describe('isAppUrl', () => {
  it('accepts the app’s own pages and its bare origin', () => {
    for (const url of [
      'app://counter/',
      'app://counter',
      'app://counter/orders?id=1#top',
      `${appOrigin}/assets/a.js`,
    ]) {
      expect([url, isAppUrl(url)]).toEqual([url, true]);
    }
  });

  it('refuses look-alikes, other schemes, credentials and garbage', () => {
    const refused = [
      'app://counter.evil/',
      'app://evil/counter',
      'app://counter:8080/',
      'app://user@counter/',
      'app://:secret@counter/',
      'apps://counter/',
      'file:///counter/index.html',
      'https://counter/',
      'http://127.0.0.1:5310/',
      'javascript:alert(1)',
      'data:text/html,<p>hi</p>',
      'about:blank',
      'app:counter',
      '',
      'not a url',
    ];
    for (const url of refused) expect([url, isAppUrl(url)]).toEqual([url, false]);
  });

  it('compares with another origin when given one', () => {
    expect(isAppUrl('app://other/x', 'app://other')).toBe(true);
    expect(isAppUrl('app://counter/', 'app://other')).toBe(false);
    // An origin without a host matches nothing rather than every host-less URL.
    expect(isAppUrl('file:///etc/passwd', 'file:///')).toBe(false);
  });
});

describe('frameMayNavigate (will-frame-navigate)', () => {
  it('lets any frame go to the app’s pages', () => {
    expect(frameMayNavigate('app://counter/settings', true)).toBe(true);
    expect(frameMayNavigate('app://counter/settings', false)).toBe(true);
  });

  it('lets a subframe, never the main frame, become an inert srcdoc or blank document', () => {
    for (const url of ['about:srcdoc', 'about:blank']) {
      expect(frameMayNavigate(url, false)).toBe(true);
      expect(frameMayNavigate(url, true)).toBe(false);
    }
    expect(frameMayNavigate('about:srcdoc?x', false)).toBe(false);
  });

  it('refuses every other origin in every frame', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:7420/', 'file:///etc/passwd', 'data:text/html,x']) {
      expect(frameMayNavigate(url, true)).toBe(false);
      expect(frameMayNavigate(url, false)).toBe(false);
    }
  });
});

describe('outsideLink (what the OS browser may open)', () => {
  it('hands on https links only', () => {
    expect(outsideLink('https://example.com/help')).toBe('https://example.com/help');
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'app://counter/',
      'https://user:pw@example.com/',
      'nonsense',
    ]) {
      expect([url, outsideLink(url)]).toEqual([url, null]);
    }
  });
});
