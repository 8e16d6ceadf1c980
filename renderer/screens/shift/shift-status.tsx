import { FieldTimeOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStoreTime } from '../orders/order-labels';
import { shiftShortcut, useCurrentShift, useShiftPanel } from './shift-panel-provider';
import './shift.css';

/** The status bar's word on the till's shift: open and by whom, or none; one press opens the panel. */
export function ShiftStatus() {
  const { t } = useTranslation();
  const { time } = useStoreTime();
  const panel = useShiftPanel();
  const current = useCurrentShift();
  const shift = current.data?.shift;
  const [status, text] = current.error
    ? (['default', t('shift.status.unknown')] as const)
    : current.isPending
      ? (['processing', t('shift.status.checking')] as const)
      : shift
        ? (['success', t('shift.status.open', { name: shift.openedByName, time: time(shift.openedAt) })] as const)
        : (['warning', t('shift.status.none')] as const);
  return (
    <Button
      size="small"
      type="text"
      className="status-shift"
      onClick={panel.open}
      title={`${text} · ${t('shift.title')} (${shiftShortcut})`}
      aria-label={text}
      data-testid="status-shift"
    >
      {/* A 1024-wide till has room for the clock and the coloured dot only; the words are in the tooltip. */}
      <FieldTimeOutlined className="status-shift-narrow" />
      <Badge status={status} />
      <span className="status-shift-wide">{text}</span>
      <kbd className="status-shift-wide">{shiftShortcut}</kbd>
    </Button>
  );
}
