import {
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
} from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { api } from './api-client';

type QueryOptions<M extends MethodName> = Omit<UseQueryOptions<OutputOf<M>, Error>, 'queryKey' | 'queryFn'>;

/** Query keys start with the method name, so a pushed event can refresh a whole family of reads. */
export function useApiQuery<M extends MethodName>(method: M, input: InputOf<M>, options: QueryOptions<M> = {}) {
  return useQuery<OutputOf<M>, Error>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    ...options,
  });
}

type MutationOptions<M extends MethodName> = Omit<UseMutationOptions<OutputOf<M>, Error, InputOf<M>>, 'mutationFn'>;

export function useApiMutation<M extends MethodName>(method: M, options: MutationOptions<M> = {}) {
  return useMutation<OutputOf<M>, Error, InputOf<M>>({
    mutationFn: (input) => api.call(method, input),
    ...options,
  });
}

export function invalidateMethods(queryClient: QueryClient, prefixes: string[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => prefixes.some((prefix) => String(query.queryKey[0]).startsWith(prefix)),
  });
}
