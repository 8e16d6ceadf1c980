import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepFocus } from '../../hooks/use-keep-focus';
import { useWedgeScanner } from '../../hooks/use-wedge-scanner';
import './checkout.css';

type ScanFieldProps = {
  value: string;
  onChange(value: string): void;
  /** `scanned` is the code when a scanner typed it, null when a person did. */
  onEnter(value: string, scanned: string | null): void;
  /** The sale's own keys; answers whether it used the key. */
  onKey(event: KeyboardEvent<HTMLInputElement>): boolean;
};

/** Where scanners and fingers type: always focused; tells a scanner's burst from a person's typing. */
export function ScanField({ value, onChange, onEnter, onKey }: ScanFieldProps) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const wedge = useWedgeScanner();

  useEffect(() => {
    fieldRef.current = inputRef.current?.input ?? null;
  });
  useKeepFocus(fieldRef);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onEnter(event.currentTarget.value, wedge.take(event));
      return;
    }
    if (onKey(event)) {
      event.preventDefault();
      wedge.reset();
      return;
    }
    if (event.key === 'Escape') {
      onChange('');
      wedge.reset();
      return;
    }
    wedge.record(event);
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
