import { CheckOutlined, LoadingOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, type InputRef } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { useKeepFocus } from '../../hooks/use-keep-focus';
import { useLocale } from '../../i18n/use-locale';
import { manualVoucherCode } from '../../vouchers/voucher-entry-text';
import { VoucherSources } from '../../vouchers/voucher-sources';
import { RedeemResult } from './redeem-result';
import { useRedeem } from './use-redeem';
import { VoucherCard } from './voucher-card';
import './redeem.css';

/**
 * Keyboard first: scan (or type and Enter), check the voucher shown, Enter again to redeem, Esc for
 * the next customer. The camera, a photo and typing by hand reach the same check.
 */
export function RedeemPanel() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const redeem = useRedeem();
  const { step } = redeem;
  const [text, setText] = useState('');
  const [imageProblem, setImageProblem] = useState(false);
  const inputRef = useRef<InputRef>(null);
  const fieldRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    fieldRef.current = inputRef.current?.input ?? null;
  });
  useKeepFocus(fieldRef);

  const voucher = step.kind === 'ready' || step.kind === 'redeeming' || step.kind === 'failed' ? step.voucher : null;
  const notGroupBuy = voucher !== null && voucher.campaign.type !== 'group_buy';
  const canRedeem = (step.kind === 'ready' || step.kind === 'failed') && !notGroupBuy;

  const scan = (code: string) => {
    setImageProblem(false);
    redeem.scan(code);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const code = manualVoucherCode(text);
      if (code) {
        setText('');
        scan(code);
      } else if (canRedeem) redeem.redeem();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setText('');
      setImageProblem(false);
      redeem.reset();
    }
  };

  return (
    <div className="redeem-body">
      <section className="redeem-main">
        <Input
          ref={inputRef}
          size="large"
          className="scan-field redeem-field"
          prefix={<ScanOutlined />}
          placeholder={t('voucher.redeem.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          maxLength={1000}
          aria-label={t('voucher.redeem.fieldLabel')}
          data-testid="redeem-code-field"
        />
        <VoucherSources onCode={scan} onNoCode={() => setImageProblem(true)} disabled={redeem.busy} />
        {imageProblem ? <Alert type="warning" showIcon title={t('voucher.sources.noCodeInImage')} /> : null}
        {step.kind === 'checking' ? (
          <div className="redeem-checking" data-testid="redeem-checking">
            <LoadingOutlined /> {t('voucher.coupons.checking')}
          </div>
        ) : null}
        {step.kind === 'refused' ? (
          <Alert type="error" showIcon title={step.message} data-testid="redeem-refusal" />
        ) : null}
        {voucher ? (
          <>
            <VoucherCard voucher={voucher} />
            {notGroupBuy ? (
              <Alert
                type="warning"
                showIcon
                title={errorMessage('voucher_not_group_buy', {}, locale)}
                data-testid="redeem-refusal"
              />
            ) : null}
            {step.kind === 'failed' ? (
              <Alert type="error" showIcon title={step.message} data-testid="redeem-refusal" />
            ) : null}
            <Button
              type="primary"
              size="large"
              icon={<CheckOutlined />}
              className="redeem-button"
              disabled={!canRedeem}
              loading={step.kind === 'redeeming'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={redeem.redeem}
              data-testid="redeem-button"
            >
              {step.kind === 'failed' ? t('voucher.redeem.retry') : t('voucher.redeem.redeem')} <kbd>Enter</kbd>
            </Button>
          </>
        ) : null}
        {step.kind === 'idle' ? (
          <Empty className="redeem-idle" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('voucher.redeem.idle')} />
        ) : null}
      </section>
      <aside className="redeem-side">
        {step.kind === 'done' ? (
          <RedeemResult order={step.order} replayed={step.replayed} onNext={redeem.reset} />
        ) : (
          <div className="redeem-steps">
            <h3>{t('voucher.redeem.howTitle')}</h3>
            <ol>
              <li>{t('voucher.redeem.how1')}</li>
              <li>{t('voucher.redeem.how2')}</li>
              <li>{t('voucher.redeem.how3')}</li>
            </ol>
          </div>
        )}
      </aside>
    </div>
  );
}
