import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackReport, FeedbackRow, NpsFigures } from '../../../shared/contract/feedback';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { usePermission } from '../../hooks/use-permission';
import { OrderDetailDrawer } from '../orders/order-detail-drawer';
import { useStoreTime } from '../orders/order-labels';
import { BreakdownTable } from './breakdown-table';
import { FollowUpDialog } from './follow-up-dialog';
import { PeriodPicker, requestedDays } from './period-picker';
import { SpanLine } from './span-line';
import './reports.css';

type ScoreRow = { score: number; answers: number; shareBp: number };

/**
 * What customers said on the receipt's rating page: NPS for the period against the compared one,
 * how many answered (flagged when too few to act on), the 0–10 distribution, and the detractors for
 * the manager to follow up, each opening its receipt when the sale was made at this till.
 */
export function FeedbackView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const { dateTime } = useStoreTime();
  const canFollowUp = usePermission('feedback.followUp') === 'allow';
  const [request, setRequest] = useState<ReportRequest>({
    period: 'week',
    firstDay: store.businessDay,
    comparison: 'previous_period',
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [following, setFollowing] = useState<FeedbackRow | null>(null);
  const query = useApiQuery('reports.feedback', request, { placeholderData: keepPreviousData });
  const report = query.data;
  const days = requestedDays(request);
  const file = (what: string) =>
    t(days.from === days.to ? 'feedbackReport.fileDay' : 'feedbackReport.file', { what, ...days });
  const scores: ScoreRow[] = report
    ? report.distribution.map((answers, score) => ({
        score,
        answers,
        shareBp: report.current.answers === 0 ? 0 : Math.round((answers * 10_000) / report.current.answers),
      }))
    : [];
  const orderText = (row: FeedbackRow) =>
    row.order ? `${row.order.number} · ${row.order.deviceCode}` : t('feedbackReport.orderPending');

  return (
    <>
      <div className="toolbar report-toolbar">
        <PeriodPicker value={request} onChange={setRequest} today={store.businessDay} />
        {query.isFetching ? <Spin size="small" /> : null}
      </div>
      {report ? <SpanLine report={report} scope={t('feedbackReport.scope')} /> : null}
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" /> : null}
      {report ? (
        <div className="report-body" data-testid="feedback-report">
          <NpsCards report={report} />
          <Card size="small" title={t('feedbackReport.distribution')} className="report-card">
            <BreakdownTable
              rows={scores}
              rowKey={(r) => String(r.score)}
              columns={[
                { key: 'score', title: t('feedbackReport.column.score'), kind: 'count', value: (r) => r.score },
                {
                  key: 'band',
                  title: t('feedbackReport.column.band'),
                  kind: 'text',
                  value: (r) =>
                    t(`feedbackReport.band.${r.score >= 9 ? 'promoter' : r.score >= 7 ? 'passive' : 'detractor'}`),
                },
                { key: 'answers', title: t('feedbackReport.column.answers'), kind: 'count', value: (r) => r.answers },
                {
                  key: 'share',
                  title: t('feedbackReport.column.share'),
                  kind: 'percent',
                  value: (r) => r.shareBp,
                  render: (r) => <ShareBar shareBp={r.shareBp} score={r.score} />,
                },
              ]}
              fileName={file(t('feedbackReport.distribution'))}
              testId="feedback-distribution"
            />
          </Card>
          <Card size="small" title={t('feedbackReport.detractors')} className="report-card">
            <BreakdownTable
              rows={report.detractors}
              rowKey={(r) => r.orderId}
              columns={[
                {
                  key: 'when',
                  title: t('feedbackReport.column.when'),
                  kind: 'text',
                  value: (r) => dateTime(r.answeredAt),
                },
                { key: 'score', title: t('feedbackReport.column.score'), kind: 'count', value: (r) => r.score },
                { key: 'comment', title: t('feedbackReport.column.comment'), kind: 'text', value: (r) => r.comment },
                { key: 'order', title: t('feedbackReport.column.order'), kind: 'text', value: orderText },
                {
                  key: 'channel',
                  title: t('feedbackReport.column.channel'),
                  kind: 'text',
                  value: (r) => (r.order ? t(`orders.channel.${r.order.channel}`) : '—'),
                },
                {
                  key: 'cashier',
                  title: t('feedbackReport.column.cashier'),
                  kind: 'text',
                  value: (r) => r.order?.cashierName ?? '—',
                },
                {
                  key: 'followUp',
                  title: t('feedbackReport.column.followUp'),
                  kind: 'text',
                  value: (r) =>
                    r.followUp
                      ? t('feedbackReport.followedUp', {
                          by: r.followUp.by,
                          at: dateTime(r.followUp.at),
                          note: r.followUp.note,
                        })
                      : '',
                  render: (r) => <FollowUpCell row={r} canFollowUp={canFollowUp} onFollowUp={() => setFollowing(r)} />,
                },
              ]}
              fileName={file(t('feedbackReport.detractors'))}
              emptyText={t('feedbackReport.noDetractors')}
              note={t('feedbackReport.detractorsNote')}
              testId="feedback-detractors"
              onOpen={(row) => (row.onThisTill ? setOpenId(row.orderId) : undefined)}
            />
          </Card>
        </div>
      ) : query.isPending ? (
        <Spin className="drawer-spin" />
      ) : null}
      <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} />
      {following ? <FollowUpDialog row={following} onClose={() => setFollowing(null)} /> : null}
    </>
  );
}

function NpsCards({ report }: { report: FeedbackReport }) {
  const { t } = useTranslation();
  const { current, earlier } = report;
  const nps = (figures: NpsFigures | null) => (figures?.nps === null || !figures ? '—' : signed(figures.nps));
  const change = current.nps !== null && earlier?.nps != null ? current.nps - earlier.nps : null;
  return (
    <div className="figures" data-testid="feedback-headlines">
      <Card size="small" className="figure lead" data-testid="feedback-nps">
        <div className="figure-label">{t('feedbackReport.nps')}</div>
        <div className="figure-value" data-testid="feedback-nps-value">
          {nps(current)}
        </div>
        {earlier ? (
          <div
            className={change === null || change === 0 ? 'change' : `change ${change > 0 ? 'good' : 'bad'}`}
            data-testid="feedback-nps-change"
          >
            {change === null ? null : change === 0 ? t('salesReport.noChange') : signed(change)}
            <span className="change-earlier">
              {change === null ? '' : ' · '}
              {t('salesReport.versus', { earlier: nps(earlier) })}
            </span>
          </div>
        ) : null}
        <div className="figure-note">{t('feedbackReport.npsNote')}</div>
      </Card>
      <Card size="small" className="figure" data-testid="feedback-answers">
        <div className="figure-label">{t('feedbackReport.answers')}</div>
        <div className="figure-value" data-testid="feedback-answers-value">
          {current.answers}
        </div>
        {current.fewAnswers ? (
          <Tag color="warning" data-testid="feedback-few">
            {t('feedbackReport.fewAnswers', { count: report.reliableAnswers })}
          </Tag>
        ) : null}
        {earlier ? (
          <div className="change">
            <span className="change-earlier">{t('salesReport.versus', { earlier: earlier.answers })}</span>
          </div>
        ) : null}
      </Card>
      <Card size="small" className="figure" data-testid="feedback-bands">
        <div className="figure-label">{t('feedbackReport.bands')}</div>
        <div className="figure-value">
          {current.promoters} / {current.passives} / {current.detractors}
        </div>
        <div className="figure-note">{t('feedbackReport.bandsNote')}</div>
      </Card>
    </div>
  );
}

/** A point count with its sign, and a true minus as the amounts have. */
function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

function ShareBar({ shareBp, score }: { shareBp: number; score: number }) {
  const band = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  return (
    <span className="share-cell">
      <span className={`share-bar ${band}`} style={{ width: `${shareBp / 100}%` }} />
      <span className="share-text">{(shareBp / 100).toFixed(1)}%</span>
    </span>
  );
}

function FollowUpCell({
  row,
  canFollowUp,
  onFollowUp,
}: {
  row: FeedbackRow;
  canFollowUp: boolean;
  onFollowUp(): void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useStoreTime();
  const action = canFollowUp ? (
    <Button
      size="small"
      onClick={(event) => {
        event.stopPropagation();
        onFollowUp();
      }}
      data-testid="feedback-follow-up"
    >
      {t(row.followUp ? 'feedbackReport.followUp.reopen' : 'feedbackReport.followUp.mark')}
    </Button>
  ) : null;
  return (
    <span className="follow-up-cell">
      {row.followUp ? (
        <Tag color="success" data-testid="feedback-followed-up">
          {t('feedbackReport.followedUpShort', { by: row.followUp.by, at: dateTime(row.followUp.at) })}
        </Tag>
      ) : null}
      {action}
    </span>
  );
}
