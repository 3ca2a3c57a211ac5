import { useQuery } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../src/api/contract';
import { call } from './client';

/** A read method as a cached query, keyed by method and input. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: { enabled?: boolean } = {},
) {
  return useQuery<MethodOutput<M>>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    enabled: options.enabled,
  });
}
