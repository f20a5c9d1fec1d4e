// The wizard's drafts and the templates (Mustervorlagen) of the workplace API.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CartItem, cartQueryKey } from './cart.ts';
import { type ApiError, apiFetch, withQuery } from './client.ts';
import type { Section } from '../../../common/src/workplaces/sections.ts';

import {
  base,
  draftKey,
  draftPath,
  draftsPath,
  workplacesKey,
  type Draft,
  type DraftPrice,
  type MobileCheck,
  type SectionSaved,
  type Template,
} from './workplace-types.ts';

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
