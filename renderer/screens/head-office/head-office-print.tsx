import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { computerTimeZone, formatDateTime } from '../../../shared/time-format';
import { useLocale } from '../../i18n/use-locale';

type HeadOfficePrintProps = {
  organisation: string;
  /** What is printed: "Store comparison", "Stock across stores". */
  title: string;
  /** What the page holds (the comparison's span), for whoever checks the printout. */
  mark: string;
  testId: string;
  onDone(): void;
  children: ReactNode;
};

/**
 * A head-office table on paper, like the store reports' printout (report-print.css): alone on the
 * page, every row, printed as soon as it is drawn and gone once the print dialog closes.
 */
export function HeadOfficePrint({ organisation, title, mark, testId, onDone, children }: HeadOfficePrintProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useEffect(() => {
    window.addEventListener('afterprint', onDone, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', onDone);
  }, [onDone]);
  return (
    <div className="report-print" data-testid={testId} data-span={mark}>
      <h1>
        {organisation} · {title}
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
