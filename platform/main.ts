import { apiCall } from './cli/api-command';
import { UsageError } from './cli/args';
import { CatalogCsvError } from './cli/catalog-csv';
import { pointsLiability } from './cli/liability-commands';
import {
  memberAdd,
  memberCode,
  memberErase,
  memberKeyRotate,
  memberList,
  memberMessages,
  memberShow,
} from './cli/member-commands';
import { PlatformRefusal } from './cli/operator-client';
import {
  type CommandResult,
  catalogImport,
  onlineOrder,
  pairingCode,
  priceSet,
  stock,
  storeCreate,
} from './cli/operator-commands';
import {
  organisationCreate,
  organisationList,
  ownerInvite,
  ownerRevoke,
  storeAssign,
} from './cli/organisation-commands';
import { pointsExpire, pointsLosses, pointsRules, pointsShow } from './cli/points-commands';
import {
  memberCampaign,
  memberCampaignReport,
  memberScore,
  memberScoreSchedule,
  memberSegments,
} from './cli/segment-commands';
import { serve } from './cli/serve';
import { commissionSet, onlineOrderTerms, statement } from './cli/settlement-commands';
import { memberTiers } from './cli/tier-commands';
import { campaignCreate, keyRotate, voucherIssue, voucherShow } from './cli/voucher-commands';
import { KekError } from './vouchers/key-sealing';

const usage = `usage: npm run platform -- <command> [flags] [--json]

  serve --data-dir <dir> [--port 7420] [--host 127.0.0.1] [--database-url <url>] [--kek-file <file>] [--log]
      [--workers <n>] [--metrics-port <port>]  (n processes on one port, needs --database-url; their
      metrics summed at http://127.0.0.1:<port>/metrics; one process serves its own at /metrics)
      (every process looks each minute; one of them scores the members once a day: members score-schedule)
  store create --name <name> [--currency CNY] [--time-zone Asia/Shanghai]
  pairing-code --store <id>
  organisation create --name <name>    (a brand: its stores and owners; docs/franchise.md)
  organisation list
  store assign --store <id> --organisation <id>
  owner invite --organisation <id> --login <e-mail or phone> --name <name>   (prints a one-use invitation code)
  owner revoke --owner <id>          (signs the owner out everywhere; they cannot sign in again)
  online-order --store <id> --channel online_delivery|online_pickup --items <sku:qty,...> [--customer <name>] [--note <text>]
      [--merchant-promotion <decimal>] [--platform-promotion <decimal>] [--delivery-fee <decimal>] [--commission <percent>]
      [--id <channel's order UUID: a resubmission answers the first order>] [--phone <customer mobile> [--consent]]
      (--phone credits the brand's member with that number; without one, --consent makes them a member)
  online-order terms --store <id> --order <online order id> [--merchant-promotion …] [--platform-promotion …]
      [--delivery-fee …] [--commission <percent>]
  commission set --store <id> --rate <percent>     (the store's default for new online orders)
  statement --store <id> --day <YYYY-MM-DD>        (the store's daily settlement statement)
  catalog import --file <csv> [--currency CNY]
  price set --store <id> --sku <sku> (--price <decimal> | --clear)
  stock --store <id>
  campaign create --type cash_off|percent_off|threshold_off|free_item|group_buy [--store <id>|all]
      [--name <name>] [--value <minor units>] [--percent <n>] [--cap <minor>] [--min-spend <minor>]
      [--sku <sku>]... [--category <name>]... [--item-sku <sku>] [--valid-from <ISO>] [--valid-to <ISO>]
      [--offline-allowed] [--exclusive] [--stacking-group <name>] [--max-per-order <n>]
      [--per-customer-limit <n>] [--reversal-window-hours <n>] [--weekdays 1,2,3] [--hours 14:00-17:00]
      [--settlement-price <minor units>]  (group_buy: what the store is paid per voucher; default its value)
      (dates alone are whole days in UTC; --valid-to a date includes that day)
  voucher issue --campaign <id> [--count <n>] [--holder <customer>] [--out <dir for QR PNGs>]
  voucher show <voucher id>
  key rotate
  members add <phone> [--name <name>] [--consent]
  members list [--phone <phone>] [--limit <n>]
  members show <member id>
  members erase <member id>          (PIPL erasure: number, name and consent removed; history kept)
  members code <member id> [--age <seconds>]   (a fresh member QR code to scan, as the app shows it)
  members messages                   (enrolment codes the platform would have sent by SMS)
  members key-rotate [--overlap <seconds>]   (a new member-code key; the previous one good for the overlap,
                                     10 minutes unless told, 0 retires it at once; tills get both by sync)
  api list                           (every operator route of the platform's contract)
  api <route name> [--input '<json>']   (calls one; path parameters go in the input: {"id": "<store id>"})
  members segments <store id> --type <cafe|restaurant|bakery|convenience|retail> [--bands 30,90,180]
  members score                      (score every member now: RFM fifths, value segments)
  members score-schedule [--at HH:MM] [--time-zone <zone>]   (the daily scoring's time; default 04:30 Asia/Shanghai)
  members campaign <voucher campaign id> --name <n> --store <id> --values high,mid --bands sleeping,churned
                   --holdout <percent 1-50> --seed <s>   (vouchers to a segment, a seeded holdout kept out)
  members campaign-report <id> --from YYYY-MM-DD --to YYYY-MM-DD
  members tiers [--file <ladder.json>]   (the tier ladder and its benefits; --file sets it, docs/members.md)
  members points-rules <store id> [--earn <points a yuan> [--redeem <points:fen>|off] [--min <points>]
      [--max <points>] [--share <percent>] [--offline-cap <points>]]   (without --earn: show them)
  members points <member id>         (the balance and every movement)
  members points-expire --before <YYYY-MM-DD>   (points earned before the day and not used expire)
  members points-losses              (offline spends the balance could not cover; take-backs of spent points)
  members points-liability <store id> --from YYYY-MM-DD --to YYYY-MM-DD [--cutoff <hour>]
                                     (outstanding points and their value per business day, with the day's movements)

Operator commands reach a running platform: --url <url> --token <admin token>
(or COUNTER_PLATFORM_URL and COUNTER_PLATFORM_TOKEN). DATABASE_URL works for serve too.
The voucher signing keys are sealed with a key-encryption key: COUNTER_PLATFORM_KEK (32 bytes in
base64), else --kek-file, else <data-dir>/voucher-kek (made on the first start); see docs/data-at-rest.md.`;

const commands: Record<string, (args: string[]) => Promise<CommandResult>> = {
  'store create': storeCreate,
  'pairing-code': pairingCode,
  'organisation create': organisationCreate,
  'organisation list': organisationList,
  'store assign': storeAssign,
  'owner invite': ownerInvite,
  'owner revoke': ownerRevoke,
  'online-order': onlineOrder,
  'online-order terms': onlineOrderTerms,
  'commission set': commissionSet,
  statement,
  'catalog import': catalogImport,
  'price set': priceSet,
  stock,
  'campaign create': campaignCreate,
  'voucher issue': voucherIssue,
  'voucher show': voucherShow,
  'key rotate': keyRotate,
  'members add': memberAdd,
  'members list': memberList,
  'members show': memberShow,
  'members erase': memberErase,
  'members code': memberCode,
  'members messages': memberMessages,
  'members key-rotate': memberKeyRotate,
  api: apiCall,
  'members segments': memberSegments,
  'members score': memberScore,
  'members score-schedule': memberScoreSchedule,
  'members campaign': memberCampaign,
  'members campaign-report': memberCampaignReport,
  'members tiers': memberTiers,
  'members points-rules': pointsRules,
  'members points': pointsShow,
  'members points-expire': pointsExpire,
  'members points-losses': pointsLosses,
  'members points-liability': pointsLiability,
};

/** The command's words (one or two) and the flags after them. */
function route(argv: string[]): { name: string; args: string[] } | null {
  const two = argv.slice(0, 2).join(' ');
  if (commands[two]) return { name: two, args: argv.slice(2) };
  if (commands[argv[0]] || argv[0] === 'serve') return { name: argv[0], args: argv.slice(1) };
  return null;
}

function fail(json: boolean, code: string, message: string, exitCode: number): void {
  if (json) console.log(JSON.stringify({ error: { code, message } }));
  else
    console.error(
      `error: ${message}${code === 'usage' ? '\nrun `npm run platform -- help` for the commands' : ` (${code})`}`,
    );
  process.exitCode = exitCode;
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(usage);
    return;
  }
  const found = route(argv);
  try {
    if (!found) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"`);
    if (found.name === 'serve') return await serve(found.args);
    const result = await commands[found.name](found.args);
    console.log(json ? JSON.stringify(result.json) : result.text);
  } catch (error) {
    if (error instanceof UsageError) fail(json, 'usage', error.message, 2);
    else if (error instanceof CatalogCsvError) fail(json, 'catalog_csv_invalid', error.message, 1);
    else if (error instanceof PlatformRefusal) fail(json, error.code, error.message, 1);
    else if (error instanceof KekError) fail(json, 'kek_refused', error.message, 1);
    else fail(json, 'failed', (error as Error).stack ?? String(error), 1);
  }
}

await main(process.argv.slice(2));
