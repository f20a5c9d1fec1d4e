// The workplace API: drafts and templates (workplace-drafts.ts), types (workplace-types.ts), and
// here the workplaces themselves and the catalogue views of the wizard (a group's numbers:
// useNumberBlocks/useNumberSearch with a groupId).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CartItem, cartQueryKey } from './cart.ts';
import type { CatalogDevice, CatalogProduct } from './catalog.ts';
import { type ApiError, apiFetch, withQuery } from './client.ts';
import type { Section } from '../../../common/src/workplaces/sections.ts';

import {
  base,
  workplacePath,
  workplacesKey,
  type Workplace,
  type WorkplaceFilter,
  type WorkplacePage,
} from './workplace-types.ts';

export * from './workplace-types.ts';
export * from './workplace-drafts.ts';

// ---------------------------------------------------------------------------------------------
// Workplaces
// ---------------------------------------------------------------------------------------------

export function useWorkplaces(companyId: string, filter: WorkplaceFilter) {
  return useQuery({
    queryKey: [...workplacesKey(companyId), 'list', filter],
    queryFn: ({ signal }) =>
      apiFetch<WorkplacePage>(
        withQuery(`${base(companyId)}/workplaces`, {
          search: filter.search.trim(),
          status: filter.status,
          groupId: filter.groupId,
          page: filter.page,
          pageSize: filter.pageSize,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useWorkplace(companyId: string, id: string) {
  return useQuery({
    queryKey: [...workplacesKey(companyId), 'detail', id],
    queryFn: ({ signal }) => apiFetch<Workplace>(workplacePath(companyId, id), { signal }),
  });
}

function useWorkplaceMutation<TResult, TInput>(
  companyId: string,
  send: (input: TInput) => Promise<TResult>,
  touchesCart = false,
) {
  const queryClient = useQueryClient();
  return useMutation<TResult, ApiError, TInput>({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workplacesKey(companyId) });
      void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] });
      if (touchesCart) {
        void queryClient.invalidateQueries({ queryKey: cartQueryKey });
      }
    },
  });
}

/** Free changes (PATCH one section); group and username are refused after set-up. */
export function usePatchWorkplace(companyId: string, id: string) {
  return useWorkplaceMutation(companyId, ({ section, data }: { section: Section; data: unknown }) =>
    apiFetch<Workplace>(`${workplacePath(companyId, id)}/sections/${section}`, {
      method: 'PATCH',
      body: data,
    }),
  );
}

export interface AddonChange {
  add: string[];
  remove: string[];
  activationDate?: string | null;
}

/** Add-ons and mobile options cost money: they go through the cart. */
export function useChangeAddons(companyId: string, id: string) {
  return useWorkplaceMutation(
    companyId,
    (change: AddonChange) =>
      apiFetch<{ cartItems: CartItem[] }>(`${workplacePath(companyId, id)}/addons`, {
        body: change,
      }),
    true,
  );
}

export function useChangeConference(companyId: string, id: string) {
  return useWorkplaceMutation(
    companyId,
    (productKey: string | null) =>
      apiFetch<{ cartItem: CartItem }>(`${workplacePath(companyId, id)}/conference`, {
        body: { productKey },
      }),
    true,
  );
}

export function useSetWorkplaceActive(companyId: string, id: string) {
  return useWorkplaceMutation(companyId, (active: boolean) =>
    apiFetch<Workplace>(`${workplacePath(companyId, id)}/${active ? 'reactivate' : 'deactivate'}`, {
      method: 'POST',
    }),
  );
}

export function useDeleteWorkplace(companyId: string, id: string) {
  return useWorkplaceMutation(
    companyId,
    (activationDate: string | null) =>
      apiFetch<{ cartItem: CartItem }>(`${workplacePath(companyId, id)}/delete`, {
        body: { activationDate },
      }),
    true,
  );
}

// ---------------------------------------------------------------------------------------------
// Catalogue views the wizard needs (active entries only)
// ---------------------------------------------------------------------------------------------

/** Every active device model and profile, extended profiles included (the picker filters). */
export function useDeviceCatalog() {
  return useQuery({
    queryKey: ['catalog', 'devices', 'wizard'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CatalogDevice[] }>(
        withQuery('/api/v1/catalog/devices', { extended: 'true' }),
        { signal },
      ),
    staleTime: 5 * 60_000,
  });
}

/** Active products with their base prices (names of add-ons, conference packages). */
export function useProducts() {
  return useQuery({
    queryKey: ['catalog', 'products', 'wizard'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CatalogProduct[] }>('/api/v1/catalog/products', { signal }),
    staleTime: 5 * 60_000,
  });
}
