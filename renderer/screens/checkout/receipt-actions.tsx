import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkoutKeys } from './checkout-keys';

type ReceiptActionsProps = {
  printing: boolean;
  printError: string | null;
  onPrint(): void;
  onShow(): void;
  /** The third button: what the counter does next (a new sale, the next voucher). */
  next: { icon: ReactNode; label: string; keyLabel: string; onClick(): void; testId: string };
  /** Prefixes the print and show buttons' test ids, for screens that have their own. */
  testIdPrefix?: string;
};

/** Print, show and next under a finished order; the buttons never take focus from the scan field. */
export function ReceiptActions({
  printing,
  printError,
  onPrint,
  onShow,
  next,
  testIdPrefix = '',
}: ReceiptActionsProps) {
  const { t } = useTranslation();
  const keepFocus = (event: { preventDefault(): void }) => event.preventDefault();
  return (
    <>
      {printError ? <Alert type="error" showIcon title={printError} /> : null}
      <div className="paid-actions">
        <Button
          size="large"
          type="primary"
          icon={<PrinterOutlined />}
          loading={printing}
          onMouseDown={keepFocus}
          onClick={onPrint}
          data-testid={`${testIdPrefix}print-receipt`}
        >
          {t('sale.paid.print')} <kbd>{checkoutKeys.print.label}</kbd>
        </Button>
        <Button
          size="large"
          icon={<EyeOutlined />}
          onMouseDown={keepFocus}
          onClick={onShow}
          data-testid={`${testIdPrefix}show-receipt`}
        >
          {t('sale.paid.show')} <kbd>{checkoutKeys.showReceipt.label}</kbd>
        </Button>
        <Button size="large" icon={next.icon} onMouseDown={keepFocus} onClick={next.onClick} data-testid={next.testId}>
          {next.label} <kbd>{next.keyLabel}</kbd>
        </Button>
      </div>
    </>
  );
}
