// `npm run bench` (full sizes), `npm run bench -- --quick` (CI-sized), `npm run bench -- reports export`
// (only the groups named), `--orders 10000000` (the report groups' history size): prints a table
// and writes one JSON file per benchmark under tests/bench/out/.
import { type BenchResult, printTable } from './bench-report';
import { benchBodyFlood } from './body-flood.bench';
import { benchCamera } from './camera.bench';
import { benchCommitDuringReport } from './commit-during-report.bench';
import { benchDaySummary } from './day-summary.bench';
import { benchDrillDown } from './drill-down.bench';
import { benchHostColdStart } from './host-cold-start.bench';
import { benchHostMemory } from './host-memory.bench';
import { benchIdentify } from './identify.bench';
import { benchLinesExport } from './lines-export.bench';
import { benchMemberOrderCommit } from './member-commit.bench';
import { benchMemberSegments } from './member-segments.bench';
import { benchOrderCommit } from './order-commit.bench';
import { benchPlatformScale } from './platform-scale.bench';
import { benchProductSearch } from './product-search.bench';
import { benchSalesReport } from './sales-report.bench';
import { benchScanToLine } from './scan-to-line.bench';
import { benchScreenColdStart } from './screen-cold-start.bench';
import { benchSync } from './sync.bench';
import { benchOfflineDecision, benchOnlineDecision } from './voucher.bench';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const ordersAt = args.indexOf('--orders');
const orders = ordersAt === -1 ? (quick ? 50_000 : 1_000_000) : Number(args[ordersAt + 1]);
if (!Number.isSafeInteger(orders) || orders < 1_000) throw new Error('--orders takes a whole number ≥ 1000');
const named = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--orders');
const size = (small: number, full: number) => (quick ? small : full);

type Group = () => Promise<BenchResult | BenchResult[]> | BenchResult | BenchResult[];
const groups: Record<string, Group> = {
  search: () => benchProductSearch(size(10_000, 100_000)),
  start: async () => [await benchHostColdStart(size(3, 10)), await benchScreenColdStart(size(3, 10))],
  scan: () => benchScanToLine(size(30, 100), size(20, 50)),
  identify: () => benchIdentify(size(10, 50)),
  memory: () => benchHostMemory(size(2_000, 30_000)),
  commit: () => benchOrderCommit(size(500, 5_000), size(1_000, 5_000)),
  'member-commit': () => benchMemberOrderCommit(size(500, 5_000)),
  day: () => benchDaySummary(orders),
  reports: async () => [
    ...(await benchSalesReport(orders)),
    ...(await benchDrillDown(orders)),
    await benchCommitDuringReport(orders),
  ],
  export: async () => [await benchLinesExport(orders, 'xlsx'), await benchLinesExport(orders, 'csv')],
  sync: async () => [
    ...(await benchSync(size(1_000, 10_000), size(10_000, 100_000), size(10, 30))),
    ...(await benchBodyFlood(size(5, 20))),
  ],
  'platform-scale': () =>
    benchPlatformScale(
      quick
        ? { stores: [20, 50], processes: [1, 2], rate: 40, seconds: 5 }
        : { stores: [100, 250, 500, 1_000], processes: [1, 2, 4], rate: 200, seconds: 20 },
    ),
  vouchers: async () => [benchOfflineDecision(size(300, 2_000)), ...(await benchOnlineDecision(size(50, 300)))],
  camera: () => benchCamera(size(10, 20)),
  // PostgreSQL (COUNTER_TEST_DATABASE_URL, else the CI server's address): a million members, ten million sales.
  members: () => benchMemberSegments(size(20_000, 1_000_000), size(200_000, 10_000_000)),
};

const unknown = named.filter((name) => !(name in groups));
if (unknown.length > 0)
  throw new Error(`no bench group ${unknown.join(', ')}; groups: ${Object.keys(groups).join(', ')}`);
const results: BenchResult[] = [];
for (const [name, run] of Object.entries(groups)) {
  if (named.length === 0 || named.includes(name)) results.push(...[await run()].flat());
}
printTable(results);
