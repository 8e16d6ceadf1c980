import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/use-error-text';
import { ApprovalCancelled } from '../../components/approval-provider';
import { useApprovedCall } from '../../hooks/use-approved-call';
import { useHotkeys } from '../../hooks/use-hotkeys';
import { NoSaleReasonDialog } from './no-sale-reason-dialog';
import './checkout.css';

export const noSaleShortcut = 'F9';

type Outcome = { type: 'success' | 'error'; text: string } | null;

export function NoSaleCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const approvedCall = useApprovedCall();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const noSale = useMutation({
    mutationFn: (reason: string) => approvedCall('drawer.noSale', { reason }),
    onMutate: () => setOutcome(null),
    onSuccess: (result) =>
      setOutcome({
        type: 'success',
        text: result.approvedBy ? t('noSale.openedApproved', { name: result.approvedBy }) : t('noSale.opened'),
      }),
    onError: (error) => {
      if (!(error instanceof ApprovalCancelled)) setOutcome({ type: 'error', text: errorText(error) });
    },
  });

  useHotkeys({ [noSaleShortcut]: () => setAsking(true) });

  return (
    <div className="drawer-bar">
      <Button
        size="large"
        icon={<InboxOutlined />}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setAsking(true)}
        loading={noSale.isPending}
        data-testid="no-sale-button"
      >
        {t('noSale.button')} <kbd>{noSaleShortcut}</kbd>
      </Button>
      {outcome ? (
        <Alert
          className="drawer-outcome"
          type={outcome.type}
          showIcon
          title={outcome.text}
          closable={{ onClose: () => setOutcome(null) }}
          data-testid="no-sale-outcome"
        />
      ) : null}
      <NoSaleReasonDialog
        open={asking}
        onClose={() => setAsking(false)}
        onConfirmed={(reason) => noSale.mutate(reason)}
      />
    </div>
  );
}
