import { printTable } from '../tests/bench/bench-report';
import { benchOfflineDecision, benchOnlineDecision } from '../tests/bench/voucher.bench';

printTable([benchOfflineDecision(300), ...(await benchOnlineDecision(50))]);
