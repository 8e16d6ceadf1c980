import { Descriptions, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderLine, OrderPayment } from '../../../shared/contract/orders';
import { asMoney } from '../../../shared/money';
import { localNames } from '../../app/names';
import { DiscountTerms } from '../../components/discount-sources';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { MethodTags, useQuantityText, useStoreTime } from './order-labels';
import './orders.css';
import { OrderCoupons } from '../../vouchers/order-coupons';
import { RefundDiscounts } from './refund-discounts';

const percent = (bp: number) => `${bp / 100}%`;

export function OrderDetailBody({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const quantityText = useQuantityText();
  const { dateTime } = useStoreTime();
  const dash = '—';

  const lineColumns: ColumnsType<OrderLine> = [
    { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
    {
      key: 'name',
      title: t('orders.line.item'),
      render: (_, line) => (
        <span className="cell-names">
          <span>{localNames(line, locale).primary}</span>
          <span className="cell-secondary">{line.sku}</span>
        </span>
      ),
    },
    {
      key: 'qty',
      title: t('orders.line.quantity'),
      align: 'right',
      className: 'nowrap',
      render: (_, line) => quantityText(line),
    },
    {
      key: 'price',
      title: t('orders.line.unitPrice'),
      align: 'right',
      className: 'nowrap',
      render: (_, line) => `${money(line.unitPrice)}${line.unit === 'kg' ? ` ${t('product.perKg')}` : ''}`,
    },
    {
      key: 'discount',
      title: t('orders.line.discount'),
      align: 'right',
      render: (_, line) => {
        const off = line.lineDiscount + line.orderDiscount + line.couponDiscount;
        if (off === 0) return dash;
        return (
          <span className="cell-names">
            <span className="amount">−{money(asMoney(off))}</span>
            {line.discountReason ? <span className="cell-secondary">{line.discountReason}</span> : null}
          </span>
        );
      },
    },
    { key: 'net', title: t('orders.line.net'), align: 'right', render: (_, line) => money(line.net) },
    {
      key: 'refunded',
      title: t('orders.line.refunded'),
      align: 'right',
      render: (_, line) =>
        line.refundedQuantity > 0 ? (
          <span className="cell-names refund-amount">
            <span>{quantityText(line, line.refundedQuantity)}</span>
            <span>−{money(line.refundedAmount)}</span>
          </span>
        ) : (
          dash
        ),
    },
  ];

  const paymentColumns: ColumnsType<OrderPayment> = [
    { key: 'method', title: t('orders.payment.method'), render: (_, p) => <MethodTags methods={[p.method]} /> },
    { key: 'amount', title: t('orders.payment.amount'), align: 'right', render: (_, p) => money(p.amount) },
    {
      key: 'tendered',
      title: t('orders.payment.tendered'),
      align: 'right',
      render: (_, p) => (p.tendered === null ? dash : money(p.tendered)),
    },
    {
      key: 'change',
      title: t('orders.payment.change'),
      align: 'right',
      render: (_, p) => (p.change === null ? dash : money(p.change)),
    },
    {
      key: 'reference',
      title: t('orders.payment.reference'),
      render: (_, p) => <span className="cell-code">{p.reference ?? dash}</span>,
    },
  ];

  return (
    <div className="order-detail" data-testid="order-detail">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'time', label: t('orders.column.time'), children: dateTime(order.paidAt) },
          { key: 'channel', label: t('orders.column.channel'), children: t(`orders.channel.${order.channel}`) },
          { key: 'cashier', label: t('orders.column.cashier'), children: order.cashierName },
          { key: 'approver', label: t('orders.approver'), children: order.approverName ?? dash },
        ]}
      />
      <h3 className="detail-heading">{t('orders.lines')}</h3>
      <Table<OrderLine>
        rowKey="lineNo"
        size="small"
        columns={lineColumns}
        dataSource={order.lines}
        pagination={false}
        data-testid="order-lines"
      />
      <div className="detail-columns">
        <div>
          <h3 className="detail-heading">{t('orders.totals')}</h3>
          <dl className="totals" data-testid="order-totals">
            <dt>{t('orders.gross')}</dt>
            <dd>{money(order.gross)}</dd>
            {order.discounts.length > 0 ? (
              <DiscountTerms parts={order.discounts} orderNote={order.orderDiscountReason} rowClassName="totals-row" />
            ) : (
              <>
                <dt>{t('orders.discount')}</dt>
                <dd>{dash}</dd>
              </>
            )}
            <dt>{t('orders.column.total')}</dt>
            <dd className="total-strong">{money(order.total)}</dd>
            {order.rounding !== 0 ? (
              <>
                <dt>{t('orders.rounding')}</dt>
                <dd>{money(order.rounding)}</dd>
              </>
            ) : null}
            <dt>{t('orders.paid')}</dt>
            <dd className="total-strong">{money(order.paid)}</dd>
            {order.refunded > 0 ? (
              <>
                <dt>{t('orders.column.refunded')}</dt>
                <dd className="refund-amount">−{money(order.refunded)}</dd>
              </>
            ) : null}
          </dl>
        </div>
        <div>
          <h3 className="detail-heading">{t('orders.taxBands')}</h3>
          <dl className="totals">
            {order.taxBands.map((band) => (
              <div key={band.taxRateBp} className="totals-row">
                <dt>{t('orders.taxBand', { rate: percent(band.taxRateBp), net: money(band.net) })}</dt>
                <dd>{money(band.tax)}</dd>
              </div>
            ))}
            <dt>{t('orders.taxIncluded')}</dt>
            <dd>{money(order.tax)}</dd>
          </dl>
        </div>
      </div>
      <h3 className="detail-heading">{t('orders.payments')}</h3>
      <Table<OrderPayment>
        rowKey={(p) => `${p.method}-${p.amount}-${p.reference ?? ''}`}
        size="small"
        columns={paymentColumns}
        dataSource={order.payments}
        pagination={false}
      />
      {order.coupons.length > 0 ? (
        <>
          <h3 className="detail-heading">{t('voucher.coupons.title')}</h3>
          <OrderCoupons coupons={order.coupons} amounts={false} />
        </>
      ) : null}
      {order.refunds.length > 0 ? (
        <>
          <h3 className="detail-heading">{t('orders.refunds')}</h3>
          <ul className="refund-history" data-testid="refund-history">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                <div className="refund-head">
                  <span className="order-number">{refund.number}</span>
                  <span className="muted">{dateTime(refund.at)}</span>
                  <span className="amount refund-amount">−{money(refund.amount)}</span>
                </div>
                <div className="muted">
                  {refund.approverName
                    ? t('orders.refundByApproved', { name: refund.staffName, approver: refund.approverName })
                    : t('orders.refundBy', { name: refund.staffName })}
                  {' · '}
                  {refund.reason}
                </div>
                <RefundDiscounts refund={refund} />
                <div className="refund-parts">
                  {refund.tenders.map((tender) => (
                    <Tag key={tender.method}>
                      {t(`orders.method.${tender.method}`)} {money(tender.amount)}
                    </Tag>
                  ))}
                  {refund.lines.map((part) => {
                    const line = order.lines.find((each) => each.lineNo === part.lineNo);
                    return (
                      <span key={part.lineNo} className="cell-secondary">
                        {t('orders.refundLine', {
                          name: line ? localNames(line, locale).primary : `#${part.lineNo}`,
                          quantity: line ? quantityText(line, part.quantity) : part.quantity,
                          amount: money(part.amount),
                        })}
                      </span>
                    );
                  })}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
