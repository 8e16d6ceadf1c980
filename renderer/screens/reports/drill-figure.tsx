import { useTranslation } from 'react-i18next';
import type { DrillSums } from '../../../shared/contract/order-drill';
import type { Money } from '../../../shared/money';
import { salesFigures, shareBp } from '../../../shared/reports/figures';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import type { DrillTarget } from './drill-target';
import { usePercent } from './headline-figures';

/** The report's figures from a drill-down's sums, by the same definitions as the cards (figures.ts). */
function figuresOf(sums: DrillSums) {
  return salesFigures({ ...sums, costedNet: sums.cost?.costedNet ?? 0, cost: sums.cost?.cost ?? 0 });
}

/**
 * How a figure that is not a plain sum is made from the orders below: the average ticket is their
 * net over their count, the margin their costed lines' net less that cost, with the net of the
 * lines without a cost said apart (they are left out, not counted as pure profit).
 */
export function DrillFormula({ target, sums }: { target: DrillTarget; sums: DrillSums }) {
  const { t } = useTranslation();
  const money = useMoney();
  const percent = usePercent(false);
  const { locale } = useLocale();
  const made = figuresOf(sums);
  const amount = (value: number) => money(value as Money);
  if (target.figure === 'averageTicket') {
    return (
      <div className="drill-formula" data-testid="drill-formula">
        {t('drill.formula.averageTicket', {
          net: amount(made.net),
          orders: new Intl.NumberFormat(locale).format(made.orders),
          ticket: amount(made.averageTicket),
        })}
      </div>
    );
  }
  if (target.figure !== 'margin') return null;
  const uncosted = made.net - made.costedNet;
  const uncostedShare = shareBp(uncosted, made.net);
  return (
    <div className="drill-formula" data-testid="drill-formula">
      <div>
        {made.margin.percentBp === null
          ? t('drill.formula.marginNone')
          : t('drill.formula.margin', {
              costedNet: amount(made.costedNet),
              cost: amount(made.cost),
              margin: amount(made.margin.amount),
              percent: percent(made.margin.percentBp),
            })}
      </div>
      {uncosted !== 0 && uncostedShare !== null ? (
        <div className="drill-formula-note" data-testid="drill-formula-uncosted">
          {t('drill.formula.uncosted', { amount: amount(uncosted), share: percent(uncostedShare) })}
        </div>
      ) : null}
    </div>
  );
}

/** The sums of every page: the opened figure first, then the orders and their net. */
export function DrillFooter({ target, sums }: { target: DrillTarget; sums: DrillSums }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { locale } = useLocale();
  const made = figuresOf(sums);
  const figure = (() => {
    switch (target.figure) {
      case 'methodAmount':
        return t('drill.footer.methodAmount', {
          method: target.labels.method ?? '',
          amount: money(sums.methodAmount ?? sums.net),
        });
      case 'lines':
        return t('drill.footer.lines', {
          quantity: new Intl.NumberFormat(locale).format(sums.lines?.quantity ?? 0),
          amount: money(sums.lines?.net ?? sums.net),
        });
      case 'couponDiscount':
        return t('drill.footer.couponDiscount', { amount: money(sums.couponDiscount ?? sums.discount) });
      case 'gross':
        return t('drill.footer.gross', { amount: money(sums.gross) });
      case 'discount':
        return t('drill.footer.discount', { amount: money(sums.discount) });
      case 'refunded':
        return t('drill.footer.refunded', { amount: money(sums.refunded) });
      case 'averageTicket':
        return t('drill.footer.averageTicket', { amount: money(made.averageTicket as Money) });
      case 'margin':
        return t('drill.footer.margin', { amount: money(made.margin.amount as Money) });
      case 'net':
        return null;
    }
  })();
  return (
    <div className="drill-footer" data-testid="drill-footer">
      {figure ? (
        <strong className="drill-figure" data-testid="drill-footer-figure">
          {figure}
        </strong>
      ) : null}
      <span data-testid="drill-footer-orders">{t('drill.footer.orders', { count: sums.orders })}</span>
      <span className={figure ? undefined : 'drill-figure'} data-testid="drill-footer-net">
        {t('drill.footer.net', { amount: money(sums.net) })}
      </span>
    </div>
  );
}
