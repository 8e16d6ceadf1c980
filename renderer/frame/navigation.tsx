import { createContext, useContext } from 'react';
import type { ScreenKey } from './screens';

/** A screen, and optionally the part of it to open (a Settings tab, say). */
export type Destination = { screen: ScreenKey; section?: string };

const NavigationContext = createContext<(to: Destination) => void>(() => undefined);

export const NavigationProvider = NavigationContext.Provider;

/** Lets a status-bar link or a notification take the person to the screen that deals with it. */
export function useNavigate(): (to: Destination) => void {
  return useContext(NavigationContext);
}
