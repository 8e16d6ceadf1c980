import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError } from '../../../shared/client';
import type { OrderDetail, TenderInput } from '../../../shared/contract/orders';
import { invalidateMethods } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { ApprovalCancelled } from '../../components/approval-provider';
import { useApprovedCall } from '../../hooks/use-approved-call';
import { cartStore } from './cart-store';

export type PaymentProblem = { code: string; text: string } | null;

/**
 * Commits the sale on screen. The cart's id goes with it, so a retry after a lost answer returns the
 * order already made instead of charging twice; the sale is cleared only once the core has answered.
 */
export function usePayment(
  onPaid: (order: OrderDetail, replayed: boolean) => void,
  onRefused: (error: unknown) => void = () => undefined,
) {
  const approvedCall = useApprovedCall();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: async (tenders: TenderInput[]) => {
      const { id, cart } = cartStore.get();
      if (!id) throw new Error('a sale without an id cannot be paid');
      return approvedCall('orders.commit', { id, cart, tenders });
    },
    onSuccess: (result) => {
      cartStore.reset();
      void invalidateMethods(queryClient, ['shift.', 'orders.', 'carts.']);
      onPaid(result.order, result.replayed);
    },
    onError: (error) => onRefused(error),
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const commit = (tenders: TenderInput[]) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(tenders);
  };

  const error = mutation.error;
  const problem: PaymentProblem =
    !error || error instanceof ApprovalCancelled
      ? null
      : { code: error instanceof ApiError ? error.code : 'unexpected', text: errorText(error) };

  return { commit, pending: mutation.isPending, problem, clear: mutation.reset };
}
