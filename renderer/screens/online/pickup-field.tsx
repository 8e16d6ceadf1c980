import { QrcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepFocus } from '../../hooks/use-keep-focus';
import { useWedgeScanner } from '../../hooks/use-wedge-scanner';
import { normalisePickupText } from './pickup-code';
import './online.css';

type PickupFieldProps = {
  busy: boolean;
  /** Enter with a code: the scanned text (a scanner's burst alone) or what was typed. */
  onCode(code: string): void;
  /** Enter on an empty field: the chosen order's next step. */
  onEmptyEnter(): void;
  /** Arrow keys on an empty field move the choice on the board. */
  onArrow(key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): void;
  onTyping(text: string): void;
};

const arrows = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * Where the customer's pickup QR lands: always focused, like the checkout's scan field, so a
 * scanner needs no click first. A scan typed over half-typed digits is read as the scan alone.
 */
export function PickupField({ busy, onCode, onEmptyEnter, onArrow, onTyping }: PickupFieldProps) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const wedge = useWedgeScanner(fieldRef);
  const [value, setValue] = useState('');

  useEffect(() => {
    fieldRef.current = inputRef.current?.input ?? null;
  });
  useKeepFocus(fieldRef);

  const change = (next: string) => {
    setValue(next);
    onTyping(next);
    if (next === '') wedge.reset();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const text = event.currentTarget.value;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.repeat || busy) return;
      const code = normalisePickupText(wedge.take(event) ?? text);
      change('');
      if (code) onCode(code);
      else onEmptyEnter();
      return;
    }
    if (!text && arrows.has(event.key)) {
      event.preventDefault();
      onArrow(event.key as Parameters<PickupFieldProps['onArrow']>[0]);
      return;
    }
    if (event.key === 'Escape') change('');
  };

  return (
    <Input
      ref={inputRef}
      size="large"
      className="pickup-field"
      prefix={<QrcodeOutlined />}
      placeholder={t('online.pickupPlaceholder')}
      value={value}
      onChange={(event) => change(event.target.value)}
      onKeyDown={onKeyDown}
      allowClear
      autoComplete="off"
      spellCheck={false}
      maxLength={64}
      aria-label={t('online.pickupLabel')}
      data-testid="pickup-field"
    />
  );
}
