import { LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Avatar, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Session, sessionStore } from '../../api/session-store';
import { useApiMutation } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { BrandMark } from '../../components/brand-mark';
import { PinPad } from '../../components/pin-pad';
import { RoleTag } from '../../components/role-tag';
import { useSessionActions } from '../../hooks/use-session-actions';
import './auth.css';

export function LockScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const store = useStoreInfo();
  const errorText = useErrorText();
  const { signOut } = useSessionActions();
  const [pin, setPin] = useState('');
  const unlock = useApiMutation('staff.unlock', {
    onSuccess: () => sessionStore.setLocked(false),
    onError: () => setPin(''),
  });

  return (
    <div className="auth-screen lock-screen" data-testid="lock-screen">
      <header className="auth-header">
        <BrandMark subtitle={store.name} />
      </header>
      <Card className="lock-card">
        <div className="lock-person">
          <Avatar size={88} className={`avatar-${session.staff.role}`}>
            {Array.from(session.staff.name)[0]}
          </Avatar>
          <div className="lock-name">{session.staff.name}</div>
          <RoleTag role={session.staff.role} />
          <div className="lock-note">
            <LockOutlined /> {t('lock.locked')}
          </div>
          <Button size="large" icon={<SwapOutlined />} className="lock-switch" onClick={signOut}>
            {t('lock.switchUser')}
          </Button>
        </div>
        <PinPad
          value={pin}
          onChange={setPin}
          onSubmit={(entered) => unlock.mutate({ pin: entered })}
          busy={unlock.isPending}
          error={unlock.error ? errorText(unlock.error) : null}
          testId="unlock-pin-pad"
        />
      </Card>
    </div>
  );
}
