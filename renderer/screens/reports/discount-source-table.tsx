import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../shared/money';
import { type SourcedDiscount, sourceKey } from '../../../shared/pricing/discount-sources';
import { useDiscountLabel } from '../../components/discount-sources';
import { useMoney } from '../../hooks/use-money';
import './reports.css';

/** The day's discounts by source, each once (DOMAIN.md, Reports): its rows add up to the Discounts figure. */
export function DiscountSourceTable({ rows }: { rows: SourcedDiscount[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const label = useDiscountLabel();
  const columns: ColumnsType<SourcedDiscount> = [
    { key: 'source', title: t('discounts.title'), render: (_, r) => label(r) },
    {
      key: 'amount',
      title: t('orders.payment.amount'),
      align: 'right',
      render: (_, r) => `−${money(r.amount as Money)}`,
    },
  ];
  return (
    <Table<SourcedDiscount>
      rowKey={sourceKey}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('discounts.none') }}
      data-testid="report-discount-sources"
    />
  );
}
