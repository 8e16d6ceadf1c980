// `npm run bench` (full sizes) or `npm run bench -- --quick` (CI-sized): prints a table and writes
// one JSON file per benchmark under tests/bench/out/.
import { printTable } from './bench-report';
import { benchBodyFlood } from './body-flood.bench';
import { benchCamera } from './camera.bench';
import { benchCommitDuringReport } from './commit-during-report.bench';
import { benchDaySummary } from './day-summary.bench';
import { benchDrillDown } from './drill-down.bench';
import { benchHostColdStart } from './host-cold-start.bench';
import { benchHostMemory } from './host-memory.bench';
import { benchLinesExport } from './lines-export.bench';
import { benchOrderCommit } from './order-commit.bench';
import { benchProductSearch } from './product-search.bench';
import { benchSalesReport } from './sales-report.bench';
import { benchScanToLine } from './scan-to-line.bench';
import { benchScreenColdStart } from './screen-cold-start.bench';
import { benchSync } from './sync.bench';
import { benchOfflineDecision, benchOnlineDecision } from './voucher.bench';

const quick = process.argv.includes('--quick');
const results = [
  benchProductSearch(quick ? 10_000 : 100_000),
  await benchHostColdStart(quick ? 3 : 10),
  await benchScreenColdStart(quick ? 3 : 10),
  ...(await benchScanToLine(quick ? 30 : 100, quick ? 20 : 50)),
  ...(await benchHostMemory(quick ? 2_000 : 30_000)),
  ...(await benchOrderCommit(quick ? 500 : 5_000, quick ? 1_000 : 5_000)),
  benchDaySummary(quick ? 50_000 : 1_000_000),
  ...(await benchSalesReport(quick ? 50_000 : 1_000_000)),
  ...(await benchDrillDown(quick ? 50_000 : 1_000_000)),
  await benchCommitDuringReport(quick ? 50_000 : 1_000_000),
  await benchLinesExport(quick ? 50_000 : 1_000_000, 'xlsx'),
  await benchLinesExport(quick ? 50_000 : 1_000_000, 'csv'),
  ...(await benchSync(quick ? 1_000 : 10_000, quick ? 10_000 : 100_000, quick ? 10 : 30)),
  ...(await benchBodyFlood(quick ? 5 : 20)),
  benchOfflineDecision(quick ? 300 : 2_000),
  ...(await benchOnlineDecision(quick ? 50 : 300)),
  await benchCamera(quick ? 10 : 20),
];
printTable(results);
