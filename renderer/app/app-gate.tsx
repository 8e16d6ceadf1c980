import { Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session-store';
import { useApiQuery } from '../api/use-api';
import { ApprovalProvider } from '../components/approval-provider';
import { StartupProblem } from '../components/startup-problem';
import { LockScreen } from '../screens/auth/lock-screen';
import { SignInScreen } from '../screens/auth/sign-in-screen';
import { StoreProvider } from './store-provider';
import { useRestoreSession } from './use-restore-session';

// The working screens (and the camera's QR reader with them) are most of the code: the sign-in
// screen shows without them, and they load while the cashier types a PIN.
const loadMainFrame = () => import('../frame/main-frame');
const MainFrame = lazy(() => loadMainFrame().then((module) => ({ default: module.MainFrame })));
const FirstRunScreen = lazy(() =>
  import('../screens/auth/first-run-screen').then((module) => ({ default: module.FirstRunScreen })),
);

function Starting() {
  const { t } = useTranslation();
  return (
    <div className="center-screen">
      <Spin size="large" description={t('app.starting')} />
    </div>
  );
}

/** First run, sign-in, lock or the working screens: decided by the core's state, never by guesswork. */
export function AppGate() {
  // The business day turns over at the cut-off hour; a minute's delay in the status bar is fine.
  const status = useApiQuery('app.status', {}, { refetchInterval: 60_000 });
  const session = useSession();
  const restoring = useRestoreSession();
  const setUp = status.data?.setUp === true;
  useEffect(() => {
    if (setUp) void loadMainFrame();
  }, [setUp]);

  if (status.isPending || restoring) return <Starting />;
  if (status.error) return <StartupProblem error={status.error} onRetry={() => void status.refetch()} />;
  const store = status.data.store;
  if (!status.data.setUp || !store) {
    return (
      <Suspense fallback={<Starting />}>
        <FirstRunScreen />
      </Suspense>
    );
  }
  return (
    <StoreProvider store={store}>
      {!session ? (
        <SignInScreen />
      ) : (
        // Locking covers the working screens instead of replacing them, so nothing in progress is lost.
        <ApprovalProvider>
          <Suspense fallback={<Starting />}>
            <MainFrame session={session} />
          </Suspense>
          {session.locked ? <LockScreen session={session} /> : null}
        </ApprovalProvider>
      )}
    </StoreProvider>
  );
}
