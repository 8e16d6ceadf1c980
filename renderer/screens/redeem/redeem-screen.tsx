import { QrcodeOutlined, ScanOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyActions } from '../../hooks/use-key-actions';
import { ScreenHeader } from '../screen-header';
import { RedeemPanel } from './redeem-panel';
import { SampleVouchers } from './sample-vouchers';
import '../screens.css';
import './redeem.css';

type View = 'redeem' | 'samples';

const samplesKey = 'Alt+Q';

/** 团购核销: group-buy vouchers redeemed without a cart, and the demo's sample vouchers to try it with. */
export function RedeemScreen({ section }: { section?: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>(section === 'samples' ? 'samples' : 'redeem');
  const toggle = () => setView((current) => (current === 'redeem' ? 'samples' : 'redeem'));
  useKeyActions({ [samplesKey]: toggle });
  const extra = (
    <Button
      size="large"
      icon={view === 'redeem' ? <QrcodeOutlined /> : <ScanOutlined />}
      onMouseDown={(event) => event.preventDefault()}
      onClick={toggle}
      data-testid={view === 'redeem' ? 'open-sample-vouchers' : 'back-to-redeem'}
    >
      {view === 'redeem' ? t('voucher.samples.open') : t('voucher.samples.back')} <kbd>{samplesKey}</kbd>
    </Button>
  );
  return (
    <div className="screen redeem-screen">
      <ScreenHeader
        title={view === 'redeem' ? t('nav.redeem') : t('voucher.samples.title')}
        icon={view === 'redeem' ? <ScanOutlined /> : <QrcodeOutlined />}
        extra={extra}
      />
      {view === 'redeem' ? <RedeemPanel /> : <SampleVouchers />}
    </div>
  );
}
