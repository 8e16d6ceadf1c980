import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemRow, ItemsReport, SalesReport } from '../../../shared/contract/sales-report';
import { type SourcedDiscount, sourceKey } from '../../../shared/pricing/discount-sources';
import { weekdayName } from '../../../shared/time-format';
import { useDiscountLabel } from '../../components/discount-sources';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { type Compared, campaignColumns, cashierColumns, itemColumns, salesColumns } from './breakdown-columns';
import { BreakdownTable, PrintingContext } from './breakdown-table';
import { type DrillFigure, type DrillFilter, drillSpanOf, useDrill } from './drill-target';
import './reports.css';

type BreakdownTabsProps = { report: SalesReport; items: ItemsReport | undefined; days: { from: string; to: string } };

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Every breakdown of the period, each adding up to the headline net, each exportable as it is shown. */
function useBreakdowns({ report, items, days }: BreakdownTabsProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const discountLabel = useDiscountLabel();
  const money = useMoney();
  const total = report.totals.current.net;
  const compared = report.totals.earlier !== null;
  const file = (what: string) =>
    t(days.from === days.to ? 'salesReport.exportFileDay' : 'salesReport.exportFile', {
      what: t(`salesReport.by.${what}` as 'salesReport.by.channel'),
      ...days,
    });
  const name = (row: ItemRow) => (locale === 'zh-CN' ? row.nameZh : row.nameEn);
  const quantity = (row: ItemRow) => (row.unit === 'kg' ? row.quantity / 1_000 : row.quantity);
  const drill = useDrill();
  const span = report.span;
  /** A row opening its orders: the report's span narrowed by the row's own filter. */
  const opens =
    <R,>(filterOf: (row: R) => DrillFilter, label: (row: R) => string, figure: DrillFigure = 'net') =>
    (row: R) => {
      if (!drill || !span) return;
      const filter = filterOf(row);
      const labels = Object.fromEntries(Object.keys(filter).map((key) => [key, label(row)]));
      drill({ what: label(row), span: drillSpanOf(span), filter, labels, figure });
    };

  /** A breakdown of orders by one of their own fields: sales, share and change per row. */
  const salesTab = <R extends Compared>(
    key: 'channel' | 'hour' | 'weekday',
    rows: R[],
    rowKey: (row: R) => string,
    label: (row: R) => string,
    filterOf: (row: R) => DrillFilter,
  ) => ({
    key,
    children: (
      <BreakdownTable
        rows={rows}
        rowKey={rowKey}
        onOpen={opens(filterOf, label)}
        columns={salesColumns<R>(
          t,
          { key, title: t(`salesReport.column.${key}`), kind: 'text', value: label },
          total,
          compared,
        )}
        fileName={file(key)}
        testId={`report-by-${key}`}
      />
    ),
  });

  const tabs = [
    salesTab(
      'channel',
      report.byChannel,
      (r) => r.channel,
      (r) => t(`orders.channel.${r.channel}`),
      (r) => ({ channel: r.channel }),
    ),
    {
      key: 'method',
      children: (
        <BreakdownTable
          rows={report.byMethod}
          rowKey={(r) => r.method}
          onOpen={opens(
            (r) => ({ method: r.method }),
            (r) => t(`orders.method.${r.method}`),
            'methodAmount',
          )}
          columns={[
            {
              key: 'method',
              title: t('salesReport.column.method'),
              kind: 'text',
              value: (r) => t(`orders.method.${r.method}`),
            },
            { key: 'orders', title: t('salesReport.column.orders'), kind: 'count', value: (r) => r.orders },
            { key: 'amount', title: t('salesReport.column.amount'), kind: 'money', value: (r) => r.amount },
            ...(compared
              ? [
                  {
                    key: 'earlier',
                    title: t('salesReport.column.earlier'),
                    kind: 'money' as const,
                    value: (r: SalesReport['byMethod'][number]) => r.earlierAmount,
                  },
                ]
              : []),
          ]}
          fileName={file('method')}
          note={t('salesReport.methodNote')}
          testId="report-by-method"
        />
      ),
    },
    salesTab(
      'hour',
      report.byHour,
      (r) => String(r.hour),
      (r) => `${pad(r.hour)}–${pad(r.hour + 1)}`,
      (r) => ({ hour: r.hour }),
    ),
    salesTab(
      'weekday',
      report.byWeekday,
      (r) => String(r.weekday),
      (r) => weekdayName(r.weekday, locale),
      (r) => ({ weekday: r.weekday }),
    ),
    {
      key: 'category',
      children: (
        <BreakdownTable
          rows={items?.byCategory ?? []}
          rowKey={(r) => r.id}
          onOpen={opens((r) => ({ categoryId: r.id }), name, 'lines')}
          columns={itemColumns(
            t,
            { key: 'category', title: t('salesReport.column.category'), kind: 'text', value: name },
            total,
            compared,
            (r) => r.quantity,
          )}
          fileName={file('category')}
          note={t('salesReport.categoryNote')}
          testId="report-by-category"
        />
      ),
    },
    {
      key: 'product',
      children: (
        <BreakdownTable
          rows={items?.byProduct ?? []}
          rowKey={(r) => r.id}
          onOpen={opens((r) => ({ productId: r.id }), name, 'lines')}
          columns={itemColumns(
            t,
            { key: 'product', title: t('salesReport.column.product'), kind: 'text', value: name },
            total,
            compared,
            quantity,
          )}
          fileName={file('product')}
          note={t('salesReport.productNote')}
          testId="report-by-product"
        />
      ),
    },
    {
      key: 'cashier',
      children: (
        <BreakdownTable
          rows={report.byCashier}
          rowKey={(r) => r.staffId}
          onOpen={opens(
            (r) => ({ cashierId: r.staffId }),
            (r) => r.name,
          )}
          columns={cashierColumns(t, total)}
          fileName={file('cashier')}
          note={t('salesReport.cashierNote')}
          testId="report-by-cashier"
        />
      ),
    },
    {
      key: 'campaign',
      children: (
        <BreakdownTable
          rows={report.campaigns.campaigns}
          rowKey={(r) => String(r.campaignId)}
          onOpen={opens(
            (r) => ({ campaignId: r.campaignId }),
            (r) => (r.campaignId === 0 ? t('salesReport.unknownCampaign') : r.name),
            'couponDiscount',
          )}
          columns={campaignColumns(t, (r) => (r.campaignId === 0 ? t('salesReport.unknownCampaign') : r.name))}
          fileName={file('campaign')}
          note={t('salesReport.campaignNote', {
            orders: report.campaigns.withoutCoupon.orders,
            ticket: money(report.campaigns.withoutCoupon.averageTicket),
          })}
          emptyText={t('salesReport.noCoupons')}
          testId="report-by-campaign"
        />
      ),
    },
    {
      key: 'discount',
      children: (
        <BreakdownTable<SourcedDiscount>
          rows={report.discountsBySource}
          rowKey={sourceKey}
          columns={[
            { key: 'source', title: t('salesReport.column.source'), kind: 'text', value: discountLabel },
            { key: 'amount', title: t('salesReport.column.amount'), kind: 'money', value: (r) => r.amount },
          ]}
          fileName={file('discount')}
          emptyText={t('salesReport.noDiscounts')}
          testId="report-by-discount"
        />
      ),
    },
  ] as const;
  return tabs.map((tab) => ({ key: tab.key, label: t(`salesReport.by.${tab.key}`), children: tab.children }));
}

export function BreakdownTabs(props: BreakdownTabsProps) {
  return <Tabs className="breakdown-tabs" items={useBreakdowns(props)} data-testid="report-breakdowns" />;
}

/** Every breakdown one after another, each as a plain table of all its rows: the printed report. */
export function BreakdownSections(props: BreakdownTabsProps) {
  const sections = useBreakdowns(props);
  return (
    <PrintingContext.Provider value={true}>
      {sections.map((section) => (
        <section key={section.key} className="print-section">
          <h3>{section.label}</h3>
          {section.children}
        </section>
      ))}
    </PrintingContext.Provider>
  );
}
