import { CloudDownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Spin, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnlineOrder } from '../../../shared/contract/online-orders';
import { invalidateMethods, useApiMutation } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useNow } from '../../hooks/use-now';
import { ScreenHeader } from '../screen-header';
import { FinishedOrders } from './finished-orders';
import { OnlineBoard } from './online-board';
import { afterAccept, chosenOrder, groupQueue, type Move, moveSelection, nextStep, openStatuses } from './online-queue';
import { PickupField } from './pickup-field';
import { RejectDialog, rejectShortcut } from './reject-dialog';
import { useOnlineOrders } from './use-online-orders';
import '../screens.css';
import './online.css';

const finishedShortcut = 'Alt+H';
const arrowMoves: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

type Verdict = { type: 'success' | 'info' | 'error'; title: string; detail?: string };

export function OnlineScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const now = useNow(10_000);
  const [includeFinished, setIncludeFinished] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [rejecting, setRejecting] = useState<OnlineOrder | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const list = useOnlineOrders(includeFinished);
  const queue = useMemo(() => groupQueue(list.data ?? []), [list.data]);
  const chosen = chosenOrder(queue, selectedId);

  const refresh = () => void invalidateMethods(queryClient, ['online.']);
  const failed = (error: Error) => setVerdict({ type: 'error', title: errorText(error) });
  const accept = useApiMutation('online.accept', {
    onSuccess: (order) => {
      refresh();
      setSelectedId(afterAccept(queue, order.id));
      setVerdict({
        type: 'success',
        title: t('online.acceptedTitle', { code: order.pickupCode }),
        detail: order.orderNumber ? t('online.acceptedSale', { number: order.orderNumber }) : undefined,
      });
    },
    onError: failed,
  });
  const ready = useApiMutation('online.ready', {
    onSuccess: (order) => {
      refresh();
      setVerdict({ type: 'success', title: t('online.readyTitle', { code: order.pickupCode }) });
    },
    onError: failed,
  });
  const handOver = useApiMutation('online.handOver', {
    onSuccess: (order) => {
      refresh();
      setVerdict({
        type: 'success',
        title: t('online.handedOverTitle', { code: order.pickupCode, customer: order.customerName }),
        detail: t('online.handedOverDetail', { count: order.lines.reduce((sum, line) => sum + line.quantity, 0) }),
      });
    },
    onError: failed,
  });
  const reject = useApiMutation('online.reject', {
    onSuccess: (order) => {
      refresh();
      setRejecting(null);
      setVerdict({ type: 'success', title: t('online.rejectedTitle', { code: order.pickupCode }) });
    },
  });
  const busy = accept.isPending || ready.isPending || handOver.isPending;

  const step = (order: OnlineOrder | undefined) => {
    if (busy || !order) return;
    setSelectedId(order.id);
    const next = nextStep(order);
    if (next === 'accept') accept.mutate({ id: order.id });
    else if (next === 'ready') ready.mutate({ id: order.id });
    // A ready order leaves only against the customer's code: say so rather than do nothing.
    else setVerdict({ type: 'info', title: t('online.scanToHandOver') });
  };
  const askReject = (order: OnlineOrder | undefined) => {
    if (order?.status !== 'placed') return;
    setSelectedId(order.id);
    reject.reset();
    setRejecting(order);
  };
  const move = (key: string) => {
    const ids = openStatuses.map((status) => queue.columns[status].map((order) => order.id));
    setSelectedId(moveSelection(ids, chosen?.id ?? null, arrowMoves[key]));
  };

  useKeyActions({
    [rejectShortcut]: () => askReject(chosen),
    [finishedShortcut]: () => setIncludeFinished((on) => !on),
  });

  const openCount = openStatuses.reduce((sum, status) => sum + queue.columns[status].length, 0);
  return (
    <div className="screen online-screen">
      <ScreenHeader
        title={t('nav.online')}
        icon={<CloudDownloadOutlined />}
        extra={
          <label className="online-finished-toggle" htmlFor="online-include-finished">
            <Switch
              id="online-include-finished"
              checked={includeFinished}
              onChange={setIncludeFinished}
              data-testid="online-include-finished"
            />
            {t('online.showFinished')} <kbd>{finishedShortcut}</kbd>
          </label>
        }
      />
      <div className="online-pickup">
        <PickupField
          busy={busy}
          onCode={(code) => {
            setVerdict(null);
            handOver.mutate({ pickupCode: code });
          }}
          onEmptyEnter={() => step(chosen)}
          onArrow={move}
          onTyping={(text) => {
            setTyped(text);
            if (text) setVerdict(null);
          }}
        />
        {handOver.isPending ? <Spin className="online-pickup-spin" /> : null}
      </div>
      {verdict ? (
        <Alert
          type={verdict.type}
          showIcon
          title={
            <span className="online-verdict-text">
              <strong>{verdict.title}</strong>
              {verdict.detail ? <span>{verdict.detail}</span> : null}
            </span>
          }
          closable={{ onClose: () => setVerdict(null) }}
          className="online-verdict"
          data-testid="online-verdict"
        />
      ) : null}
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} className="screen-note" /> : null}
      <p className="online-keys muted">{t('online.keys', { reject: rejectShortcut })}</p>
      {openCount === 0 && !list.isPending && !list.error ? (
        <p className="online-empty" data-testid="online-empty">
          {t('online.empty')}
        </p>
      ) : (
        <OnlineBoard
          queue={queue}
          now={now}
          chosenId={chosen?.id ?? null}
          typed={typed}
          busy={busy}
          loading={list.isPending}
          onSelect={setSelectedId}
          onStep={step}
          onReject={askReject}
        />
      )}
      {includeFinished ? <FinishedOrders orders={queue.finished} /> : null}
      {rejecting ? (
        <RejectDialog
          order={rejecting}
          rejecting={reject.isPending}
          error={reject.error}
          onReject={(reason) => reject.mutate({ id: rejecting.id, reason })}
          onClose={() => setRejecting(null)}
        />
      ) : null}
    </div>
  );
}
