import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

/** Operator branding and contact data from GET /api/v1/meta. */
export interface Meta {
  productName: string;
  providerName: string;
  helpBaseUrl: string;
  supportEmail: string | null;
  supportPhone: string | null;
  version: string;
  /** Sent by the server already; the shell does not show a logo yet. */
  logoUrl?: string | null;
}

/** Used while the meta data loads or when it cannot be fetched. */
export const BUILT_IN_HELP_BASE_URL = '/hilfe';

export const metaQueryKey = ['meta'] as const;

export function useMeta() {
  return useQuery({
    queryKey: metaQueryKey,
    queryFn: ({ signal }) => apiFetch<Meta>('/api/v1/meta', { signal }),
    // Branding changes only with a new deployment.
    staleTime: Infinity,
    retry: 1,
  });
}

export function useHelpBaseUrl(): string {
  const { data } = useMeta();
  return data?.helpBaseUrl || BUILT_IN_HELP_BASE_URL;
}
