import type { Page } from 'playwright-core';

/**
 * One member scan as the page saw it, in its performance.now() clock: the Enter keydown's
 * timestamp, when the card showed the member's masked number, the first task after the frame that
 * drew it, and the `members.identify` request inside that. Null where it never happened.
 */
export type IdentifyProbe = {
  enter: number | null;
  onField: boolean;
  seen: number | null;
  painted: number | null;
  request: { start: number; end: number | null } | null;
  /** The scanned-strip text: a refusal's words when the card never came. */
  strip: string;
};

/** Plain JavaScript, so it reaches the page as written; it listens on window in the capture phase. */
const probeSource = `(() => {
  if (window.__identifyProbe) return;
  const probe = { armed: false, phone: '', enter: null, onField: false, seen: null, painted: null, request: null };
  window.__identifyProbe = probe;
  window.addEventListener('keydown', (event) => {
    if (!probe.armed || event.key !== 'Enter' || probe.enter !== null) return;
    probe.enter = event.timeStamp;
    probe.onField = event.target instanceof Element && event.target.closest('[data-testid="scan-field"]') !== null;
  }, true);
  const check = () => {
    if (!probe.armed || probe.enter === null || probe.seen !== null) return;
    const shown = document.querySelector('[data-testid="member-card"] [data-testid="member-phone"]');
    if (!shown || shown.textContent !== probe.phone) return;
    probe.seen = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
    if (!probe.armed || !url.includes('members.identify')) return realFetch.call(this, input, init);
    const entry = { start: performance.now(), end: null };
    probe.request = entry;
    const response = realFetch.call(this, input, init);
    response.then(() => { entry.end = performance.now(); }, () => {});
    return response;
  };
})()`;

export async function installIdentifyProbe(page: Page): Promise<void> {
  await page.evaluate(probeSource);
}

/** Forgets the last scan and waits for the card of the member with this masked number. */
export async function armIdentifyProbe(page: Page, maskedPhone: string): Promise<void> {
  await page.evaluate(`Object.assign(window.__identifyProbe, {
    armed: true, phone: ${JSON.stringify(maskedPhone)}, enter: null, onField: false, seen: null, painted: null, request: null,
  })`);
}

/** Waits until the card is painted, or `timeoutMs` passes; then stops the probe and reads it. */
export async function collectIdentifyProbe(page: Page, timeoutMs: number): Promise<IdentifyProbe> {
  await page
    .waitForFunction(
      // A function, not a string: the app's CSP forbids eval, which a string predicate needs.
      () => (window as unknown as { __identifyProbe: { painted: number | null } }).__identifyProbe.painted !== null,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    )
    .catch(() => undefined);
  return (await page.evaluate(`(() => {
    const probe = window.__identifyProbe;
    probe.armed = false;
    const strip = document.querySelector('[data-testid="scanned-panel"]')?.textContent ?? '';
    return JSON.parse(JSON.stringify({
      enter: probe.enter, onField: probe.onField, seen: probe.seen, painted: probe.painted, request: probe.request, strip,
    }));
  })()`)) as IdentifyProbe;
}
