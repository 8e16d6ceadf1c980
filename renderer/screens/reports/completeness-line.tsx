import { CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportCompleteness } from '../../../shared/contract/report-completeness';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { useApiQuery } from '../../api/use-api';
import { useStoreTime } from '../orders/order-labels';
import './drill.css';

// A contact within the last half day reads as a clock time; older, with its date.
const recentMs = 12 * 3_600_000;

/**
 * "Data complete as of": one line under the span saying whether every record of it is in. Asked
 * again whenever the sync moves (event-bridge.tsx), so it never says "not sent" about sent records.
 */
export function CompletenessLine({ request }: { request: ReportRequest }) {
  const answer = useApiQuery('reports.completeness', request);
  const text = useCompletenessText(answer.data);
  if (!answer.data || !text) return null;
  const { unsentSales, unsentRefunds, link } = answer.data;
  const state = link === 'unpaired' ? 'local' : unsentSales + unsentRefunds > 0 ? 'unsent' : 'complete';
  const icon = {
    local: <DisconnectOutlined />,
    unsent: <CloudUploadOutlined />,
    complete: <CheckCircleOutlined />,
  }[state];
  return (
    <div className={`report-completeness ${state}`} data-testid="report-completeness" data-state={state}>
      {icon} {text}
    </div>
  );
}

function useCompletenessText(answer: ReportCompleteness | undefined): string | null {
  const { t } = useTranslation();
  const { time, dateTime } = useStoreTime();
  if (!answer) return null;
  const at = answer.lastContactAt;
  const contact = at === null ? t('reportData.never') : Date.now() - at < recentMs ? time(at) : dateTime(at);
  const arriving = answer.onlineMayArrive ? ` ${t('reportData.mayArrive')}` : '';
  if (answer.link === 'unpaired') return t('reportData.unpaired', { count: answer.sales });
  if (answer.unsentSales + answer.unsentRefunds === 0) {
    return `${t('reportData.allSent', { count: answer.sales, time: contact })}${arriving}`;
  }
  const sales = t('reportData.sales', { count: answer.unsentSales });
  const refunds = t('reportData.refunds', { count: answer.unsentRefunds });
  const what =
    answer.unsentRefunds === 0 ? sales : answer.unsentSales === 0 ? refunds : t('reportData.both', { sales, refunds });
  const count = answer.unsentSales + answer.unsentRefunds;
  return `${t('reportData.unsent', { what, time: contact, count })}${arriving}`;
}
