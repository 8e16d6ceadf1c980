import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberReportView, PointsLiabilityView } from '../../../shared/contract/member-report';
import { useStoreTime } from '../orders/order-labels';

type SourceLineProps = {
  view: MemberReportView | PointsLiabilityView;
  onRetry(): void;
  /** Whose words: the member figures' or the points liability's (the reasons are the same). */
  words?: 'memberReport' | 'pointsLiability';
  testId?: string;
};

/** Where the figures came from and when, or why they could not be fetched and what is shown instead. */
export function SourceLine({ view, onRetry, words = 'memberReport', testId = 'member-report' }: SourceLineProps) {
  const { t } = useTranslation();
  const { dateTime } = useStoreTime();
  if (view.status === 'fetched') {
    return (
      <div className="report-span" data-testid={`${testId}-source`}>
        {t(`${words}.fetched`, { at: dateTime(view.fetchedAt) })}
      </div>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      className="screen-note"
      data-testid={`${testId}-unavailable`}
      title={t(`${words}.unavailableTitle`)}
      description={
        <>
          <div>
            {view.reason === 'not_paired'
              ? t('memberReport.notPaired')
              : view.reason === 'unreachable'
                ? t('memberReport.offline')
                : view.message}
          </div>
          <div>
            {view.last ? t(`${words}.lastFetched`, { at: dateTime(view.last.fetchedAt) }) : t(`${words}.neverFetched`)}
          </div>
        </>
      }
      action={
        view.reason === 'not_paired' ? null : (
          <Button size="small" onClick={onRetry} data-testid={`${testId}-retry`}>
            {t('memberReport.retry')}
          </Button>
        )
      }
    />
  );
}
