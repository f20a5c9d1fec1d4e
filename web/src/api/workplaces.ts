import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type CartItem, type PriceLine, cartQueryKey } from './cart.ts';
import type { CatalogDevice, CatalogProduct } from './catalog.ts';
import { type ApiError, apiFetch, withQuery } from './client.ts';
import type { Availability, LengthChoice, NumberBlock, NumberPage } from './numbers.ts';
import {
  type DraftData,
  SECTIONS,
  type Section,
  type SectionData,
} from '../../../common/src/workplaces/sections.ts';

export type { CartItem, CatalogDevice, CatalogProduct, PriceLine };

export { SECTIONS, type Section };
export type { DraftData, SectionData };
export type NomadicMode = 'allowed' | 'restricted';
export type MobileMode = 'none' | 'integration' | 'client';
export type UserData = SectionData['user'];
export type DeviceEntry = NonNullable<SectionData['devices']['devices']>[number];

export interface Draft {
  id: string;
  templateId: string | null;
  updatedAt: string;
  /** Sections whose "Weiter" passed. */
  completed: Section[];
  /** Set while its activation sits in the cart. */
  workplaceId: string | null;
  data: DraftData;
}

/** A non-blocking message of a section (911, nomadic notes, assistant needs two workplaces). */
export interface Notice {
  field: string;
  rule: string;
  message: string;
}

export interface SectionSaved {
  draft: Draft;
  warnings: Notice[];
}

export interface Template {
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  areaId: string | null;
  blockingProfileId: string | null;
  desktopClientModelId: string | null;
  addons: string[];
  updatedAt: string;
}

export interface MobileCheck {
  eligible: boolean;
  needsCustomerAccount: boolean;
  tariff: string | null;
  message: string;
}

export interface DraftPrice {
  lines: PriceLine[];
  oneOffCents: number;
  monthlyCents: number;
}

export const WORKPLACE_STATUSES = [
  'in_cart',
  'ordered',
  'active',
  'deactivated',
  'deleted',
] as const;
export type WorkplaceStatus = (typeof WORKPLACE_STATUSES)[number];

export interface WorkplaceSummary {
  id: string;
  status: WorkplaceStatus;
  firstName: string;
  lastName: string;
  username: string;
  mainNumber: string;
  internalNumber: string;
  groupId: string;
  groupName: string;
  areaName: string | null;
  devices: number;
  addons: string[];
  activatedAt: string | null;
  minimumTermEnd: string | null;
}

export interface Quota {
  configured: number;
  available: number;
  total: number;
}

export interface WorkplacePage {
  items: WorkplaceSummary[];
  total: number;
  page: number;
  pageSize: number;
  quota: Quota;
}

export interface WorkplaceDevice {
  id: string;
  deviceModelId: string;
  name: string;
  macAddress: string | null;
  hasCredentials: boolean;
}

export interface WorkplaceAddon {
  productKey: string;
  status: string;
  activeFrom: string | null;
  minimumTermEnd: string | null;
  endsOn: string | null;
}

export interface PendingItem {
  id: string;
  type: string;
  description: string;
  status: string;
  activationDate: string | null;
}

type Nullable<T> = { [K in keyof T]-?: T[K] | null };

export interface Workplace {
  id: string;
  status: WorkplaceStatus;
  group: {
    groupId: string;
    groupName: string;
    areaId: string | null;
    areaName: string | null;
    language: string;
    timeZone: string;
  };
  user: Nullable<UserData> & { firstName: string; lastName: string };
  login: {
    username: string;
    authEmail: string;
    authMobile: string | null;
    passwordDelivery: 'sms' | 'email';
  };
  number: {
    mainNumber: string;
    internalNumber: string;
    nomadic: NomadicMode;
    additionalNumbers: string[];
  };
  profile: {
    blockingProfileId: string | null;
    effective: { id: string; name: string; source: string } | null;
  };
  devices: WorkplaceDevice[];
  mobile: {
    mode: MobileMode;
    mobileNumber: string | null;
    tariff: string | null;
    customerAccount: string | null;
    directoryMobile: string | null;
  };
  addons: WorkplaceAddon[];
  activatedAt: string | null;
  minimumTermEnd: string | null;
  deletableFrom: string | null;
  pendingItems: PendingItem[];
}

export interface WorkplaceFilter {
  search: string;
  status: WorkplaceStatus | '';
  groupId: string;
  page: number;
  pageSize: number;
}

/** Rows per page of "Arbeitsplätze verwalten". */
export const PAGE_SIZES = [15, 30, 60] as const;

const base = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}`;
const draftsPath = (companyId: string) => `${base(companyId)}/workplace-drafts`;
const draftPath = (companyId: string, draftId: string) =>
  `${draftsPath(companyId)}/${encodeURIComponent(draftId)}`;
const workplacePath = (companyId: string, id: string) =>
  `${base(companyId)}/workplaces/${encodeURIComponent(id)}`;

/** ['workplaces', companyId, …]: the cart's "ordered" refresh reaches every query below. */
export const workplacesKey = (companyId: string) => ['workplaces', companyId] as const;
const draftKey = (companyId: string, draftId: string) =>
  [...workplacesKey(companyId), 'draft', draftId] as const;

// ---------------------------------------------------------------------------------------------
// Drafts (the wizard)
// ---------------------------------------------------------------------------------------------

export function useDrafts(companyId: string) {
  return useQuery({
    queryKey: [...workplacesKey(companyId), 'drafts'],
    queryFn: ({ signal }) => apiFetch<{ items: Draft[] }>(draftsPath(companyId), { signal }),
  });
}

export function useDraft(companyId: string, draftId: string) {
  return useQuery({
    queryKey: draftKey(companyId, draftId),
    queryFn: ({ signal }) => apiFetch<Draft>(draftPath(companyId, draftId), { signal }),
    // The page keeps its own copy while typing; a refetch on focus would only overwrite it.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export type DraftStart = { templateId?: string; standard?: boolean };

export function useCreateDraft(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<Draft, ApiError, DraftStart>({
    mutationFn: (start) => apiFetch<Draft>(draftsPath(companyId), { body: start }),
    onSuccess: (draft) => {
      queryClient.setQueryData(draftKey(companyId, draft.id), draft);
      void queryClient.invalidateQueries({ queryKey: [...workplacesKey(companyId), 'drafts'] });
    },
  });
}

/** Saves one section; with `validate` it is "Weiter" (400 validation_failed when invalid). */
export function saveSection(
  companyId: string,
  draftId: string,
  section: Section,
  data: unknown,
  validate: boolean,
): Promise<SectionSaved> {
  const path = withQuery(`${draftPath(companyId, draftId)}/sections/${section}`, {
    validate: validate ? 'true' : undefined,
  });
  return apiFetch<SectionSaved | Draft>(path, { method: 'PUT', body: data ?? {} }).then((answer) =>
    'draft' in answer ? answer : { draft: answer, warnings: [] },
  );
}

export function useDeleteDraft(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (draftId) => apiFetch<void>(draftPath(companyId, draftId), { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workplacesKey(companyId) });
      void queryClient.invalidateQueries({ queryKey: cartQueryKey });
    },
  });
}

export function useCheckMobile(companyId: string, draftId: string) {
  return useMutation<MobileCheck, ApiError, { mobileNumber: string; customerAccount?: string }>({
    mutationFn: (input) =>
      apiFetch<MobileCheck>(`${draftPath(companyId, draftId)}/check-mobile`, { body: input }),
  });
}

/** Live prices of the draft; `version` changes whenever a section was saved. */
export function useDraftPrice(companyId: string, draftId: string, version: string) {
  return useQuery({
    queryKey: [...draftKey(companyId, draftId), 'price', version],
    queryFn: ({ signal }) =>
      apiFetch<DraftPrice>(`${draftPath(companyId, draftId)}/price`, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useAddDraftToCart(companyId: string, draftId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ cartItem: CartItem; workplaceId: string }, ApiError, void>({
    mutationFn: () => apiFetch(`${draftPath(companyId, draftId)}/cart`, { method: 'POST' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cartQueryKey });
      void queryClient.invalidateQueries({ queryKey: workplacesKey(companyId) });
    },
  });
}

export function useSaveTemplate(companyId: string, draftId: string) {
  const queryClient = useQueryClient();
  return useMutation<Template, ApiError, string>({
    mutationFn: (name) =>
      apiFetch<Template>(`${draftPath(companyId, draftId)}/template`, { body: { name } }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...workplacesKey(companyId), 'templates'] }),
  });
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export function useTemplates(companyId: string) {
  return useQuery({
    queryKey: [...workplacesKey(companyId), 'templates'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Template[] }>(`${base(companyId)}/workplace-templates`, { signal }),
  });
}

export function useDeleteTemplate(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) =>
      apiFetch<void>(`${base(companyId)}/workplace-templates/${encodeURIComponent(id)}`, {
        method: 'DELETE',
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...workplacesKey(companyId), 'templates'] }),
  });
}

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
// Numbers of one group (the wizard's "Rufnummer zuweisen")
// ---------------------------------------------------------------------------------------------

/** Blocks and single numbers of one group/location. */
export function useGroupBlocks(
  companyId: string,
  groupId: string,
  availability: readonly Availability[],
) {
  return useQuery({
    queryKey: ['numbers', companyId, 'blocks', availability.join(','), 'group', groupId],
    queryFn: ({ signal }) =>
      apiFetch<{ items: NumberBlock[] }>(
        withQuery(`${base(companyId)}/number-blocks`, {
          availability: availability.join(','),
          groupId,
        }),
        { signal },
      ),
    enabled: availability.length > 0 && groupId !== '',
    placeholderData: keepPreviousData,
  });
}

/** The number search limited to one group. */
export function useGroupNumberSearch(
  companyId: string,
  groupId: string,
  params: { q: string; length: LengthChoice; availability: readonly Availability[] } | null,
) {
  return useInfiniteQuery({
    queryKey: ['numbers', companyId, 'search', 'group', groupId, params],
    queryFn: ({ signal, pageParam }) => {
      const { q, length, availability } = params ?? { q: '', length: 'any', availability: [] };
      return apiFetch<NumberPage>(
        withQuery(`${base(companyId)}/numbers/search`, {
          q,
          length,
          state: 'all',
          availability: availability.join(','),
          groupId,
          cursor: pageParam,
          limit: 50,
        }),
        { signal },
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: params !== null && params.availability.length > 0 && groupId !== '',
    retry: false,
  });
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
