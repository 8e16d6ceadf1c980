import { App, Table } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { asMoney, currencyExponent, formatMoney } from '../../../shared/money';
import { useLocale } from '../../i18n/use-locale';
import { type BreakdownColumn, type ColumnKind, PrintingContext } from '../reports/breakdown-table';
import { ExportButtons } from '../reports/export-buttons';
import { usePercent } from '../reports/headline-figures';
import { PrintTable } from '../reports/print-table';
import { exportCsv, exportXlsx } from '../reports/report-export';

type FranchiseTableProps<R> = {
  rows: R[];
  rowKey(row: R): string;
  columns: BreakdownColumn<R>[];
  /** Each row's money is in its store's currency. */
  currency(row: R): string;
  /** What the export takes, when it is not the rows on screen (the loss table exports one row per signal). */
  exported?: { rows: unknown[]; columns: BreakdownColumn<unknown>[]; currency: string };
  fileName: string;
  testId: string;
  rowClassName?(row: R): string;
};

function useShow() {
  const { locale } = useLocale();
  const change = usePercent();
  const share = usePercent(false);
  const counts = new Intl.NumberFormat(locale);
  return (kind: ColumnKind, value: string | number | null, currency: string): string => {
    if (value === null) return '—';
    if (typeof value === 'string') return value;
    switch (kind) {
      case 'money':
      case 'signedMoney':
        return formatMoney(asMoney(value), currency, locale).replace('-', '−');
      case 'percent':
        return share(value);
      case 'change':
        return change(value);
      case 'count':
        return counts.format(value);
      case 'text':
        return String(value);
    }
  };
}

/**
 * A head-office table, with CSV and Excel export of every row like the store reports' tables
 * (report-export.ts); plain, with no buttons, inside the printed comparison. Unlike those it
 * needs no store of this install: a console has none, and each row's store names its currency.
 */
export function FranchiseTable<R extends object>(props: FranchiseTableProps<R>) {
  const { rows, rowKey, columns, currency, exported, fileName, testId, rowClassName } = props;
  const { t } = useTranslation();
  const show = useShow();
  const printing = useContext(PrintingContext);
  const { message } = App.useApp();
  const cell = (column: BreakdownColumn<R>, row: R) =>
    column.render?.(row) ?? show(column.kind, column.value(row), currency(row));

  const exportAs = (format: 'csv' | 'xlsx') => {
    const what = exported ?? { rows, columns: columns as BreakdownColumn<unknown>[], currency: currencyOf(rows) };
    const file = { columns: what.columns, rows: what.rows, fileName, exponent: currencyExponent(what.currency) };
    if (format === 'csv') exportCsv(file);
    else exportXlsx(file).catch(() => message.error(t('salesReport.exportFailed')));
  };
  const currencyOf = (list: R[]) => (list.length === 0 ? 'CNY' : currency(list[0]));

  if (printing) {
    return (
      <PrintTable
        rows={rows}
        rowKey={rowKey}
        columns={columns}
        show={(column, row) => show(column.kind, column.value(row), currency(row))}
        testId={`print-${testId}`}
      />
    );
  }
  return (
    <div className="breakdown">
      <div className="breakdown-bar">
        <span />
        <ExportButtons disabled={rows.length === 0} testId={testId} onExport={exportAs} />
      </div>
      <Table<R>
        rowKey={rowKey}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        rowClassName={rowClassName}
        data-testid={testId}
        columns={columns.map((column) => ({
          key: column.key,
          title: column.title,
          align: column.kind === 'text' ? undefined : 'right',
          render: (_, row) => cell(column, row),
        }))}
      />
    </div>
  );
}
