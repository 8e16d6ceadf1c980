import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatStockQuantity, type StockUnit } from '../../app/stock-quantity';
import { useLocale } from '../../i18n/use-locale';

/** A quantity of a ledger in its unit (kg with its sign), and a change with + or −. */
export function useStockChange(unit: StockUnit) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const amount = (value: number) =>
    `${formatStockQuantity(value, unit, locale)}${unit === 'kg' ? ` ${t('stock.kg')}` : ''}`;
  const signed = (value: number) => (value > 0 ? `+${amount(value)}` : value < 0 ? `−${amount(-value)}` : amount(0));
  return { amount, signed };
}

type StockLedgerTableProps<R> = {
  rows: R[];
  columns: ColumnsType<R>;
  loading: boolean;
  emptyText: string;
  testId: string;
  more: { has: boolean; loading: boolean; load(): void };
};

/** A ledger, newest first, with older movements a page at a time: a store's at its till, or at head office. */
export function StockLedgerTable<R extends { id: string }>(props: StockLedgerTableProps<R>) {
  const { rows, columns, loading, emptyText, testId, more } = props;
  const { t } = useTranslation();
  return (
    <>
      <Table<R>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText }}
        data-testid={`${testId}-table`}
      />
      {more.has ? (
        <div className="pager">
          <Button onClick={more.load} loading={more.loading} data-testid={`${testId}-more`}>
            {t('stock.history.older')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
