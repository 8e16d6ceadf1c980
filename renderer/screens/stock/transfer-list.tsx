import { Button, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer, TransferLineView } from '../../../shared/contract/transfers';
import { formatDateTime } from '../../../shared/time-format';
import { localNames } from '../../app/names';
import { formatStockQuantity } from '../../app/stock-quantity';
import { useStoreInfo } from '../../app/store-provider';
import { useLocale } from '../../i18n/use-locale';

const statusColour = { requested: 'gold', in_transit: 'blue', received: 'green' } as const;

type TransferListProps = {
  transfers: Transfer[];
  loading: boolean;
  onReceive(transfer: Transfer): void;
  onSendRequested(transfer: Transfer): void;
};

/** Every transfer this store sent, was asked to send, or received, newest first; a row opens its lines. */
export function TransferList({ transfers, loading, onReceive, onSendRequested }: TransferListProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { timeZone } = useStoreInfo();
  const when = (at: number) => formatDateTime(at, locale, timeZone);
  const quantity = (line: TransferLineView, value: number) => formatStockQuantity(value, line.unit, locale);
  return (
    <Table<Transfer>
      className="transfer-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={transfers}
      pagination={false}
      scroll={{ y: 420 }}
      locale={{ emptyText: t('transfers.empty') }}
      onRow={() => ({ 'data-testid': 'transfer-row' }) as HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowRender: (transfer) => (
          <Table<TransferLineView>
            rowKey="sku"
            size="small"
            pagination={false}
            dataSource={transfer.lines}
            columns={[
              {
                title: t('transfers.columnProduct'),
                render: (_, line) => (
                  <span>
                    <span className="cell-code">{line.sku}</span> {localNames(line, locale).primary}
                  </span>
                ),
              },
              { title: t('transfers.columnSent'), render: (_, line) => quantity(line, line.sent) },
              {
                title: t('transfers.columnReceived'),
                render: (_, line) => (line.received === null ? '—' : quantity(line, line.received)),
              },
              {
                title: t('transfers.columnDifference'),
                render: (_, line) =>
                  line.difference === null || line.difference === 0 ? (
                    '—'
                  ) : (
                    <Tag color={line.difference < 0 ? 'red' : 'orange'} data-testid="transfer-line-difference">
                      {line.difference < 0
                        ? t('transfers.shortfall', { count: quantity(line, -line.difference) })
                        : t('transfers.surplus', { count: quantity(line, line.difference) })}
                    </Tag>
                  ),
              },
            ]}
          />
        ),
      }}
      columns={[
        {
          title: t('transfers.columnStatus'),
          width: 150,
          render: (_, transfer) => (
            <Tag color={statusColour[transfer.status]} data-testid="transfer-status">
              {t(`transfers.status.${transfer.status}`)}
            </Tag>
          ),
        },
        {
          title: t('transfers.columnStore'),
          render: (_, transfer) => (
            <div>
              <strong>{t(`transfers.${transfer.direction}`, { store: transfer.otherStoreName })}</strong>
              <div className="muted">
                {t('transfers.products', { count: transfer.lines.length })}
                {transfer.note ? ` · ${transfer.note}` : ''}
              </div>
            </div>
          ),
        },
        {
          title: t('transfers.columnSent'),
          render: (_, transfer) => (
            <div className="muted">
              {transfer.requestedAt !== null ? (
                <div>
                  {t('transfers.requestedBy', { name: transfer.requestedBy, when: when(transfer.requestedAt) })}
                </div>
              ) : null}
              {transfer.sentAt !== null
                ? t('transfers.sentBy', { name: transfer.sentBy, when: when(transfer.sentAt) })
                : t('transfers.notSent')}
            </div>
          ),
        },
        {
          title: t('transfers.columnReceived'),
          render: (_, transfer) => (
            <span className="muted">
              {transfer.receivedAt !== null
                ? t('transfers.receivedBy', { name: transfer.receivedBy, when: when(transfer.receivedAt) })
                : t('transfers.notReceived')}
            </span>
          ),
        },
        {
          title: t('transfers.columnCheck'),
          width: 120,
          render: (_, transfer) => {
            if (transfer.direction === 'in' && transfer.status === 'in_transit') {
              return (
                <Button type="primary" onClick={() => onReceive(transfer)} data-testid="transfer-receive">
                  {t('transfers.receive')}
                </Button>
              );
            }
            if (transfer.direction === 'out' && transfer.status === 'requested') {
              return (
                <Button type="primary" onClick={() => onSendRequested(transfer)} data-testid="transfer-send-requested">
                  {t('transfers.sendRequested')}
                </Button>
              );
            }
            if (transfer.status !== 'received') return null;
            return transfer.discrepancy ? (
              <Tag color="red" data-testid="transfer-discrepancy">
                ⚑ {t('transfers.discrepancy')}
              </Tag>
            ) : (
              <Tag>{t('transfers.matches')}</Tag>
            );
          },
        },
      ]}
    />
  );
}
