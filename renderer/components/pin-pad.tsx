import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './components.css';

const maxDigits = 8;
const minDigits = 4;

type PinPadProps = {
  value: string;
  onChange(value: string): void;
  onSubmit(pin: string): void;
  busy?: boolean;
  error?: string | null;
  /** Takes keyboard focus on mount, whenever it becomes enabled again, and when focusKey changes. */
  autoFocus?: boolean;
  focusKey?: string | null;
  testId?: string;
};

/**
 * A PIN pad for touch and keyboard alike: digits, Backspace and Enter work while it has focus, and
 * its buttons never take focus away, so switching between keyboard and screen never loses keys.
 * `inputMode="none"` keeps a touch screen's own keyboard from covering the pad.
 */
export function PinPad({
  value,
  onChange,
  onSubmit,
  busy = false,
  error,
  autoFocus = true,
  focusKey,
  testId,
}: PinPadProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger, not a value read here.
  useEffect(() => {
    if (autoFocus && !busy) inputRef.current?.focus();
  }, [autoFocus, busy, focusKey]);

  const press = (key: string) => {
    if (busy) return;
    if (key === 'back') onChange(value.slice(0, -1));
    else if (key === 'clear') onChange('');
    else if (key === 'enter') {
      if (value.length >= minDigits) onSubmit(value);
    } else if (value.length < maxDigits) onChange(value + key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    press('enter');
  };

  /** Pad keys keep focus in the hidden field, so a keyboard works right after a tap. */
  const key = (id: string, label: ReactNode, extra: { className?: string; ariaLabel?: string } = {}) => (
    <Button
      key={id}
      className={extra.className ?? 'pin-key'}
      tabIndex={-1}
      aria-label={extra.ariaLabel}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => press(id)}
      disabled={busy}
    >
      {label}
    </Button>
  );

  return (
    <div className="pin-pad" data-testid={testId}>
      {/* The digits go into a real (hidden) field: keyboards, scanners and screen readers all work with it. */}
      <input
        ref={inputRef}
        id={inputId}
        className="pin-capture"
        type="password"
        inputMode="none"
        autoComplete="off"
        aria-label={t('pin.label')}
        value={value}
        maxLength={maxDigits}
        readOnly={busy}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, maxDigits))}
        onKeyDown={onKeyDown}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      <label htmlFor={inputId} className="pin-dots" aria-hidden>
        {Array.from({ length: Math.max(minDigits, value.length) }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: dots are positions, not items.
          <span key={i} className={i < value.length ? 'pin-dot filled' : 'pin-dot'} />
        ))}
      </label>
      {error ? <Alert className="pin-error" type="error" showIcon title={error} /> : null}
      <div className="pin-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => key(digit, digit))}
        {key('clear', t('pin.clear'), { className: 'pin-key pin-key-small' })}
        {key('0', '0')}
        {key('back', <ArrowLeftOutlined />, { ariaLabel: t('pin.backspace') })}
      </div>
      <Button
        type="primary"
        size="large"
        block
        className="pin-enter"
        tabIndex={-1}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => press('enter')}
        loading={busy}
        disabled={value.length < minDigits}
      >
        {t('pin.enter')}
      </Button>
    </div>
  );
}
