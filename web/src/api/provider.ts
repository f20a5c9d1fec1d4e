import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, apiFetch } from './client.ts';
import { metaQueryKey } from './meta.ts';

/** The carrier's white-label settings (operators). */
export interface ProviderSettings {
  name: string;
  productName: string;
  logoUrl: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  helpBaseUrl: string;
  postalAddress: string | null;
  /** MyPortal "Hilfe & Downloads"; empty: the installation default (MYPORTAL_DOWNLOADS) applies. */
  downloads: ProviderDownload[];
}

/** One link of MyPortal's "Hilfe & Downloads". */
export interface ProviderDownload {
  title: string;
  url: string;
  description: string;
}

const key = ['provider'] as const;

export function useProvider() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<ProviderSettings>('/api/v1/provider', { signal }),
  });
}

export function useUpdateProvider() {
  const queryClient = useQueryClient();
  return useMutation<ProviderSettings, ApiError, Partial<ProviderSettings>>({
    mutationFn: (body) => apiFetch<ProviderSettings>('/api/v1/provider', { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // The header shows the product name from /meta.
      void queryClient.invalidateQueries({ queryKey: metaQueryKey });
    },
  });
}
