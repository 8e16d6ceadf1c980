import { SwapOutlined } from '@ant-design/icons';
import { Alert, Modal, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../shared/contract/transfers';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { TransferList } from './transfer-list';
import { TransferReceiveForm } from './transfer-receive-form';
import { TransferSendForm } from './transfer-send-form';
import './stock.css';

type View = { kind: 'list' } | { kind: 'send'; requested: Transfer | null } | { kind: 'receive'; transfer: Transfer };

/** Goods between this store and the brand's others: the list with status, sending, receiving. */
export function TransfersDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [view, setView] = useState<View>({ kind: 'list' });
  // A new form each time the tab opens, so each send gets its own id.
  const [sendForm, setSendForm] = useState(0);
  const list = useApiQuery('transfers.list', { limit: 100 });
  const toList = () => setView({ kind: 'list' });

  const body = () => {
    switch (view.kind) {
      case 'receive':
        return <TransferReceiveForm transfer={view.transfer} onDone={toList} />;
      case 'list':
      case 'send':
        return (
          <Tabs
            activeKey={view.kind}
            onChange={(key) => {
              if (key === 'send') setSendForm((n) => n + 1);
              setView(key === 'send' ? { kind: 'send', requested: null } : { kind: 'list' });
            }}
            items={[
              {
                key: 'list',
                label: <span data-testid="transfers-tab-list">{t('transfers.tabList')}</span>,
                children: (
                  <>
                    {list.error ? (
                      <Alert type="error" showIcon title={errorText(list.error)} className="form-error" />
                    ) : null}
                    <TransferList
                      transfers={list.data?.transfers ?? []}
                      loading={list.isFetching}
                      onReceive={(transfer) => setView({ kind: 'receive', transfer })}
                      onSendRequested={(transfer) => {
                        setSendForm((n) => n + 1);
                        setView({ kind: 'send', requested: transfer });
                      }}
                    />
                  </>
                ),
              },
              {
                key: 'send',
                label: <span data-testid="transfers-tab-send">{t('transfers.tabSend')}</span>,
                children:
                  view.kind === 'send' ? (
                    <TransferSendForm key={sendForm} requested={view.requested} onSent={toList} />
                  ) : null,
              },
            ]}
          />
        );
      default: {
        const unreachable: never = view;
        return unreachable;
      }
    }
  };

  return (
    <Modal
      open
      width={980}
      title={
        <span className="dialog-title">
          <SwapOutlined /> {t('transfers.title')}
        </span>
      }
      onCancel={onClose}
      destroyOnHidden
      footer={null}
    >
      <div className="transfers-dialog" data-testid="transfers-dialog">
        {body()}
      </div>
    </Modal>
  );
}
