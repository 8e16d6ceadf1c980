import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../shared/contract/reports';
import { asMoney } from '../../../shared/money';
import { useStoreInfo } from '../../app/store-provider';
import { useMoney } from '../../hooks/use-money';
import './reports.css';

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Net sales per clock hour as 24 bars, starting at the store's day cut-off so the business day reads
 * left to right. The bars are for the eye; a table beside them carries the same figures for screen
 * readers.
 */
export function HourlyBars({ byHour }: { byHour: DaySummary['byHour'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { dayCutoffHour } = useStoreInfo();
  const hours = Array.from({ length: 24 }, (_, index) => (dayCutoffHour + index) % 24);
  const byClock = new Map(byHour.map((row) => [row.hour, row]));
  const max = Math.max(0, ...byHour.map((row) => row.net));
  const peak = byHour.find((row) => row.net === max && max > 0)?.hour;
  const describe = (hour: number) => {
    const row = byClock.get(hour);
    return t('reports.hourBar', {
      from: hourLabel(hour),
      to: hourLabel((hour + 1) % 24),
      orders: row?.orders ?? 0,
      net: money(asMoney(row?.net ?? 0)),
    });
  };

  return (
    <figure className="hourly" data-testid="report-hourly">
      <div className="hourly-plot" aria-hidden="true">
        {hours.map((hour) => {
          const net = byClock.get(hour)?.net ?? 0;
          const height = max > 0 ? Math.max(net > 0 ? 2 : 0, Math.round((net / max) * 100)) : 0;
          return (
            <div key={hour} className="hourly-col" title={describe(hour)}>
              <div className="hourly-track">
                <div
                  className={hour === peak ? 'hourly-bar peak' : 'hourly-bar'}
                  style={{ height: `${height}%` }}
                  data-testid={net > 0 ? 'hour-bar' : undefined}
                />
              </div>
              <span className="hourly-label">{hour % 3 === 0 ? String(hour).padStart(2, '0') : ''}</span>
            </div>
          );
        })}
      </div>
      <figcaption className="muted hourly-caption">
        {peak === undefined ? t('reports.noSales') : t('reports.peak', { hour: describe(peak) })}
      </figcaption>
      <table className="sr-only">
        <caption>{t('reports.byHour')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.hour')}</th>
            <th scope="col">{t('reports.orders')}</th>
            <th scope="col">{t('reports.net')}</th>
          </tr>
        </thead>
        <tbody>
          {byHour.map((row) => (
            <tr key={row.hour}>
              <th scope="row">{hourLabel(row.hour)}</th>
              <td>{row.orders}</td>
              <td>{money(row.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
