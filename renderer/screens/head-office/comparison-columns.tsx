import { useTranslation } from 'react-i18next';
import type { FranchiseComparison } from '../../../shared/contract/head-office';
import { asMoney, formatMoney } from '../../../shared/money';
import type { FranchiseFigures, StoreComparison } from '../../../shared/platform-api/franchise';
import { change } from '../../../shared/reports/figures';
import { LOSS_SIGNALS, type LossSignal, type LossSignalKey } from '../../../shared/reports/loss-signals';
import { useLocale } from '../../i18n/use-locale';
import type { BreakdownColumn } from '../reports/breakdown-table';
import { usePercent } from '../reports/headline-figures';

/** A store's line (all channels) or one of its channels, now and in the compared span. */
export type SalesRow = {
  key: string;
  store: string;
  channel: string;
  currency: string;
  current: FranchiseFigures;
  compared: FranchiseFigures | null;
  total: boolean;
};

export function useSalesRows(answer: FranchiseComparison | undefined): SalesRow[] {
  const { t } = useTranslation();
  return (answer?.stores ?? []).flatMap((store) => [
    {
      key: store.storeId,
      store: store.name,
      channel: t('headOffice.compare.allChannels'),
      currency: store.currency,
      current: store.current,
      compared: store.compared,
      total: true,
    },
    ...store.channels.map((channel) => ({
      key: `${store.storeId}:${channel.channel}`,
      store: store.name,
      channel: t(`orders.channel.${channel.channel}`),
      currency: store.currency,
      current: channel.current,
      compared: channel.compared,
      total: false,
    })),
  ]);
}

type Figure = 'orders' | 'net' | 'discount' | 'refunded' | 'netAfterRefunds' | 'averageTicket';

export function useSalesColumns(compared: boolean): BreakdownColumn<SalesRow>[] {
  const { t } = useTranslation();
  const figure = (key: Figure): BreakdownColumn<SalesRow> => ({
    key,
    title: t(`headOffice.figures.${key}`),
    kind: key === 'orders' ? 'count' : 'money',
    value: (row) => row.current[key],
  });
  const comparedFigure = (key: Figure): BreakdownColumn<SalesRow>[] =>
    compared
      ? [
          {
            key: `${key}-compared`,
            title: t('headOffice.compare.compared', { figure: t(`headOffice.figures.${key}`) }),
            kind: key === 'orders' ? 'count' : 'money',
            value: (row) => row.compared?.[key] ?? null,
          },
          {
            key: `${key}-change`,
            title: t('headOffice.compare.change', { figure: t(`headOffice.figures.${key}`) }),
            kind: 'change',
            value: (row) => (row.compared ? change(row.current[key], row.compared[key]).percentBp : null),
          },
        ]
      : [];
  return [
    { key: 'store', title: t('headOffice.store'), kind: 'text', value: (row) => row.store },
    { key: 'channel', title: t('headOffice.compare.channel'), kind: 'text', value: (row) => row.channel },
    figure('orders'),
    ...comparedFigure('orders'),
    figure('net'),
    ...comparedFigure('net'),
    figure('discount'),
    figure('refunded'),
    figure('netAfterRefunds'),
    figure('averageTicket'),
  ];
}

/** A store's row of the loss table, or the franchise median's. */
export type LossRow = { key: string; store: string; currency: string; signals: LossSignal[] | null };

export function lossRows(answer: FranchiseComparison | undefined, medianLabel: string): LossRow[] {
  const stores: StoreComparison[] = answer?.stores ?? [];
  const rows: LossRow[] = stores.map((store) => ({
    key: store.storeId,
    store: store.name,
    currency: store.currency,
    signals: store.signals,
  }));
  return stores.length > 1 ? [...rows, { key: 'median', store: medianLabel, currency: '', signals: null }] : rows;
}

/** On screen and on paper: each signal's rate, what it counts and its amount; the median row its rates. */
export function useLossColumns(answer: FranchiseComparison | undefined): BreakdownColumn<LossRow>[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const share = usePercent(false);
  const medianOf = (key: LossSignalKey) => answer?.stores[0]?.signals.find((s) => s.key === key)?.medianBp ?? null;
  const parts = (row: LossRow, key: LossSignalKey) => {
    if (row.signals === null) {
      const median = medianOf(key);
      return { rate: median === null ? '—' : share(median), detail: '', flagged: false };
    }
    const signal = row.signals.find((s) => s.key === key);
    if (!signal) return { rate: '—', detail: '', flagged: false };
    const amount =
      signal.amount === null ? '' : ` · ${formatMoney(asMoney(signal.amount), row.currency, locale).replace('-', '−')}`;
    return {
      rate: `${signal.rateBp === null ? '—' : share(signal.rateBp)}${signal.flagged ? ' ⚑' : ''}`,
      detail: `(${signal.count}${amount})`,
      flagged: signal.flagged,
    };
  };
  return [
    { key: 'store', title: t('headOffice.store'), kind: 'text', value: (row) => row.store },
    ...LOSS_SIGNALS.map(
      (key): BreakdownColumn<LossRow> => ({
        key,
        title: `${t(`headOffice.signals.${key}`)} (${t(`headOffice.signalBase.${key}`)})`,
        kind: 'text',
        value: (row) => {
          const { rate, detail } = parts(row, key);
          return detail ? `${rate} ${detail}` : rate;
        },
        render: (row) => {
          const { rate, detail, flagged } = parts(row, key);
          return (
            <span className={flagged ? 'loss-flagged' : undefined} data-testid={flagged ? 'loss-flagged' : undefined}>
              <span className="loss-rate">{rate}</span>
              {detail ? <span className="loss-detail">{detail}</span> : null}
            </span>
          );
        },
      }),
    ),
  ];
}

/** One row per store and signal, numbers as numbers: what the loss table exports. */
export type LossLine = { store: string; signal: string; signalKey: LossSignalKey; currency: string } & LossSignal;

export function useLossExport(answer: FranchiseComparison | undefined): {
  rows: LossLine[];
  columns: BreakdownColumn<LossLine>[];
} {
  const { t } = useTranslation();
  const rows = (answer?.stores ?? []).flatMap((store) =>
    store.signals.map((signal) => ({
      ...signal,
      store: store.name,
      signal: t(`headOffice.signals.${signal.key}`),
      signalKey: signal.key,
      currency: store.currency,
    })),
  );
  const columns: BreakdownColumn<LossLine>[] = [
    { key: 'store', title: t('headOffice.store'), kind: 'text', value: (row) => row.store },
    { key: 'signal', title: t('headOffice.compare.signal'), kind: 'text', value: (row) => row.signal },
    { key: 'count', title: t('headOffice.compare.count'), kind: 'count', value: (row) => row.count },
    { key: 'amount', title: t('headOffice.compare.amount'), kind: 'signedMoney', value: (row) => row.amount },
    { key: 'currency', title: t('headOffice.compare.currency'), kind: 'text', value: (row) => row.currency },
    { key: 'rate', title: t('headOffice.compare.rate'), kind: 'percent', value: (row) => row.rateBp },
    { key: 'median', title: t('headOffice.compare.medianRate'), kind: 'percent', value: (row) => row.medianBp },
    {
      key: 'flag',
      title: t('headOffice.compare.flag'),
      kind: 'text',
      value: (row) => (row.flagged ? t('headOffice.compare.flagged') : ''),
    },
  ];
  return { rows, columns };
}
