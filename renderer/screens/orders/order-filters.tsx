import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef, Select } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Channel, OrderStatus, PaymentMethod } from '../../../shared/contract/orders';
import { useApiQuery } from '../../api/use-api';
import { useKeyActions } from '../../hooks/use-key-actions';
import { BusinessDayPicker } from './business-day-picker';
import './orders.css';

export type OrderFilter = {
  businessDay: string;
  channel?: Channel;
  method?: PaymentMethod;
  cashierId?: string;
  status?: OrderStatus;
  number: string;
};

export const filterShortcuts = { find: 'Alt+F', clear: 'Alt+C' } as const;

type OrderFiltersProps = { value: OrderFilter; today: string; onChange(next: OrderFilter): void };

export function OrderFilters({ value, today, onChange }: OrderFiltersProps) {
  const { t } = useTranslation();
  const search = useRef<InputRef>(null);
  // Public and open to every role, unlike staff.list, so a cashier can filter by colleague too.
  const staff = useApiQuery('staff.signInOptions', {}, { staleTime: 60_000 });
  const set = (patch: Partial<OrderFilter>) => onChange({ ...value, ...patch });
  const filtered =
    value.businessDay !== today || value.channel || value.method || value.cashierId || value.status || value.number;
  const clear = () => onChange({ businessDay: today, number: '' });

  useKeyActions({
    [filterShortcuts.find]: () => search.current?.focus({ cursor: 'all' }),
    [filterShortcuts.clear]: clear,
  });

  return (
    <div className="toolbar order-filters">
      <BusinessDayPicker value={value.businessDay} onChange={(businessDay) => set({ businessDay })} />
      <Input
        ref={search}
        className="order-search"
        prefix={<SearchOutlined />}
        suffix={<kbd>{filterShortcuts.find}</kbd>}
        placeholder={t('orders.filter.number')}
        aria-label={t('orders.filter.number')}
        value={value.number}
        maxLength={20}
        allowClear
        onChange={(event) => set({ number: event.target.value })}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
          // From the search straight into the list: the arrow keys carry on from there.
          event.preventDefault();
          document.querySelector<HTMLElement>('[data-testid="order-row"]')?.focus();
        }}
        data-testid="order-search"
      />
      <Select
        className="order-filter"
        allowClear
        placeholder={t('orders.filter.allChannels')}
        aria-label={t('orders.column.channel')}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={Channel.options.map((channel) => ({ value: channel, label: t(`orders.channel.${channel}`) }))}
      />
      <Select
        className="order-filter"
        allowClear
        placeholder={t('orders.filter.allMethods')}
        aria-label={t('orders.column.methods')}
        value={value.method}
        onChange={(method) => set({ method })}
        options={PaymentMethod.options.map((method) => ({ value: method, label: t(`orders.method.${method}`) }))}
      />
      <Select
        className="order-filter"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orders.filter.allCashiers')}
        aria-label={t('orders.column.cashier')}
        value={value.cashierId}
        onChange={(cashierId) => set({ cashierId })}
        options={(staff.data?.staff ?? []).map((person) => ({ value: person.id as string, label: person.name }))}
      />
      <Select
        className="order-filter"
        allowClear
        placeholder={t('orders.filter.allStatuses')}
        aria-label={t('orders.column.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={OrderStatus.options.map((status) => ({ value: status, label: t(`orders.status.${status}`) }))}
      />
      {filtered ? (
        <Button icon={<ClearOutlined />} onClick={clear}>
          {t('orders.filter.clear')} <kbd>{filterShortcuts.clear}</kbd>
        </Button>
      ) : null}
    </div>
  );
}
