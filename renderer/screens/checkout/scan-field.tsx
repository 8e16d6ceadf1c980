import { BarcodeOutlined, CloseCircleFilled } from '@ant-design/icons';
import { type KeyboardEvent, type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/**
 * Where scanners and fingers type: always focused; tells a scanner's burst from a person's typing.
 *
 * The text lives in the input itself, not in React state: a member code or a voucher is about 160
 * keys 4 ms apart, and a redraw per key (about 2 ms of the page's time on a busy till) let the keys
 * queue up behind each other until Enter came up to a second late (docs/performance.md, "Identify
 * a member"). A key now redraws nothing; only the clear button's coming and going does, and the
 * search is asked for once typing pauses.
 */
export function ScanField({ ref, onQuery, onEnter, onKey }: ScanFieldProps) {
  const { t } = useTranslation();
  const fieldRef = useRef<HTMLInputElement | null>(null);
  const wedge = useWedgeScanner(fieldRef);
  const [hasText, setHasText] = useState(false);
  const shownClear = useRef(false);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestOnQuery = useRef(onQuery);
  latestOnQuery.current = onQuery;

  useKeepFocus(fieldRef);
  useEffect(() => () => clearTimeout(searchTimer.current), []);

  /** After each change to the text: the clear button, and the search once typing pauses. */
  const changed = (text: string) => {
    if (shownClear.current !== (text !== '')) {
      shownClear.current = text !== '';
      setHasText(shownClear.current);
    }
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => latestOnQuery.current(text.trim()), searchDelayMs);
    if (text === '') wedge.reset();
  };
  const clear = () => {
    if (fieldRef.current) fieldRef.current.value = '';
    changed('');
  };
  useImperativeHandle(ref, () => ({ clear }));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const text = event.currentTarget.value;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (onEnter(text, wedge.take(event, text))) clear();
      return;
    }
    if (onKey(event, text)) {
      event.preventDefault();
      wedge.reset();
      return;
    }
    if (event.key === 'Escape') clear();
  };

  return (
    <span className="scan-field scan-box">
      <BarcodeOutlined className="scan-box-icon" />
      <input
        ref={fieldRef}
        className="scan-box-input"
        placeholder={t('checkout.scanPlaceholder')}
        title={t('checkout.scanPlaceholder')}
        defaultValue=""
        onChange={(event) => changed(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        maxLength={1000}
        aria-label={t('checkout.scanLabel')}
        data-testid="scan-field"
      />
      {hasText ? (
        <button
          type="button"
          className="scan-box-clear"
          aria-label={t('checkout.scanClear')}
          title={t('checkout.scanClear')}
          tabIndex={-1}
          onClick={() => {
            clear();
            fieldRef.current?.focus();
          }}
        >
          <CloseCircleFilled />
        </button>
      ) : null}
    </span>
  );
}
