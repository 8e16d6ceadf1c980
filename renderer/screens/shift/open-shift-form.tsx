import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useOpenShift } from '../../hooks/use-open-shift';
import { MoneyInput, useParseMoney } from './money-input';
import './shift.css';

const openShortcut = 'Alt+O';

export function OpenShiftForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const parseMoney = useParseMoney();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const float = parseMoney(text);
  const open = useOpenShift();
  const submit = () => {
    setTouched(true);
    if (float !== null && !open.isPending) open.mutate({ float });
  };

  useKeyActions({ [openShortcut]: submit }, 1);

  return (
    <div className="open-shift" data-testid="open-shift">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shift.noShift')} />
      <p className="muted">{t('shift.openExplain')}</p>
      {open.error ? <Alert type="error" showIcon title={errorText(open.error)} className="form-error" /> : null}
      <label className="field-label" htmlFor="shift-float">
        {t('shift.float')}
      </label>
      <MoneyInput
        id="shift-float"
        size="large"
        autoFocus
        value={text}
        placeholder="0.00"
        status={touched && float === null ? 'error' : undefined}
        onChange={(event) => setText(event.target.value)}
        onPressEnter={submit}
        data-testid="shift-float-input"
      />
      {touched && float === null ? <div className="field-error">{t('shift.amountInvalid')}</div> : null}
      <Button
        size="large"
        type="primary"
        block
        icon={<PlayCircleOutlined />}
        loading={open.isPending}
        onClick={submit}
        className="open-shift-button"
        data-testid="shift-open-submit"
      >
        {t('shift.open')} <kbd>{openShortcut}</kbd>
      </Button>
    </div>
  );
}
