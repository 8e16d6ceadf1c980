// The report worker under Node without a build (the browser host, tests): tsx compiles it on load.
// A worker thread does not take `--import tsx` from its execArgv, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./report-worker.ts');
