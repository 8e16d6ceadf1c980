import { App, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { createContext, type HTMLAttributes, type KeyboardEvent, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../shared/money';
import { useStoreInfo } from '../../app/store-provider';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { ExportButtons } from './export-buttons';
import { usePercent } from './headline-figures';
import { PrintTable } from './print-table';
import { exportCsv, exportXlsx } from './report-export';
import './reports.css';

/** How a column's value reads on screen and in the export: the export keeps numbers as numbers. */
export type ColumnKind = 'text' | 'count' | 'money' | 'signedMoney' | 'percent' | 'change';

export type BreakdownColumn<R> = {
  key: string;
  title: string;
  kind: ColumnKind;
  /** Minor units for money, basis points for a percentage, null where there is nothing to show. */
  value(row: R): string | number | null;
  /** On screen only, when the plain value is not enough (a bar under a share). */
  render?(row: R): ReactNode;
  width?: number;
};

type BreakdownTableProps<R> = {
  rows: R[];
  rowKey(row: R): string;
  columns: BreakdownColumn<R>[];
  /** The file's name, without the extension's worries: the store's language and the period's days. */
  fileName: string;
  note?: string;
  /** What an empty table says; "no sales in this period" unless the rows are something else. */
  emptyText?: string;
  testId: string;
  /** Opens the orders behind a row (drill-target.ts); rows do not open without it. */
  onOpen?(row: R): void;
};

function useShow() {
  const money = useMoney();
  const { locale } = useLocale();
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percent = usePercent();
  const share = usePercent(false);
  return (kind: ColumnKind, value: string | number | null): string => {
    if (value === null) return '—';
    if (typeof value === 'string') return value;
    switch (kind) {
      case 'money':
        return money(value as Money);
      case 'signedMoney':
        return value > 0
          ? `+${money(value as Money)}`
          : value < 0
            ? `−${money(Math.abs(value) as Money)}`
            : money(0 as Money);
      case 'percent':
        return share(value);
      case 'change':
        return percent(value);
      case 'count':
        return counts.format(value);
      case 'text':
        return String(value);
    }
  };
}

/** Inside the printed report: every table plain, with all its rows and no buttons. */
export const PrintingContext = createContext(false);

/** A breakdown as a table, with an export of exactly these rows and columns (not a page of them). */
export function BreakdownTable<R extends object>({
  rows,
  rowKey,
  columns,
  fileName,
  note,
  emptyText,
  testId,
  onOpen,
}: BreakdownTableProps<R>) {
  const { t } = useTranslation();
  const show = useShow();
  const exponent = useStoreInfo().currencyExponent;
  const printing = useContext(PrintingContext);
  const { message } = App.useApp();
  const tableColumns: ColumnsType<R> = columns.map((column) => ({
    key: column.key,
    title: column.title,
    align: column.kind === 'text' ? undefined : 'right',
    width: column.width,
    render: (_, row) => column.render?.(row) ?? show(column.kind, column.value(row)),
  }));

  const exportAs = (format: 'csv' | 'xlsx') => {
    const what = { columns, rows, fileName, exponent };
    if (format === 'csv') exportCsv(what);
    else exportXlsx(what).catch(() => message.error(t('salesReport.exportFailed')));
  };

  if (printing) {
    return (
      <div className="breakdown">
        {note ? <p className="breakdown-note">{note}</p> : null}
        <PrintTable
          rows={rows}
          rowKey={rowKey}
          columns={columns}
          show={(column, row) => show(column.kind, column.value(row))}
        />
      </div>
    );
  }

  return (
    <div className="breakdown">
      <div className="breakdown-bar">
        {note ? <span className="breakdown-note">{note}</span> : <span />}
        <ExportButtons disabled={rows.length === 0} testId={testId} onExport={exportAs} />
      </div>
      <Table<R>
        rowKey={rowKey}
        size="small"
        columns={tableColumns}
        dataSource={rows}
        // Long lists (a big catalogue's products) are paged on screen; the export takes every row.
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyText ?? t('salesReport.noSales') }}
        onRow={
          onOpen
            ? (row) =>
                ({
                  tabIndex: 0,
                  className: 'drill-row',
                  title: t('drill.open'),
                  'data-testid': `${testId}-row`,
                  onClick: () => onOpen(row),
                  onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
                    if (event.key === 'Enter') onOpen(row);
                  },
                }) as HTMLAttributes<HTMLElement>
            : undefined
        }
        data-testid={testId}
      />
    </div>
  );
}
