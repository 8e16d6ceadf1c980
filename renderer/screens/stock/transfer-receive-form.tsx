import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer, TransferLineView } from '../../../shared/contract/transfers';
import { uuidv7 } from '../../../shared/ids';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { localNames } from '../../app/names';
import { formatStockQuantity, parseStockQuantity } from '../../app/stock-quantity';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';

type TransferReceiveFormProps = { transfer: Transfer; onDone(): void };

/** What arrived, line by line, starting from what was sent; a difference shows as it is typed. */
export function TransferReceiveForm({ transfer, onDone }: TransferReceiveFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [receiptId] = useState(() => uuidv7());
  const [texts, setTexts] = useState(() =>
    transfer.lines.map((line) => formatStockQuantity(line.sent, line.unit, locale)),
  );
  const [note, setNote] = useState('');
  const counted = transfer.lines.map((line, index) => parseStockQuantity(texts[index] ?? '', line.unit));
  const valid = counted.every((value) => value !== null);
  const receive = useApiMutation('transfers.receive', {
    onSuccess: () => {
      void invalidateMethods(queryClient, ['transfers.', 'stock.']);
      message.success(t('transfers.received', { store: transfer.otherStoreName }));
      onDone();
    },
  });
  const submit = () => {
    if (!valid || receive.isPending) return;
    receive.mutate({
      transferId: transfer.id,
      receiptId,
      lines: transfer.lines.map((line, index) => ({ sku: line.sku, received: counted[index] ?? 0 })),
      note: note.trim(),
    });
  };

  return (
    <div className="transfer-receive" data-testid="transfer-receive-form">
      <h3>{t('transfers.receiveTitle', { store: transfer.otherStoreName })}</h3>
      <p className="muted">{t('transfers.receiveHelp')}</p>
      {receive.error ? <Alert type="error" showIcon title={errorText(receive.error)} className="form-error" /> : null}
      <Table<TransferLineView>
        rowKey="sku"
        size="small"
        pagination={false}
        dataSource={transfer.lines}
        scroll={{ y: 300 }}
        columns={[
          {
            title: t('transfers.columnProduct'),
            render: (_, line) => (
              <span>
                <span className="cell-code">{line.sku}</span> {localNames(line, locale).primary}
              </span>
            ),
          },
          {
            title: t('transfers.columnSent'),
            width: 110,
            render: (_, line) => formatStockQuantity(line.sent, line.unit, locale),
          },
          {
            title: t('transfers.columnReceived'),
            width: 180,
            render: (_, line, index) => (
              <Input
                inputMode="decimal"
                autoComplete="off"
                value={texts[index]}
                aria-label={`${t('transfers.columnReceived')} ${line.sku}`}
                status={counted[index] === null ? 'error' : undefined}
                onChange={(event) => setTexts(texts.map((text, i) => (i === index ? event.target.value : text)))}
                onPressEnter={submit}
                data-testid="transfer-received"
              />
            ),
          },
          {
            title: t('transfers.columnDifference'),
            width: 130,
            render: (_, line, index) => {
              const value = counted[index];
              if (value === null || value === line.sent) return '—';
              const difference = value - line.sent;
              return (
                <Tag color={difference < 0 ? 'red' : 'orange'}>
                  {difference < 0
                    ? t('transfers.shortfall', { count: formatStockQuantity(-difference, line.unit, locale) })
                    : t('transfers.surplus', { count: formatStockQuantity(difference, line.unit, locale) })}
                </Tag>
              );
            },
          },
        ]}
      />
      <div className="transfer-send-foot">
        <Button size="large" onClick={onDone}>
          {t('transfers.back')}
        </Button>
        <Input
          className="transfer-note"
          maxLength={200}
          placeholder={t('transfers.note')}
          aria-label={t('transfers.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <Button
          type="primary"
          size="large"
          disabled={!valid}
          loading={receive.isPending}
          onClick={submit}
          data-testid="transfer-confirm-receipt"
        >
          {t('transfers.confirmReceipt')}
        </Button>
      </div>
    </div>
  );
}
