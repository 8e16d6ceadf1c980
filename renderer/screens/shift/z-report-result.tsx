import { useMutation } from '@tanstack/react-query';
import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../shared/contract/shifts';
import { asMoney } from '../../../shared/money';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useMoney } from '../../hooks/use-money';
import { printReceipt } from '../../print/print-receipt';
import { ReceiptPreview } from '../orders/receipt-preview';
import type { ShiftClosed } from './close-shift-dialog';
import './shift.css';

/** Over, short or even, said in words as well as colour. */
export function VarianceText({ report }: { report: ShiftReport }) {
  const { t } = useTranslation();
  const money = useMoney();
  const variance = report.variance ?? 0;
  const kind = variance === 0 ? 'even' : variance > 0 ? 'over' : 'short';
  return (
    <span className={`variance variance-${kind}`} data-testid="variance">
      {t(`shift.variance.${kind}`, { amount: money(asMoney(Math.abs(variance))) })}
    </span>
  );
}

export function ZReportResult({ result, onClose }: { result: ShiftClosed; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoney();
  const errorText = useErrorText();
  const width = useStoreInfo().settings.receiptWidth;
  const { report, html } = result;
  const print = useMutation({
    mutationFn: () => printReceipt(html, width),
    onError: (error) => message.error(errorText(error)),
  });
  return (
    <ReceiptPreview
      title={t('shift.zTitle', { number: report.zNumber ?? '' })}
      html={html}
      width={width}
      depth={1}
      testId="z-report"
      printing={print.isPending}
      onPrint={() => print.mutate()}
      onClose={onClose}
    >
      <Alert
        type={report.variance === 0 ? 'success' : 'warning'}
        showIcon
        className="screen-note"
        title={<VarianceText report={report} />}
        description={
          <>
            {t('shift.countedVsExpected', {
              counted: money(report.countedCash ?? report.expectedCash),
              expected: money(report.expectedCash),
            })}
            {report.varianceApprovedByName
              ? ` · ${t('shift.varianceApprovedBy', { name: report.varianceApprovedByName })}`
              : ''}
          </>
        }
      />
    </ReceiptPreview>
  );
}
