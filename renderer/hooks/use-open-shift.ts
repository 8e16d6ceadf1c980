import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../shared/client';
import { invalidateMethods, useApiMutation } from '../api/use-api';

/**
 * Opens the till's shift with a float, from the checkout or the shift panel. A shift someone
 * opened meanwhile (another screen, a colleague) counts as opened: the sale can go on all the same.
 */
export function useOpenShift(onOpened: () => void = () => {}) {
  const queryClient = useQueryClient();
  const opened = () => {
    void invalidateMethods(queryClient, ['shift.', 'reports.']);
    onOpened();
  };
  return useApiMutation('shift.open', {
    onSuccess: opened,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'shift_already_open') opened();
    },
  });
}
