import type { BreakdownColumn } from './breakdown-table';

type PrintTableProps<R> = {
  rows: R[];
  rowKey(row: R): string;
  columns: BreakdownColumn<R>[];
  /** A cell's plain text: print has no bars or links, only what the value reads as. */
  show(column: BreakdownColumn<R>, row: R): string;
  testId?: string;
};

/** A table as printed: every row, numbers to the right, no paging and no buttons. */
export function PrintTable<R>({ rows, rowKey, columns, show, testId }: PrintTableProps<R>) {
  const align = (column: BreakdownColumn<R>) => (column.kind === 'text' ? undefined : 'number');
  return (
    <table className="print-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} className={align(column)}>
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.key} className={align(column)}>
                {show(column, row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
