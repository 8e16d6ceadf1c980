import { createContext, type ReactNode, useContext } from 'react';
import type { StoreInfo } from '../../shared/contract/store';

const StoreContext = createContext<StoreInfo | null>(null);

export function StoreProvider({ store, children }: { store: StoreInfo; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The set-up store; only screens behind the first-run gate use it. */
export function useStoreInfo(): StoreInfo {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreInfo outside StoreProvider');
  return store;
}
