import { ApartmentOutlined, ArrowLeftOutlined, ExperimentOutlined, RocketOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { sessionStore } from '../../api/session-store';
import { invalidateMethods } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { BrandMark } from '../../components/brand-mark';
import { LanguageSwitch } from '../../components/language-switch';
import { useLocale } from '../../i18n/use-locale';
import { HeadOfficeView } from '../head-office/head-office-view';
import { systemTimeZone } from './store-options';
import { StoreSetupForm, type StoreSetupValues } from './store-setup-form';
import './auth.css';

type Work = 'demo' | 'store' | null;

export function FirstRunScreen() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const done = () => invalidateMethods(queryClient, ['app.status']);
  const demo = useMutation({
    mutationFn: () => api.call('store.createDemo', { timeZone: systemTimeZone(), locale, history: true }),
    onSuccess: done,
  });
  /** The owner just chose their PIN: signing them in straight away saves typing it twice more. */
  const setUp = useMutation({
    mutationFn: async (values: StoreSetupValues) => {
      await api.call('store.create', {
        name: values.name.trim(),
        timeZone: values.timeZone,
        currency: values.currency,
        dayCutoffHour: values.dayCutoffHour,
        owner: { name: values.ownerName.trim(), pin: values.pin },
      });
      const { staff } = await api.call('staff.signInOptions', {});
      const owner = staff.find((member) => member.role === 'owner');
      if (!owner) return;
      const signedIn = await api.call('staff.signIn', { staffId: owner.id, pin: values.pin });
      sessionStore.set({ token: signedIn.sessionToken, staff: signedIn.staff, locked: false });
    },
    onSuccess: done,
  });
  const work: Work = demo.isPending ? 'demo' : setUp.isPending ? 'store' : null;
  const failure = demo.error ?? setUp.error;
  // An owner who only looks at their stores: this install stays without a store of its own.
  const [headOffice, setHeadOffice] = useState(false);
  if (headOffice) {
    return (
      <FirstRunPage>
        <div className="first-run-console">
          <Button icon={<ArrowLeftOutlined />} onClick={() => setHeadOffice(false)} className="first-run-back">
            {t('headOffice.back')}
          </Button>
          <HeadOfficeView />
        </div>
      </FirstRunPage>
    );
  }

  return (
    <FirstRunPage>
      <div className="first-run-intro">
        <h1>{t('firstRun.welcome')}</h1>
        <p>{t('firstRun.intro')}</p>
      </div>
      {failure ? <Alert className="first-run-error" type="error" showIcon title={errorText(failure)} /> : null}
      <div className="first-run-cards">
        <Card className="first-run-demo">
          <ExperimentOutlined className="first-run-demo-icon" />
          <h2>{t('firstRun.demoTitle')}</h2>
          <p>{t('firstRun.demoText')}</p>
          <Button
            type="primary"
            size="large"
            icon={<RocketOutlined />}
            className="first-run-demo-button"
            onClick={() => {
              setUp.reset();
              demo.mutate();
            }}
            loading={work === 'demo'}
            disabled={work !== null}
          >
            {t('firstRun.demoButton')}
          </Button>
        </Card>
        <Card className="first-run-setup" title={t('firstRun.setupTitle')}>
          <StoreSetupForm
            busy={work !== null}
            onSubmit={(values) => {
              demo.reset();
              setUp.mutate(values);
            }}
          />
        </Card>
      </div>
      <div className="first-run-head-office">
        <Button
          size="large"
          icon={<ApartmentOutlined />}
          onClick={() => setHeadOffice(true)}
          disabled={work !== null}
          data-testid="open-head-office"
        >
          {t('headOffice.open')}
        </Button>
        <p>{t('headOffice.openText')}</p>
      </div>
      <Spin
        fullscreen
        spinning={work !== null}
        description={work === 'demo' ? t('firstRun.creatingDemo') : t('firstRun.creatingStore')}
      />
    </FirstRunPage>
  );
}

/** The first screen's frame: the brand and the language, whatever is set up below them. */
function FirstRunPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="first-run">
      <header className="auth-header">
        <BrandMark subtitle={t('app.tagline')} />
        <LanguageSwitch />
      </header>
      {children}
    </div>
  );
}
