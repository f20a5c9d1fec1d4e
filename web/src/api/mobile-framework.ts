import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TariffSegment } from './catalog.ts';
import { type ApiError, apiFetch } from './client.ts';

/** One number or range of the company's mobile framework contract (Rahmenvertrag). */
export interface FrameworkEntry {
  id: string;
  /** National digits without 0: a whole number or the start of a range. */
  prefix: string;
  kind: 'number' | 'range';
  /** "0170 1234567" or "0170 123…". */
  display: string;
  tariffKey: string;
  tariffName: string;
  tariffSegment: TariffSegment;
  createdAt: string;
}

export interface FrameworkInput {
  /** As the operator typed it; the server reads every usual notation. */
  prefix: string;
  tariffKey: string;
}

const url = (companyId: string) =>
  `/api/v1/companies/${encodeURIComponent(companyId)}/mobile-framework`;
const key = (companyId: string) => ['mobile-framework', companyId] as const;

export function useMobileFramework(companyId: string) {
  return useQuery({
    queryKey: key(companyId),
    queryFn: ({ signal }) => apiFetch<{ items: FrameworkEntry[] }>(url(companyId), { signal }),
  });
}

/** The list and the company's audit log change with every entry. */
function useChanged(companyId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: key(companyId) });
    void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] });
  };
}

export function useAddFrameworkEntry(companyId: string) {
  const onSuccess = useChanged(companyId);
  return useMutation<FrameworkEntry, ApiError, FrameworkInput>({
    mutationFn: (input) => apiFetch(url(companyId), { method: 'POST', body: input }),
    onSuccess,
  });
}

export function useRemoveFrameworkEntry(companyId: string) {
  const onSuccess = useChanged(companyId);
  return useMutation<void, ApiError, string>({
    mutationFn: (id) =>
      apiFetch(`${url(companyId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess,
  });
}
