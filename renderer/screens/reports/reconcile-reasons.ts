import type { TFunction } from 'i18next';
import type { ReconcileDifference } from '../../../shared/contract/settlement-report';

/** A sample sale of the demo's past weeks: made here only and never sent, so no statement lists it. */
export const isSample = (d: ReconcileDifference) => d.kind === 'only_till' && d.queue === 'not_queued';

/**
 * Why a sale differs from the platform's statement, and what (if anything) to do, in the reader's
 * words: each difference says it, so a list of them is read, not puzzled over.
 */
export function differenceWhy(t: TFunction, d: ReconcileDifference, ownTill: string): string {
  switch (d.kind) {
    case 'only_till':
      return t(`settlementReport.reconcile.why.onlyTill.${d.queue}`);
    case 'only_platform':
      return d.deviceCode === ownTill
        ? t('settlementReport.reconcile.why.onlyPlatformHere')
        : t('settlementReport.reconcile.why.onlyPlatform', { till: d.deviceCode });
    case 'amounts':
      return t('settlementReport.reconcile.why.amounts');
    default: {
      const never: never = d;
      throw new Error(`unknown difference ${JSON.stringify(never)}`);
    }
  }
}
