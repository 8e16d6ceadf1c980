import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../shared/contract/stock';
import type { Transfer } from '../../../shared/contract/transfers';
import { type ProductId, uuidv7 } from '../../../shared/ids';
import { invalidateMethods, useApiMutation, useApiQuery } from '../../api/use-api';
import { localNames } from '../../app/names';
import { formatStockQuantity, parseStockQuantity } from '../../app/stock-quantity';
import { useErrorText } from '../../app/use-error-text';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useLocale } from '../../i18n/use-locale';

type Line = { row: StockRow; text: string };

type TransferSendFormProps = {
  /** A transfer head office asked for: sent under its id, to its store, its lines to start from. */
  requested: Transfer | null;
  onSent(): void;
};

/** Goods to another store of the brand: where, which products and how many, never more than on hand. */
export function TransferSendForm({ requested, onSent }: TransferSendFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // Made once per form: a double click, or a retry after a lost answer, sends the transfer once.
  const [id] = useState(() => requested?.id ?? uuidv7());
  const [storeId, setStoreId] = useState<string | null>(requested?.otherStoreId ?? null);
  const [lines, setLines] = useState<Line[]>([]);
  const [note, setNote] = useState(requested?.note ?? '');
  const [search, setSearch] = useState('');
  const [touched, setTouched] = useState(false);
  const query = useDebouncedValue(search.trim(), 200);
  const stores = useApiQuery('transfers.stores', {}, { staleTime: 60_000 });
  const found = useApiQuery('stock.list', { query, limit: 20 });
  const asked = useApiQuery('stock.list', { query: '', limit: 200 }, { enabled: requested !== null });
  const [prefilled, setPrefilled] = useState(false);
  if (requested && !prefilled && asked.data) {
    setPrefilled(true);
    setLines(
      requested.lines.flatMap((line) => {
        const row = asked.data.rows.find((r) => r.sku === line.sku);
        return row ? [{ row, text: formatStockQuantity(line.sent, row.unit, locale) }] : [];
      }),
    );
  }
  const send = useApiMutation('transfers.send', {
    onSuccess: (sent) => {
      void invalidateMethods(queryClient, ['transfers.', 'stock.']);
      message.success(t('transfers.sent', { store: sent.otherStoreName, count: sent.lines.length }));
      onSent();
    },
  });
  const parsed = lines.map((line) => parseStockQuantity(line.text, line.row.unit));
  const problems = lines.map((line, index) => {
    const value = parsed[index];
    if (value === null || value <= 0) return t('transfers.quantityInvalid');
    if (value > line.row.onHand) {
      return t('transfers.overOnHand', { onHand: formatStockQuantity(line.row.onHand, line.row.unit, locale) });
    }
    return null;
  });
  const valid = storeId !== null && lines.length > 0 && problems.every((problem) => problem === null);
  const submit = () => {
    setTouched(true);
    if (!valid || send.isPending || storeId === null) return;
    send.mutate({
      id,
      toStoreId: storeId,
      lines: lines.map((line, index) => ({ productId: line.row.productId as ProductId, quantity: parsed[index] ?? 0 })),
      note: note.trim(),
    });
  };
  const add = (productId: string) => {
    const row = found.data?.rows.find((r) => r.productId === productId);
    if (row && !lines.some((line) => line.row.productId === productId)) setLines([...lines, { row, text: '' }]);
    setSearch('');
  };

  return (
    <div className="transfer-send" data-testid="transfer-send-form">
      {stores.error ? <Alert type="error" showIcon title={errorText(stores.error)} className="form-error" /> : null}
      {send.error ? <Alert type="error" showIcon title={errorText(send.error)} className="form-error" /> : null}
      <div className="transfer-send-head">
        <label className="field-label" htmlFor="transfer-destination">
          {t('transfers.destination')}
        </label>
        <Select
          id="transfer-destination"
          size="large"
          className="transfer-destination"
          value={storeId}
          disabled={requested !== null}
          loading={stores.isFetching}
          placeholder={t('transfers.destinationPlaceholder')}
          status={touched && storeId === null ? 'error' : undefined}
          options={(stores.data?.stores ?? []).map((store) => ({ value: store.id, label: store.name }))}
          onChange={setStoreId}
          data-testid="transfer-destination"
        />
        <label className="field-label" htmlFor="transfer-add">
          {t('transfers.addProduct')}
        </label>
        <Select
          id="transfer-add"
          size="large"
          showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
          value={null}
          placeholder={t('transfers.addProductPlaceholder')}
          options={(found.data?.rows ?? []).map((row) => ({
            value: row.productId,
            label: `${row.sku} ${localNames(row, locale).primary} · ${formatStockQuantity(row.onHand, row.unit, locale)}`,
          }))}
          onChange={(value: string | null) => value && add(value)}
          data-testid="transfer-add-product"
        />
      </div>
      <Table<Line>
        rowKey={(line) => line.row.productId}
        size="small"
        pagination={false}
        dataSource={lines}
        scroll={{ y: 260 }}
        locale={{ emptyText: touched ? t('transfers.noLines') : ' ' }}
        columns={[
          {
            title: t('transfers.columnProduct'),
            render: (_, line) => (
              <span>
                <span className="cell-code">{line.row.sku}</span> {localNames(line.row, locale).primary}
              </span>
            ),
          },
          {
            title: t('transfers.columnOnHand'),
            width: 110,
            render: (_, line) => formatStockQuantity(line.row.onHand, line.row.unit, locale),
          },
          {
            title: t('transfers.columnQuantity'),
            width: 240,
            render: (_, line, index) => (
              <div>
                <Input
                  inputMode="decimal"
                  autoComplete="off"
                  value={line.text}
                  aria-label={`${t('transfers.columnQuantity')} ${line.row.sku}`}
                  suffix={line.row.unit === 'kg' ? t('stock.kg') : t('stock.items')}
                  status={touched && problems[index] ? 'error' : undefined}
                  onChange={(event) =>
                    setLines(lines.map((l, i) => (i === index ? { ...l, text: event.target.value } : l)))
                  }
                  onPressEnter={submit}
                  data-testid="transfer-quantity"
                />
                {touched && problems[index] ? <div className="field-error">{problems[index]}</div> : null}
              </div>
            ),
          },
          {
            title: '',
            width: 60,
            render: (_, line) => (
              <Button
                type="text"
                aria-label={t('transfers.remove')}
                icon={<DeleteOutlined />}
                onClick={() => setLines(lines.filter((l) => l !== line))}
              />
            ),
          },
        ]}
      />
      <div className="transfer-send-foot">
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
          disabled={touched && !valid}
          loading={send.isPending}
          onClick={submit}
          data-testid="transfer-send"
        >
          {t('transfers.send')}
        </Button>
      </div>
    </div>
  );
}
