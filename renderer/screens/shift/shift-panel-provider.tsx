import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useApiQuery } from '../../api/use-api';
import { useKeyActions } from '../../hooks/use-key-actions';
import { ShiftPanel } from './shift-panel';

export const shiftShortcut = 'Alt+S';

type ShiftPanelControl = { open(): void };

const ShiftPanelContext = createContext<ShiftPanelControl | null>(null);

/** The till's shift, read by the status bar, the panel and the reports screen alike. */
export function useCurrentShift() {
  return useApiQuery('shift.current', {}, { staleTime: 30_000 });
}

/** One shift panel for the whole frame: the status bar and the reports screen both open it. */
export function ShiftPanelProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const control = useMemo(() => ({ open: show }), [show]);
  useKeyActions({ [shiftShortcut]: show });
  return (
    <ShiftPanelContext.Provider value={control}>
      {children}
      <ShiftPanel open={open} onClose={() => setOpen(false)} />
    </ShiftPanelContext.Provider>
  );
}

export function useShiftPanel(): ShiftPanelControl {
  const control = useContext(ShiftPanelContext);
  if (!control) throw new Error('useShiftPanel outside ShiftPanelProvider');
  return control;
}
