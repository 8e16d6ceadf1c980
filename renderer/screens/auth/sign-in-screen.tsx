import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../../api/session-store';
import { useApiMutation, useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { BrandMark } from '../../components/brand-mark';
import { LanguageSwitch } from '../../components/language-switch';
import { PinPad } from '../../components/pin-pad';
import { StaffTile } from '../../components/staff-tile';
import './auth.css';

export function SignInScreen() {
  const { t } = useTranslation();
  const store = useStoreInfo();
  const errorText = useErrorText();
  const options = useApiQuery('staff.signInOptions', {});
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const signIn = useApiMutation('staff.signIn', {
    onSuccess: (result) => sessionStore.set({ token: result.sessionToken, staff: result.staff, locked: false }),
    onError: () => setPin(''),
  });
  const staff = options.data?.staff ?? [];
  const picked = staff.find((member) => member.id === pickedId) ?? null;
  const { reset } = signIn;

  const pick = useCallback(
    (id: string | null) => {
      setPickedId(id);
      setPin('');
      reset();
    },
    [reset],
  );

  useEffect(() => {
    if (!picked) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') pick(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [picked, pick]);

  return (
    <div className="auth-screen">
      <header className="auth-header">
        <BrandMark subtitle={store.name} />
        <LanguageSwitch />
      </header>
      <div className="sign-in-body">
        <Card className="sign-in-people" title={t('signIn.who')}>
          {options.isPending ? (
            <Spin />
          ) : options.error ? (
            <Alert type="error" showIcon title={errorText(options.error)} />
          ) : staff.length === 0 ? (
            <Empty description={t('signIn.nobody')} />
          ) : (
            <div className="staff-grid">
              {staff.map((member) => (
                <StaffTile
                  key={member.id}
                  staff={member}
                  selected={member.id === pickedId}
                  onPick={() => pick(member.id)}
                />
              ))}
            </div>
          )}
        </Card>
        <Card
          className="sign-in-pin"
          title={picked ? t('signIn.pinFor', { name: picked.name }) : t('signIn.pinTitle')}
          extra={
            picked ? (
              <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => pick(null)}>
                {t('signIn.back')}
              </Button>
            ) : null
          }
        >
          {picked ? (
            <PinPad
              value={pin}
              onChange={setPin}
              onSubmit={(entered) => signIn.mutate({ staffId: picked.id, pin: entered })}
              busy={signIn.isPending || signIn.isSuccess}
              error={signIn.error ? errorText(signIn.error) : null}
              testId="sign-in-pin-pad"
              // Picking another person (after a lock-out, say) hands the keyboard straight to the pad.
              focusKey={picked.id}
            />
          ) : (
            <div className="sign-in-hint">{t('signIn.pickFirst')}</div>
          )}
        </Card>
      </div>
      {store.demo ? <div className="demo-banner">{t('signIn.demoBanner')}</div> : null}
    </div>
  );
}
