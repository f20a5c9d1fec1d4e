import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DependencyRule, HostKind } from '../../../common/src/rules/addons.ts';
import type { PriceTier } from '../../../common/src/rules/pricing.ts';
import { type ApiError, apiFetch, withQuery } from './client.ts';

export type { DependencyRule, HostKind, PriceTier };

/** The kinds of catalogue product, in the order the operator console groups them. */
export const PRODUCT_KINDS = [
  'workplace',
  'trunk_workplace',
  'sip_trunk',
  'parallel_calls',
  'partner_product',
  'add_on',
  'company_add_on',
  'mobile',
  'conference_package',
  'device_profile',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PROVISIONING_KINDS = ['desk_phone', 'softclient', 'generic'] as const;
export type ProvisioningKind = (typeof PROVISIONING_KINDS)[number];

export const TARIFF_SEGMENTS = ['business', 'consumer'] as const;
export type TariffSegment = (typeof TARIFF_SEGMENTS)[number];

/** A product, add-on or package; money in euro cents. */
export interface CatalogProduct {
  key: string;
  kind: ProductKind;
  /** In the request language. */
  name: string;
  nameDe: string;
  nameEn: string;
  description: string;
  oneOffCents: number;
  /** Base price per unit; with tiers it is the first tier's. */
  monthlyCents: number;
  tiers: PriceTier[];
  minimumTermDays: number;
  requires: DependencyRule[];
  active: boolean;
  sortOrder: number;
  updatedAt: string;
}

export interface ProductPatch {
  nameDe?: string;
  nameEn?: string;
  oneOffCents?: number;
  monthlyCents?: number;
  tiers?: PriceTier[];
  minimumTermDays?: number;
  requires?: DependencyRule[];
  active?: boolean;
}

export interface ProductPrice {
  key: string;
  count: number;
  unitMonthlyCents: number;
  totalMonthlyCents: number;
  oneOffCents: number;
  tierFrom: number | null;
  minimumTermDays: number;
}

/** A device model or profile; `path` is category → manufacturer → series without empty levels. */
export interface CatalogDevice {
  id: string;
  key: string;
  category: string;
  manufacturer: string | null;
  series: string | null;
  name: string;
  path: string[];
  provisioning: ProvisioningKind;
  extended: boolean;
  requiresAnyOf: string[];
  active: boolean;
  sortOrder: number;
}

export interface DeviceInput {
  key: string;
  category: string;
  manufacturer: string | null;
  series: string | null;
  name: string;
  provisioning: ProvisioningKind;
  extended: boolean;
}

export type DevicePatch = Partial<Omit<DeviceInput, 'key'>> & { active?: boolean };

export interface MobileTariff {
  key: string;
  name: string;
  segment: TariffSegment;
}

const CATALOG = ['catalog'] as const;
const PRODUCTS = [...CATALOG, 'products'] as const;
const DEVICES = [...CATALOG, 'devices'] as const;
const TARIFFS = [...CATALOG, 'mobile-tariffs'] as const;
const BASE = '/api/v1/catalog';

/** All products including deactivated ones (the operator console). */
export function useCatalogProducts() {
  return useQuery({
    queryKey: [...PRODUCTS, 'list'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CatalogProduct[] }>(
        withQuery(`${BASE}/products`, { includeInactive: 'true' }),
        { signal },
      ),
  });
}

/** What `count` units cost at the saved catalogue prices; idle while count is null. */
export function useProductPrice(key: string, count: number | null) {
  return useQuery({
    queryKey: [...PRODUCTS, 'price', key, count],
    queryFn: ({ signal }) =>
      apiFetch<ProductPrice>(
        withQuery(`${BASE}/products/${encodeURIComponent(key)}/price`, { count: count ?? 0 }),
        { signal },
      ),
    enabled: count !== null,
    placeholderData: keepPreviousData,
  });
}

export function useUpdateProduct(key: string) {
  const queryClient = useQueryClient();
  return useMutation<CatalogProduct, ApiError, ProductPatch>({
    mutationFn: (patch) =>
      apiFetch(`${BASE}/products/${encodeURIComponent(key)}`, { method: 'PATCH', body: patch }),
    // The list and every price preview depend on the product.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PRODUCTS }),
  });
}

export interface DeviceFilter {
  extended: boolean;
  search: string;
}

/** Device models including deactivated ones; extended profiles only on request. */
export function useCatalogDevices(filter: DeviceFilter) {
  return useQuery({
    queryKey: [...DEVICES, 'list', filter],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CatalogDevice[] }>(
        withQuery(`${BASE}/devices`, {
          extended: String(filter.extended),
          search: filter.search,
          includeInactive: 'true',
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAddDevice() {
  const queryClient = useQueryClient();
  return useMutation<CatalogDevice, ApiError, DeviceInput>({
    mutationFn: (input) => apiFetch(`${BASE}/devices`, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEVICES }),
  });
}

export function useUpdateDevice(id: string) {
  const queryClient = useQueryClient();
  return useMutation<CatalogDevice, ApiError, DevicePatch>({
    mutationFn: (patch) =>
      apiFetch(`${BASE}/devices/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEVICES }),
  });
}

export function useMobileTariffs() {
  return useQuery({
    queryKey: [...TARIFFS],
    queryFn: ({ signal }) =>
      apiFetch<{ items: MobileTariff[] }>(`${BASE}/mobile-tariffs`, { signal }),
  });
}

/** Replaces the whole list of tariffs eligible for mobile integration. */
export function useReplaceMobileTariffs() {
  const queryClient = useQueryClient();
  return useMutation<{ items: MobileTariff[] }, ApiError, MobileTariff[]>({
    mutationFn: (items) => apiFetch(`${BASE}/mobile-tariffs`, { method: 'PUT', body: { items } }),
    onSuccess: (data) => queryClient.setQueryData([...TARIFFS], data),
  });
}
