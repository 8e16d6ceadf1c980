import { useState } from 'react';
import type { Session } from '../api/session-store';
import { useStoreInfo } from '../app/store-provider';
import { BrandMark } from '../components/brand-mark';
import { useHotkeys } from '../hooks/use-hotkeys';
import { useIdle } from '../hooks/use-idle';
import { narrowScreen, useMediaQuery } from '../hooks/use-media-query';
import { useSessionActions } from '../hooks/use-session-actions';
import { CatalogScreen } from '../screens/catalog/catalog-screen';
import { CheckoutScreen } from '../screens/checkout/checkout-screen';
import { OrdersScreen } from '../screens/orders/orders-screen';
import { PlaceholderScreen } from '../screens/placeholder-screen';
import { ReportsScreen } from '../screens/reports/reports-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { ShiftPanelProvider } from '../screens/shift/shift-panel-provider';
import { NavMenu } from './nav-menu';
import { lockShortcut, type ScreenKey, screens } from './screens';
import { StatusBar } from './status-bar';
import './frame.css';

const idleLockMs = 5 * 60_000;

export function MainFrame({ session }: { session: Session }) {
  const store = useStoreInfo();
  const [active, setActive] = useState<ScreenKey>('checkout');
  const { lock, signOut } = useSessionActions();
  const narrow = useMediaQuery(narrowScreen);

  useHotkeys({
    ...Object.fromEntries(screens.map((screen) => [screen.shortcut, () => setActive(screen.key)])),
    [lockShortcut]: lock,
  });
  useIdle(idleLockMs, lock, !session.locked);

  return (
    <ShiftPanelProvider>
      <div className="main-frame" inert={session.locked}>
        <div className="main-row">
          <aside className={narrow ? 'main-nav collapsed' : 'main-nav'}>
            <BrandMark subtitle={store.name} />
            <NavMenu active={active} collapsed={narrow} onNavigate={setActive} />
          </aside>
          <main className="main-content">
            <ActiveScreen screen={active} />
          </main>
        </div>
        <StatusBar session={session} onLock={lock} onSignOut={signOut} />
      </div>
    </ShiftPanelProvider>
  );
}

function ActiveScreen({ screen }: { screen: ScreenKey }) {
  switch (screen) {
    case 'checkout':
      return <CheckoutScreen />;
    case 'orders':
      return <OrdersScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'catalog':
      return <CatalogScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <PlaceholderScreen screen={screen} />;
  }
}
