import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { type KeyboardEvent, type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useKeepFocus } from '../../hooks/use-keep-focus';
import { useWedgeScanner } from '../../hooks/use-wedge-scanner';
import './checkout.css';

export type ScanFieldHandle = { clear(): void };

type ScanFieldProps = {
  ref?: Ref<ScanFieldHandle>;
  /** What to search for, once typing pauses. */
  onQuery(text: string): void;
  /** `scanned` is the code when a scanner typed it, null when a person did; true clears the field. */
  onEnter(value: string, scanned: string | null): boolean;
  /** The sale's own keys, with the field's text; answers whether it used the key. */
  onKey(event: KeyboardEvent<HTMLInputElement>, value: string): boolean;
};

const searchDelayMs = 80;
/** One element for every render: each key redraws the field, and the icon need not redraw with it. */
const prefixIcon = <BarcodeOutlined />;

/**
 * Where scanners and fingers type: always focused; tells a scanner's burst from a person's typing.
 * The text lives here, so a scanner's dozen keys redraw this field only, not the whole till.
 */
export function ScanField({ ref, onQuery, onEnter, onKey }: ScanFieldProps) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const wedge = useWedgeScanner(fieldRef);
  const [value, setValue] = useState('');
  const query = useDebouncedValue(value.trim(), searchDelayMs);
  const latestOnQuery = useRef(onQuery);
  latestOnQuery.current = onQuery;

  useEffect(() => {
    fieldRef.current = inputRef.current?.input ?? null;
  });
  useKeepFocus(fieldRef);
  useEffect(() => latestOnQuery.current(query), [query]);

  const change = (next: string) => {
    setValue(next);
    if (next === '') wedge.reset();
  };
  useImperativeHandle(ref, () => ({ clear: () => change('') }));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const text = event.currentTarget.value;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (onEnter(text, wedge.take(event, text))) change('');
      return;
    }
    if (onKey(event, text)) {
      event.preventDefault();
      wedge.reset();
      return;
    }
    if (event.key === 'Escape') change('');
  };

  return (
    <Input
      ref={inputRef}
      size="large"
      className="scan-field"
      prefix={prefixIcon}
      placeholder={t('checkout.scanPlaceholder')}
      title={t('checkout.scanPlaceholder')}
      value={value}
      onChange={(event) => change(event.target.value)}
      onKeyDown={onKeyDown}
      allowClear
      autoComplete="off"
      spellCheck={false}
      maxLength={1000}
      aria-label={t('checkout.scanLabel')}
      data-testid="scan-field"
    />
  );
}
