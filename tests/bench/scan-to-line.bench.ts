import buildRenderer from '../e2e/global-setup';
import { launchBrowser, pageErrors } from '../e2e/support/browser';
import { startHost } from '../e2e/support/host';
import { type BenchResult, percentile, record } from './bench-report';
import { basketPlan, distinctPlan, type ScanPlan, scannableProducts, shuffled } from './support/scan-plan';
import { armProbe, collectProbe, installProbe, type ProbeReport, readCart } from './support/scan-probe';
import { clearCart, openTill } from './support/scan-till';
import { WedgeScanner } from './support/scan-wedge';

const latencyTarget = 50;
const burstRate = 10;
/** How long after its scheduled start the last scan may still land before it counts as lost. */
const settleMs = 5_000;

type PartResult = {
  plan: ScanPlan;
  probe: ProbeReport;
  cart: { name: string; qty: number }[];
  /** Enter keydown → the frame after the line (or its new count) showed, per scan; null if it never did. */
  latencies: (number | null)[];
  lost: number;
  extra: number;
  inOrder: boolean;
  driverLateness: number[];
};

const round = (value: number, digits = 1) => +value.toFixed(digits);
const present = (values: (number | null | undefined)[]) => values.filter((v): v is number => typeof v === 'number');
const stats = (samples: number[]) =>
  samples.length === 0
    ? 'none'
    : `p50 ${round(percentile(samples, 50))} / p95 ${round(percentile(samples, 95))} / max ${round(Math.max(...samples))}`;

/** Fires the plan's scans `intervalMs` apart on the scanner's own clock, then reads what the screen shows. */
async function runPart(
  page: Awaited<ReturnType<typeof openTill>>,
  scanner: WedgeScanner,
  plan: ScanPlan,
  intervalMs: number,
): Promise<PartResult> {
  await armProbe(page, plan.scans);
  await scanner.scanEach(
    plan.scans.map((scan) => scan.code),
    intervalMs,
  );
  const probe = await collectProbe(page, plan.scans.length, settleMs);
  const cart = await readCart(page);
  const latencies = plan.scans.map((_, k) => {
    const painted = probe.painted[k];
    const enter = probe.enters[k];
    return typeof painted === 'number' && typeof enter === 'number' ? painted - enter : null;
  });
  const shown = new Map<string, number>();
  for (const line of cart) shown.set(line.name, (shown.get(line.name) ?? 0) + line.qty);
  let lost = 0;
  let extra = 0;
  for (const line of plan.lines) {
    const qty = shown.get(line.name) ?? 0;
    lost += Math.max(0, line.qty - qty);
    extra += Math.max(0, qty - line.qty);
    shown.delete(line.name);
  }
  for (const qty of shown.values()) extra += qty;
  const inOrder = cart.map((line) => line.name).join('\n') === plan.lines.map((line) => line.name).join('\n');
  return { plan, probe, cart, latencies, lost, extra, inOrder, driverLateness: scanner.takeLateness() };
}

/** Where the time went, per scan, and what the page received: medians and tails for the notes. */
function diagnose(part: PartResult): Record<string, number | string> {
  const { probe, plan } = part;
  const inputDelay: number[] = [];
  const toRequest: number[] = [];
  const request: number[] = [];
  const toScreen: number[] = [];
  const toPaint: number[] = [];
  const keyGaps: number[] = [];
  let cached = 0;
  const used = new Set<number>();
  plan.scans.forEach((scan, k) => {
    const enter = probe.enters[k];
    const handled = probe.handled[k];
    if (typeof enter !== 'number' || typeof handled !== 'number') return;
    inputDelay.push(handled - enter);
    const keys = [...(probe.keys[k] ?? []), enter];
    for (let i = 1; i < keys.length; i++) keyGaps.push(keys[i] - keys[i - 1]);
    const index = probe.lookups.findIndex((l, i) => !used.has(i) && l.code === scan.code && l.start >= handled);
    const seen = probe.seen[k];
    const painted = probe.painted[k];
    if (typeof seen === 'number' && typeof painted === 'number') toPaint.push(painted - seen);
    if (index < 0) {
      cached += 1;
      return;
    }
    used.add(index);
    const lookup = probe.lookups[index];
    toRequest.push(lookup.start - handled);
    if (lookup.end !== null) {
      request.push(lookup.end - lookup.start);
      if (typeof seen === 'number') toScreen.push(seen - lookup.end);
    }
  });
  const enters = present(probe.enters);
  const span = enters.length > 1 ? (enters.at(-1)! - enters[0]) / 1_000 : 0;
  const longTasks = probe.longTasks.map((task) => task.duration);
  const unresolved = plan.scans.map((_, k) => k).filter((k) => part.latencies[k] === null);
  return {
    scans: plan.scans.length,
    entersSeen: enters.length,
    entersOffField: probe.onField.filter((on) => !on).length,
    unresolvedScans: unresolved.length === 0 ? 'none' : unresolved.slice(0, 10).join(','),
    lostScans: part.lost,
    extraItems: part.extra,
    linesInOrder: part.inOrder ? 'yes' : 'no',
    linesShown: part.cart.length,
    linesExpected: plan.lines.length,
    ratePerSecond: span > 0 ? round((enters.length - 1) / span, 2) : 0,
    inputDelayMs: stats(inputDelay),
    enterToRequestMs: stats(toRequest),
    requestMs: stats(request),
    responseToDomMs: stats(toScreen),
    domToPaintMs: stats(toPaint),
    cacheHits: cached,
    keyGapMs: stats(keyGaps),
    driverLateMs: stats(part.driverLateness),
    longTasks: longTasks.length === 0 ? 'none' : `${longTasks.length}, max ${round(Math.max(...longTasks))} ms`,
    lastStrip: probe.strip.slice(0, 80),
  };
}

/**
 * A barcode scanned at the till, to its line drawn in the cart, measured inside Chromium: from the
 * Enter key's own timestamp to the first task after the frame that drew the new line or count. A
 * wedge scanner on its own clock types each EAN-13 of the demo catalog with 4 ms between keys. Part
 * one scans `latencyScans` different products 300 ms apart (the cart grows to that many lines); part
 * two, on an emptied cart, fires `burstScans` at 10 scans/s (a fifth of them a product already in the
 * cart again) and then checks the cart holds exactly the lines and counts scanned.
 */
export async function benchScanToLine(latencyScans: number, burstScans: number): Promise<BenchResult[]> {
  buildRenderer();
  const products = shuffled(scannableProducts(), 20_251_127);
  const latencyPlan = distinctPlan(products.slice(0, latencyScans));
  const burstPlan = basketPlan(products.slice(latencyScans), burstScans, 5, 7);
  const [host, browser] = await Promise.all([startHost({ demo: true, lang: 'zh_CN.UTF-8' }), launchBrowser()]);
  try {
    const page = await openTill(browser, host);
    await installProbe(page);
    const scanner = await WedgeScanner.attach(page);
    const spaced = await runPart(page, scanner, latencyPlan, 300);
    await clearCart(page);
    const burst = await runPart(page, scanner, burstPlan, 1_000 / burstRate);
    await scanner.detach();
    const errors = pageErrors(page);

    const samples = spaced.latencies.map((latency) => latency ?? Number.POSITIVE_INFINITY);
    const p95 = percentile(samples, 95);
    const spacedNotes = diagnose(spaced);
    const latency = record({
      name: 'scan-to-line',
      metric: `p95 Enter → line painted, ${latencyScans} scans 300 ms apart`,
      value: p95,
      unit: 'ms',
      target: latencyTarget,
      pass: p95 <= latencyTarget && spaced.lost === 0 && spaced.extra === 0,
      notes: {
        p50: round(percentile(samples, 50)),
        p95: round(p95),
        p99: round(percentile(samples, 99)),
        max: round(Math.max(...samples)),
        firstScan: round(samples[0]),
        first10p50: round(percentile(samples.slice(0, 10), 50)),
        last10p50: round(percentile(samples.slice(-10), 50)),
        ...spacedNotes,
        pageErrors: errors.length === 0 ? 'none' : errors.slice(0, 3).join(' | '),
      },
    });

    const burstSamples = burst.latencies.map((latency) => latency ?? Number.POSITIVE_INFINITY);
    const burstNotes = diagnose(burst);
    const rate = Number(burstNotes.ratePerSecond);
    const shown = burstScans - burst.lost;
    const throughput = record({
      name: 'scan-burst',
      metric: `scans on screen of ${burstScans} at ${rate.toFixed(1)} scans/s (lost ${burst.lost})`,
      value: shown,
      unit: 'scans',
      target: burstScans,
      // The scanner's clock is this process's timers: 1 % slack for their jitter, not for the till.
      pass: burst.lost === 0 && burst.extra === 0 && burst.inOrder && rate >= burstRate * 0.99,
      notes: {
        p50: round(percentile(burstSamples, 50)),
        p95: round(percentile(burstSamples, 95)),
        p99: round(percentile(burstSamples, 99)),
        max: round(Math.max(...burstSamples)),
        ...burstNotes,
        pageErrors: errors.length === 0 ? 'none' : errors.slice(0, 3).join(' | '),
      },
    });
    return [latency, throughput];
  } finally {
    await browser.close();
    await host.stop();
  }
}
