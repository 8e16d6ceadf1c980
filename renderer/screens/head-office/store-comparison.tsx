import { PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { FranchiseComparison } from '../../../shared/contract/head-office';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { periodOf } from '../../../shared/reports/periods';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { PrintingContext } from '../reports/breakdown-table';
import { PeriodPicker } from '../reports/period-picker';
import {
  type LossLine,
  type LossRow,
  lossRows,
  type SalesRow,
  useLossColumns,
  useLossExport,
  useSalesColumns,
  useSalesRows,
} from './comparison-columns';
import { FranchiseTable } from './franchise-table';
import { HeadOfficePrint } from './head-office-print';
import '../reports/report-print.css';

/** Today on this computer's calendar: the week it falls in is what the comparison opens on. */
function thisWeek(): ReportRequest {
  const now = new Date();
  const today = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return { period: 'week', firstDay: periodOf('week', today).from, comparison: 'previous_period' };
}

/** The owner's comparison of their stores: sales by store and channel, and loss prevention against the median. */
export function StoreComparison({ organisation }: { organisation: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [request, setRequest] = useState(thisWeek);
  const [printing, setPrinting] = useState(false);
  const query = useApiQuery('franchise.compare', request, { placeholderData: keepPreviousData });
  const answer = query.error ? undefined : query.data;
  return (
    <div className="store-comparison" data-testid="store-comparison">
      <div className="head-office-who">
        <PeriodPicker value={request} onChange={setRequest} today={null} testId="compare" className="toolbar" />
        <Button
          icon={<PrinterOutlined />}
          onClick={() => setPrinting(true)}
          disabled={!answer}
          data-testid="compare-print"
        >
          {t('headOffice.compare.print')}
        </Button>
      </div>
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" /> : null}
      {query.isPending ? <Spin /> : null}
      {answer ? <ComparisonTables answer={answer} /> : null}
      {printing && answer
        ? createPortal(
            <PrintingContext.Provider value={true}>
              <HeadOfficePrint
                organisation={organisation}
                title={t('headOffice.compare.printTitle')}
                mark={`${answer.from} ${answer.to}`}
                testId="compare-printout"
                onDone={() => setPrinting(false)}
              >
                <ComparisonTables answer={answer} />
              </HeadOfficePrint>
            </PrintingContext.Provider>,
            document.body,
          )
        : null}
    </div>
  );
}

/** The span, both tables and the rule; the same on screen and on paper. */
function ComparisonTables({ answer }: { answer: FranchiseComparison }) {
  const { t } = useTranslation();
  const salesRows = useSalesRows(answer);
  const salesColumns = useSalesColumns(answer.compared !== null);
  const rows = lossRows(answer, t('headOffice.compare.median'));
  const lossColumns = useLossColumns(answer);
  const exported = useLossExport(answer);
  const days = `${answer.from}_${answer.to}`;
  return (
    <>
      <p className="compare-span" data-testid="compare-span">
        {t('headOffice.compare.span', { from: answer.from, to: answer.to })}
        {answer.compared ? ` · ${t('headOffice.compare.comparedWith', answer.compared)}` : ''}
      </p>
      <p className="compare-note">{t('headOffice.compare.wholeDays')}</p>
      <h3>{t('headOffice.compare.sales')}</h3>
      <FranchiseTable<SalesRow>
        rows={salesRows}
        rowKey={(row) => row.key}
        columns={salesColumns}
        currency={(row) => row.currency}
        rowClassName={(row) => (row.total ? 'compare-store-row' : 'compare-channel-row')}
        fileName={`${t('headOffice.compare.file')}_${days}`}
        testId="compare-sales"
      />
      <h3>{t('headOffice.compare.loss')}</h3>
      <FranchiseTable<LossRow>
        rows={rows}
        rowKey={(row) => row.key}
        columns={lossColumns}
        currency={(row) => row.currency}
        exported={{
          rows: exported.rows,
          columns: exported.columns as never,
          currency: (exported.rows[0] as LossLine | undefined)?.currency ?? 'CNY',
        }}
        rowClassName={(row) => (row.signals === null ? 'compare-median-row' : '')}
        fileName={`${t('headOffice.compare.lossFile')}_${days}`}
        testId="compare-loss"
      />
      <p className="compare-note">{t('headOffice.compare.rule')}</p>
    </>
  );
}
