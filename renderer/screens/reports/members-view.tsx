import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { type MemberReport, memberShareBp, repeatRateBp } from '../../../shared/members/segment-wire';
import type { Money } from '../../../shared/money';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useMoney } from '../../hooks/use-money';
import { useStoreTime } from '../orders/order-labels';
import { usePercent } from './headline-figures';
import { MemberReportTables } from './member-report-tables';
import { PeriodPicker, requestedDays } from './period-picker';
import { SourceLine } from './platform-source-line';
import { PointsLiabilityCard } from './points-liability-card';
import './reports.css';

/**
 * Members over the period, computed on the platform from every channel and till of the store:
 * members who bought, new and returning, the repeat-purchase rate, members' share of sales, the
 * value × recency grid and retention by first-purchase month. Offline it says the figures need the
 * platform and shows them as last fetched, with when (in the screen's words, so a language switch
 * reads right; the platform's own refusal as it came).
 */
export function MembersView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const { dateTime } = useStoreTime();
  const [request, setRequest] = useState<ReportRequest>({
    period: 'month',
    firstDay: store.businessDay,
    comparison: null,
  });
  const query = useApiQuery('reports.members', request, { placeholderData: keepPreviousData });
  const view = query.data;
  const days = requestedDays(request);
  const file = (what: string) =>
    t(days.from === days.to ? 'memberReport.fileDay' : 'memberReport.file', { what, ...days });
  const shown = view ? (view.status === 'fetched' ? view : view.last) : null;

  return (
    <>
      <div className="toolbar report-toolbar">
        <PeriodPicker
          value={{ ...request, comparison: null }}
          onChange={(next) => setRequest({ ...next, comparison: null })}
          today={store.businessDay}
        />
        {query.isFetching ? <Spin size="small" /> : null}
      </div>
      {view ? <SourceLine view={view} onRetry={() => query.refetch()} /> : null}
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" /> : null}
      {shown ? (
        <div className="report-body" data-testid="member-report">
          <div className="report-span">
            {t('memberReport.scope')} ·{' '}
            {shown.report.scoredAt === null
              ? t('memberReport.notScored')
              : t('memberReport.scored', { at: dateTime(shown.report.scoredAt) })}
          </div>
          <PeriodCards report={shown.report} />
          <MemberReportTables report={shown.report} file={file} />
        </div>
      ) : query.isPending ? (
        <Spin className="drawer-spin" />
      ) : null}
      <div className="report-body">
        <PointsLiabilityCard request={request} />
      </div>
    </>
  );
}

function PeriodCards({ report }: { report: MemberReport }) {
  const { t } = useTranslation();
  const money = useMoney();
  const share = usePercent(false);
  const { period } = report;
  const repeat = repeatRateBp(period);
  const memberShare = memberShareBp(period);
  return (
    <div className="figures" data-testid="member-figures">
      <Card size="small" className="figure lead" data-testid="member-count">
        <div className="figure-label">{t('memberReport.members')}</div>
        <div className="figure-value">{period.members}</div>
        <div className="figure-note">{t('memberReport.membersNote')}</div>
      </Card>
      <Card size="small" className="figure" data-testid="member-new-returning">
        <div className="figure-label">{t('memberReport.newReturning')}</div>
        <div className="figure-value">
          {period.newMembers} / {period.returningMembers}
        </div>
        <div className="figure-note">{t('memberReport.newReturningNote')}</div>
      </Card>
      <Card size="small" className="figure" data-testid="member-repeat-rate">
        <div className="figure-label">{t('memberReport.repeatRate')}</div>
        <div className="figure-value">{repeat === null ? '—' : share(repeat)}</div>
        <div className="figure-note">
          {t('memberReport.repeatRateNote', { repeat: period.repeatMembers, members: period.members })}
        </div>
      </Card>
      <Card size="small" className="figure" data-testid="member-share">
        <div className="figure-label">{t('memberReport.share')}</div>
        <div className="figure-value">{memberShare === null ? '—' : share(memberShare)}</div>
        <div className="figure-note">
          {t('memberReport.shareNote', {
            memberSales: money(period.memberSales as Money),
            storeSales: money(period.storeSales as Money),
          })}
        </div>
      </Card>
    </div>
  );
}
