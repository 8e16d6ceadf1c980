import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api';
import { OpenShiftDialog } from './open-shift-dialog';
import './checkout.css';

/** A sale needs an open shift: say so before Pay does, and open one right here. */
export function ShiftStatus() {
  const { t } = useTranslation();
  const current = useApiQuery('shift.current', {}, { staleTime: 30_000 });
  const [opening, setOpening] = useState(false);
  // The status bar shows an open shift; here only the missing one, with the way to open it.
  if (!current.data || current.data.shift) return null;
  return (
    <div className="shift-status" data-testid="shift-status">
      <Tag icon={<WarningOutlined />} color="orange" className="shift-tag">
        {t('sale.shift.none')}
      </Tag>
      <Button
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpening(true)}
        data-testid="shift-open-button"
      >
        {t('sale.shift.open')}
      </Button>
      {opening ? <OpenShiftDialog onClose={() => setOpening(false)} onOpened={() => setOpening(false)} /> : null}
    </div>
  );
}
