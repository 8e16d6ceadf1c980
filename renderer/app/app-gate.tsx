import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session-store';
import { useApiQuery } from '../api/use-api';
import { ApprovalProvider } from '../components/approval-provider';
import { StartupProblem } from '../components/startup-problem';
import { MainFrame } from '../frame/main-frame';
import { FirstRunScreen } from '../screens/auth/first-run-screen';
import { LockScreen } from '../screens/auth/lock-screen';
import { SignInScreen } from '../screens/auth/sign-in-screen';
import { StoreProvider } from './store-provider';
import { useRestoreSession } from './use-restore-session';

/** First run, sign-in, lock or the working screens: decided by the core's state, never by guesswork. */
export function AppGate() {
  const { t } = useTranslation();
  // The business day turns over at the cut-off hour; a minute's delay in the status bar is fine.
  const status = useApiQuery('app.status', {}, { refetchInterval: 60_000 });
  const session = useSession();
  const restoring = useRestoreSession();

  if (status.isPending || restoring) {
    return (
      <div className="center-screen">
        <Spin size="large" description={t('app.starting')} />
      </div>
    );
  }
  if (status.error) return <StartupProblem error={status.error} onRetry={() => void status.refetch()} />;
  const store = status.data.store;
  if (!status.data.setUp || !store) return <FirstRunScreen />;
  return (
    <StoreProvider store={store}>
      {!session ? (
        <SignInScreen />
      ) : (
        // Locking covers the working screens instead of replacing them, so nothing in progress is lost.
        <ApprovalProvider>
          <MainFrame session={session} />
          {session.locked ? <LockScreen session={session} /> : null}
        </ApprovalProvider>
      )}
    </StoreProvider>
  );
}
