import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin, Tag } from 'antd';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleVoucher } from '../../../shared/contract/vouchers';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useKeyActions } from '../../hooks/use-key-actions';
import { escapeHtml, printSheet } from '../../print/print-sheet';
import { useDateTimeText, useVoucherValueText } from '../../vouchers/use-voucher-text';
import './redeem.css';

/** Level M and a quiet zone, big enough to read off a screen with a phone or a webcam held to it. */
const qrOptions = { errorCorrectionLevel: 'M', margin: 3, width: 520 } as const;

const printStyle = `
.sheet { display: flex; flex-wrap: wrap; gap: 8mm; }
.card { width: 85mm; border: 1px dashed #999; padding: 4mm; text-align: center; break-inside: avoid; }
.card img { width: 60mm; height: 60mm; }
.name { font-weight: 700; font-size: 14pt; }
.meta { font-size: 10pt; color: #444; }`;

type Rendered = SampleVoucher & { qr: string };

/**
 * The demo store's vouchers, one of each type, to try scanning on the first day: hold a phone's
 * photo of one to the camera, or print them.
 */
export function SampleVouchers() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const valueText = useVoucherValueText();
  const when = useDateTimeText();
  const samples = useApiQuery('vouchers.samples', {});
  const [rendered, setRendered] = useState<Rendered[] | null>(null);

  useEffect(() => {
    const vouchers = samples.data?.vouchers;
    if (!vouchers) return;
    let gone = false;
    void Promise.all(
      vouchers.map(async (voucher) => ({ ...voucher, qr: await toDataURL(voucher.code, qrOptions) })),
    ).then((list) => {
      if (!gone) setRendered(list);
    });
    return () => {
      gone = true;
    };
  }, [samples.data]);

  const describe = (voucher: SampleVoucher) => ({
    type: t(`voucher.type.${voucher.type}`),
    value: valueText(voucher.type, voucher.value),
    expires: t('voucher.samples.expires', { at: when(voucher.expires, 'seconds') }),
  });

  const print = (list: Rendered[]) => {
    const cards = list.map((voucher) => {
      const text = describe(voucher);
      return `<div class="card"><img src="${voucher.qr}" alt=""><div class="name">${escapeHtml(voucher.campaignName)}</div><div class="meta">${escapeHtml(`${text.type} · ${text.value}`)}</div><div class="meta">${escapeHtml(text.expires)}</div></div>`;
    });
    void printSheet(t('voucher.samples.title'), `<div class="sheet">${cards.join('')}</div>`, printStyle);
  };

  useKeyActions({ 'Ctrl+P': () => rendered && rendered.length > 0 && print(rendered) });

  if (samples.error) return <Alert type="error" showIcon title={errorText(samples.error)} />;
  if (samples.isPending || (samples.data.vouchers.length > 0 && rendered === null)) return <Spin />;
  if (samples.data.vouchers.length === 0 || !rendered) {
    return (
      <Empty className="redeem-idle" description={t('voucher.samples.empty')} data-testid="sample-vouchers-empty" />
    );
  }
  return (
    <>
      <div className="sample-toolbar">
        <span>{t('voucher.samples.intro')}</span>
        <Button size="large" icon={<PrinterOutlined />} onClick={() => print(rendered)} data-testid="print-samples">
          {t('voucher.samples.printAll')} <kbd>Ctrl+P</kbd>
        </Button>
      </div>
      <div className="sample-grid" data-testid="sample-vouchers">
        {rendered.map((voucher) => {
          const text = describe(voucher);
          return (
            <div
              className="sample-card"
              key={voucher.code}
              data-testid="sample-voucher"
              data-type={voucher.type}
              data-code={voucher.code}
            >
              <img src={voucher.qr} alt={voucher.campaignName} data-testid="sample-voucher-qr" />
              <span className="sample-card-name">{voucher.campaignName}</span>
              <span>
                <Tag>{text.type}</Tag> {text.value}
              </span>
              <span className="sample-card-meta">{text.expires}</span>
              <Button icon={<PrinterOutlined />} onClick={() => print([voucher])} data-testid="print-sample">
                {t('voucher.samples.print')}
              </Button>
            </div>
          );
        })}
      </div>
    </>
  );
}
