import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RedemptionState } from '../../shared/contract/vouchers';

/** Green when the platform agreed, gold while it has not yet, red when it refused or someone else won. */
const colours: Record<RedemptionState, string> = {
  LOCAL_PENDING: 'blue',
  CONFIRMED: 'green',
  REJECTED: 'red',
  UNKNOWN: 'orange',
  OFFLINE_PROVISIONAL: 'gold',
  CONFLICT_LOST: 'volcano',
  RESOLVED: 'default',
  REVERSED: 'purple',
};

/** A redemption's state in plain words, coloured by what it asks of the manager. */
export function RedemptionStateTag({ state }: { state: RedemptionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[state]} data-testid="redemption-state" data-state={state}>
      {t(`voucher.state.${state}`)}
    </Tag>
  );
}
