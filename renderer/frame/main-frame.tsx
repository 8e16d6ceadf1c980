import { useCallback, useState } from 'react';
import type { Session } from '../api/session-store';
import { OnlineArrivals } from '../app/online-arrivals';
import { useStoreInfo } from '../app/store-provider';
import { BrandMark } from '../components/brand-mark';
import { useHotkeys } from '../hooks/use-hotkeys';
import { useIdle } from '../hooks/use-idle';
import { narrowScreen, useMediaQuery } from '../hooks/use-media-query';
import { useSessionActions } from '../hooks/use-session-actions';
import { CatalogScreen } from '../screens/catalog/catalog-screen';
import { CheckoutScreen } from '../screens/checkout/checkout-screen';
import { OnlineScreen } from '../screens/online/online-screen';
import { OrdersScreen } from '../screens/orders/orders-screen';
import { RedeemScreen } from '../screens/redeem/redeem-screen';
import { ReportsScreen } from '../screens/reports/reports-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { ShiftPanelProvider } from '../screens/shift/shift-panel-provider';
import { StockScreen } from '../screens/stock/stock-screen';
import { NavMenu } from './nav-menu';
import { type Destination, NavigationProvider } from './navigation';
import { lockShortcut, screens } from './screens';
import { StatusBar } from './status-bar';
import './frame.css';

const idleLockMs = 5 * 60_000;

export function MainFrame({ session }: { session: Session }) {
  const store = useStoreInfo();
  // Each visit is numbered so a link to a section opens it even when its screen is already showing.
  const [place, setPlace] = useState<Destination & { visit: number }>({ screen: 'checkout', visit: 0 });
  const navigate = useCallback((to: Destination) => setPlace((at) => ({ ...to, visit: at.visit + 1 })), []);
  const { lock, signOut } = useSessionActions();
  const narrow = useMediaQuery(narrowScreen);

  useHotkeys({
    ...Object.fromEntries(screens.map((screen) => [screen.shortcut, () => navigate({ screen: screen.key })])),
    [lockShortcut]: lock,
  });
  useIdle(idleLockMs, lock, !session.locked);

  return (
    <NavigationProvider value={navigate}>
      <ShiftPanelProvider>
        <div className="main-frame" inert={session.locked}>
          <div className="main-row">
            <aside className={narrow ? 'main-nav collapsed' : 'main-nav'}>
              <BrandMark subtitle={store.name} />
              <NavMenu active={place.screen} collapsed={narrow} onNavigate={(screen) => navigate({ screen })} />
            </aside>
            <main className="main-content">
              <ActiveScreen place={place} />
            </main>
          </div>
          <StatusBar session={session} onLock={lock} onSignOut={signOut} />
        </div>
        <OnlineArrivals showing={place.screen === 'online'} />
      </ShiftPanelProvider>
    </NavigationProvider>
  );
}

function ActiveScreen({ place }: { place: Destination & { visit: number } }) {
  const { screen, section } = place;
  switch (screen) {
    case 'checkout':
      return <CheckoutScreen />;
    case 'orders':
      return <OrdersScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'catalog':
      return <CatalogScreen />;
    case 'online':
      return <OnlineScreen />;
    case 'stock':
      return <StockScreen />;
    case 'redeem':
      return <RedeemScreen key={section ? place.visit : 'redeem'} section={section} />;
    case 'settings':
      return <SettingsScreen key={section ? place.visit : 'settings'} section={section} />;
    default:
      return screen satisfies never;
  }
}
