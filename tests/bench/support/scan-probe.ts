import type { Page } from 'playwright-core';
import type { PlannedScan } from './scan-plan';

/**
 * What the probe saw inside the page, all in the page's performance.now() clock. Index k is the
 * k-th Enter after arming; entries are null where that never happened (a lost scan).
 */
export type ProbeReport = {
  /** The Enter keydown's event.timeStamp: when the key was typed (the wedge driver stamps it), before any queueing. */
  enters: number[];
  /** When the first keydown listener (window, capture phase) ran for that Enter. */
  handled: number[];
  /** Whether that Enter reached the scan field (else focus was elsewhere). */
  onField: boolean[];
  /** Timestamps of the scan's character keys, to check the spacing the page received. */
  keys: number[][];
  /** The characters the page received before that Enter, in the order it received them. */
  typed: string[];
  /** When a DOM mutation first showed scan k's line or quantity. */
  seen: (number | null)[];
  /** The requestAnimationFrame after that mutation: the frame that draws it. */
  frame: (number | null)[];
  /** The first task after that frame: the line is painted. */
  painted: (number | null)[];
  /** Every catalog.findByBarcode request: the code, its start, and when its response arrived. */
  lookups: { code: string; start: number; end: number | null }[];
  /** Main-thread tasks over 50 ms while the probe was armed. */
  longTasks: { start: number; duration: number }[];
  /** The scanned-strip text after the run: says "not found" or an error if the last scan failed. */
  strip: string;
};

/**
 * Plain JavaScript so it reaches the page as written (no bundler helpers in page.evaluate). It listens
 * on window in the capture phase, so it runs before the app's own listeners; its MutationObserver
 * only reads the cart when a scan is still waiting for its line.
 */
const probeSource = `(() => {
  if (window.__scanProbe) return;
  const probe = {
    armed: false, plan: [], next: 0, pendingKeys: [], pendingText: '',
    enters: [], handled: [], onField: [], keys: [], typed: [], seen: [], frame: [], painted: [], lookups: [], longTasks: [],
  };
  window.__scanProbe = probe;
  const onField = (target) => target instanceof Element && target.closest('[data-testid="scan-field"]') !== null;
  const cartQuantities = () => {
    const quantities = new Map();
    for (const line of document.querySelectorAll('[data-testid="cart-line"]')) {
      const name = line.querySelector('.cart-line-name')?.textContent ?? '';
      const qty = Number((line.querySelector('[data-testid="cart-line-qty"]')?.textContent ?? '').replace(/\\D/g, ''));
      quantities.set(name, (quantities.get(name) ?? 0) + qty);
    }
    return quantities;
  };
  const afterPaint = (indexes) => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      for (const k of indexes) probe.frame[k] = frame;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        for (const k of indexes) probe.painted[k] = painted;
      };
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    if (!probe.armed || probe.next >= probe.enters.length) return;
    const now = performance.now();
    const quantities = cartQuantities();
    const landed = [];
    for (let k = probe.next; k < probe.enters.length && k < probe.plan.length; k++) {
      if (probe.seen[k] != null) continue;
      const want = probe.plan[k];
      if ((quantities.get(want.name) ?? 0) >= want.qty) {
        probe.seen[k] = now;
        landed.push(k);
      }
    }
    while (probe.next < probe.enters.length && probe.seen[probe.next] != null) probe.next++;
    if (landed.length > 0) afterPaint(landed);
  };
  window.addEventListener('keydown', (event) => {
    if (!probe.armed) return;
    if (event.key === 'Enter') {
      const k = probe.enters.length;
      probe.enters.push(event.timeStamp);
      probe.handled.push(performance.now());
      probe.onField.push(onField(event.target));
      probe.keys.push(probe.pendingKeys);
      probe.typed.push(probe.pendingText);
      probe.pendingKeys = [];
      probe.pendingText = '';
      probe.seen[k] = null;
      probe.frame[k] = null;
      probe.painted[k] = null;
    } else if (event.key.length === 1) {
      probe.pendingKeys.push(event.timeStamp);
      probe.pendingText += event.key;
    }
  }, true);
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
    if (!probe.armed || !url.includes('catalog.findByBarcode')) return realFetch.call(this, input, init);
    let code = '';
    try { code = JSON.parse(init?.body ?? '{}').input?.barcode ?? ''; } catch {}
    const entry = { code, start: performance.now(), end: null };
    probe.lookups.push(entry);
    const response = realFetch.call(this, input, init);
    response.then(() => { entry.end = performance.now(); }, () => {});
    return response;
  };
  try {
    new PerformanceObserver((list) => {
      if (!probe.armed) return;
      for (const task of list.getEntries()) probe.longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask' });
  } catch {}
})()`;

export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(probeSource);
}

/** Forgets earlier scans and expects these, in this order. */
export async function armProbe(page: Page, scans: PlannedScan[]): Promise<void> {
  const plan = scans.map(({ name, qty }) => ({ name, qty }));
  await page.evaluate(`(() => {
    const probe = window.__scanProbe;
    Object.assign(probe, {
      plan: ${JSON.stringify(plan)}, next: 0, pendingKeys: [], pendingText: '',
      enters: [], handled: [], onField: [], keys: [], typed: [], seen: [], frame: [], painted: [], lookups: [], longTasks: [],
    });
    probe.armed = true;
  })()`);
}

/** Waits until every planned scan is painted, or `timeoutMs` passes; then stops the probe and reads it. */
export async function collectProbe(page: Page, count: number, timeoutMs: number): Promise<ProbeReport> {
  await page
    .waitForFunction(
      // A function, not a string: the app's CSP forbids eval, which a string predicate needs.
      (expected) => {
        const painted = (window as unknown as { __scanProbe: { painted: (number | null)[] } }).__scanProbe.painted;
        return painted.length >= expected && painted.every((time) => time !== null);
      },
      count,
      { timeout: timeoutMs, polling: 50 },
    )
    .catch(() => undefined);
  return (await page.evaluate(`(() => {
    const probe = window.__scanProbe;
    probe.armed = false;
    const strip = document.querySelector('[data-testid="scanned-panel"]')?.textContent ?? '';
    return JSON.parse(JSON.stringify({
      enters: probe.enters, handled: probe.handled, onField: probe.onField, keys: probe.keys, typed: probe.typed,
      seen: probe.seen, frame: probe.frame, painted: probe.painted, lookups: probe.lookups,
      longTasks: probe.longTasks, strip,
    }));
  })()`)) as ProbeReport;
}

/** The cart as the screen shows it: each line's name and count, top to bottom. */
export async function readCart(page: Page): Promise<{ name: string; qty: number }[]> {
  return (await page.evaluate(`[...document.querySelectorAll('[data-testid="cart-line"]')].map((line) => ({
    name: line.querySelector('.cart-line-name')?.textContent ?? '',
    qty: Number((line.querySelector('[data-testid="cart-line-qty"]')?.textContent ?? '').replace(/\\D/g, '')),
  }))`)) as { name: string; qty: number }[];
}
