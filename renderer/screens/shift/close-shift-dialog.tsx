import { EyeInvisibleOutlined, PoweroffOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { asMoney } from '../../../shared/money';
import { invalidateMethods } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { ApprovalCancelled } from '../../components/approval-provider';
import { useApprovedCall } from '../../hooks/use-approved-call';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useMoney } from '../../hooks/use-money';
import {
  type CountProblem,
  countTotal,
  denominationsFor,
  type PieceCount,
  pieceProblem,
  refusedPieces,
  totalProblem,
} from './cash-count';
import { MoneyInput, useParseMoney } from './money-input';
import './shift.css';

export type ShiftClosed = OutputOf<'shift.close'>;

const submitShortcut = 'Ctrl+Enter';

type CloseShiftDialogProps = { onClose(): void; onClosed(result: ShiftClosed): void };

/**
 * The blind count: whoever closes enters what is in the drawer without being shown what the till
 * expects, so the count is a count and not an agreement. The Z report shows the difference after.
 */
export function CloseShiftDialog({ onClose, onClosed }: CloseShiftDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const approvedCall = useApprovedCall();
  const queryClient = useQueryClient();
  const parseMoney = useParseMoney();
  const denominations = denominationsFor(store.currency);
  const [mode, setMode] = useState<'pieces' | 'total'>(denominations.length > 0 ? 'pieces' : 'total');
  const [pieces, setPieces] = useState<PieceCount>({});
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const refused = mode === 'pieces' ? refusedPieces(pieces, denominations) : [];
  const typedTotal = parseMoney(text);
  const totalRefusal = mode === 'total' ? totalProblem(text, typedTotal) : null;
  const counted = mode === 'pieces' ? (refused.length > 0 ? null : asMoney(countTotal(pieces))) : typedTotal;
  const close = useMutation({
    mutationFn: (countedCash: number) =>
      approvedCall('shift.close', { countedCash, width: store.settings.receiptWidth }),
    onSuccess: (result) => {
      void invalidateMethods(queryClient, ['shift.', 'reports.', 'orders.']);
      onClosed(result);
    },
  });
  const submit = () => {
    setTried(true);
    if (refused.length > 0) document.getElementById(`count-${refused[0]}`)?.focus();
    if (counted !== null && !close.isPending) close.mutate(counted);
  };

  useKeyActions({ [submitShortcut]: submit }, 2);

  const failed = close.error && !(close.error instanceof ApprovalCancelled) ? close.error : null;
  return (
    <Modal
      open
      width={640}
      title={
        <span className="dialog-title">
          <PoweroffOutlined /> {t('shift.closeTitle')}
        </span>
      }
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" size="large" onClick={onClose}>
          {t('common.cancel')} <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          size="large"
          type="primary"
          danger
          loading={close.isPending}
          onClick={submit}
          data-testid="shift-close-submit"
        >
          {counted === null ? t('shift.close') : t('shift.closeWith', { amount: money(counted) })}
          <kbd>{submitShortcut}</kbd>
        </Button>,
      ]}
    >
      <div data-testid="close-shift-dialog">
        {failed ? <Alert type="error" showIcon title={errorText(failed)} className="form-error" /> : null}
        <Alert
          type="info"
          showIcon
          icon={<EyeInvisibleOutlined />}
          title={t('shift.blindExplain')}
          className="screen-note"
        />
        {denominations.length > 0 ? (
          <Segmented
            block
            value={mode}
            onChange={(value) => setMode(value as 'pieces' | 'total')}
            options={[
              { value: 'pieces', label: <span data-testid="count-mode-pieces">{t('shift.byDenomination')}</span> },
              { value: 'total', label: <span data-testid="count-mode-total">{t('shift.byTotal')}</span> },
            ]}
            className="count-mode"
          />
        ) : null}
        {mode === 'pieces' ? (
          <>
            <div className="denominations" data-testid="denominations">
              {denominations.map((value, index) => (
                <div key={value} className="denomination-row">
                  <label htmlFor={`count-${value}`} className="denomination-label">
                    {money(asMoney(value))}
                  </label>
                  <span className="muted">×</span>
                  {/* No min: −3 is shown as refused, never turned into 0 behind the cashier's back. */}
                  <InputNumber
                    id={`count-${value}`}
                    autoFocus={index === 0}
                    value={pieces[value] ?? null}
                    onChange={(count) => setPieces({ ...pieces, [value]: count ?? 0 })}
                    onPressEnter={() => document.getElementById(`count-${denominations[index + 1]}`)?.focus()}
                    status={pieceProblem(pieces[value]) ? 'error' : undefined}
                    data-testid={`count-${value}`}
                  />
                  <span className="denomination-subtotal">
                    {pieceProblem(pieces[value]) ? '—' : money(asMoney(value * (pieces[value] ?? 0)))}
                  </span>
                </div>
              ))}
              <div className="denomination-row denomination-total">
                <span>{t('shift.counted')}</span>
                <span />
                <span />
                <span data-testid="counted-total">{counted === null ? '—' : money(counted)}</span>
              </div>
            </div>
            {refused.map((value) => (
              <PieceRefusal
                key={value}
                problem={pieceProblem(pieces[value])}
                value={value}
                label={money(asMoney(value))}
              />
            ))}
          </>
        ) : (
          <>
            <label className="field-label" htmlFor="counted-cash">
              {t('shift.countedCash')}
            </label>
            <MoneyInput
              id="counted-cash"
              size="large"
              autoFocus
              value={text}
              placeholder="0.00"
              onChange={(event) => setText(event.target.value)}
              onPressEnter={submit}
              status={tried && totalRefusal ? 'error' : undefined}
              data-testid="counted-cash-input"
            />
            {tried && totalRefusal ? (
              <Typography.Text type="danger" role="alert" data-testid="counted-cash-refused">
                {t(`shift.totalProblems.${totalRefusal}`)}
              </Typography.Text>
            ) : null}
          </>
        )}
      </div>
    </Modal>
  );
}

/** Said under the grid, one line per refused denomination, so the grid keeps its columns. */
function PieceRefusal({ problem, value, label }: { problem: CountProblem | null; value: number; label: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div>
      <Typography.Text type="danger" role="alert" data-testid={`count-refused-${value}`}>
        {label} × {t(`shift.countProblems.${problem}`)}
      </Typography.Text>
    </div>
  );
}
