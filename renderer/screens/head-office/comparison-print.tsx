import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FranchiseComparison } from '../../../shared/contract/head-office';
import { computerTimeZone, formatDateTime } from '../../../shared/time-format';
import { useLocale } from '../../i18n/use-locale';

type ComparisonPrintProps = {
  organisation: string;
  answer: FranchiseComparison;
  onDone(): void;
  children: ReactNode;
};

/**
 * The comparison on paper, like the store reports' printout (report-print.css): alone on the page,
 * every row, printed as soon as it is drawn and gone once the print dialog closes.
 */
export function ComparisonPrint({ organisation, answer, onDone, children }: ComparisonPrintProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useEffect(() => {
    window.addEventListener('afterprint', onDone, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', onDone);
  }, [onDone]);
  return (
    <div className="report-print" data-testid="compare-printout" data-span={`${answer.from} ${answer.to}`}>
      <h1>
        {organisation} · {t('headOffice.compare.printTitle')}
      </h1>
      <p className="print-made">
        {t('headOffice.compare.printedAt', {
          at: formatDateTime(Date.now(), locale, computerTimeZone()),
        })}
      </p>
      {children}
    </div>
  );
}
