import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepFocus } from '../../hooks/use-keep-focus';
import './checkout.css';

type ScanFieldProps = {
  value: string;
  onChange(value: string): void;
  onEnter(value: string): void;
  onMove(step: 1 | -1): void;
};

/** Where scanners and fingers type: always focused, Enter looks the code up, arrows walk the list. */
export function ScanField({ value, onChange, onEnter, onMove }: ScanFieldProps) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    fieldRef.current = inputRef.current?.input ?? null;
  });
  useKeepFocus(fieldRef);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onEnter(event.currentTarget.value);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Escape') {
      onChange('');
    }
  };

  return (
    <Input
      ref={inputRef}
      size="large"
      className="scan-field"
      prefix={<BarcodeOutlined />}
      placeholder={t('checkout.scanPlaceholder')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
      allowClear
      autoComplete="off"
      spellCheck={false}
      maxLength={200}
      aria-label={t('checkout.scanLabel')}
      data-testid="scan-field"
    />
  );
}
