import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BarringRule } from '../../../common/src/rules/barring.ts';
import type { CallInfoValue } from '../../../common/src/rules/call-info.ts';
import { type ApiError, apiFetch, withQuery } from './client.ts';
import type { NumberBlock } from './numbers.ts';

export type { BarringRule, CallInfoValue };

export interface Area {
  id: string;
  name: string;
  callInfo: CallInfoValue | null;
}

/** A group/location (Gruppe/Standort); the default group comes first. */
export interface OrgGroup {
  id: string;
  name: string;
  shortCode: string;
  street: string;
  postalCode: string;
  city: string;
  timeZone: string;
  dialCode: string | null;
  isDefault: boolean;
  /** null: the company's standard profile applies. */
  blockingProfileId: string | null;
  /** null: inherited from the company. */
  callInfo: CallInfoValue | null;
  areas: Area[];
  numberBlocks: number;
  workplaces: number;
}

export interface GroupInput {
  name: string;
  shortCode: string;
  street: string;
  postalCode: string;
  city: string;
  timeZone: string;
  dialCode: string | null;
}

export type GroupPatch = Partial<GroupInput> & {
  blockingProfileId?: string | null;
  callInfo?: CallInfoValue | null;
};

export interface BlockingProfile {
  id: string;
  name: string;
  description: string;
  isSystem: boolean;
  isStandard: boolean;
  rules: BarringRule[];
}

export interface ProfileInput {
  name: string;
  description: string;
  rules: BarringRule[];
}

export type BarringSource = 'workplace' | 'group' | 'company';
export type CallInfoSource = 'company' | 'group' | 'area' | 'workplace' | 'default';

export interface Effective {
  barring: { profile: BlockingProfile; source: BarringSource };
  callInfo: { value: CallInfoValue; source: CallInfoSource };
}

const base = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}`;
const orgKey = (companyId: string) => ['org', companyId] as const;

export function useGroups(companyId: string) {
  return useQuery({
    queryKey: [...orgKey(companyId), 'groups'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: OrgGroup[] }>(`${base(companyId)}/groups`, { signal }),
  });
}

/** The effective blocking profile and call information of a group (or area); '' waits. */
export function useEffective(companyId: string, groupId: string, areaId?: string) {
  return useQuery({
    queryKey: [...orgKey(companyId), 'effective', groupId, areaId ?? null],
    queryFn: ({ signal }) =>
      apiFetch<Effective>(
        withQuery(`${base(companyId)}/groups/${encodeURIComponent(groupId)}/effective`, {
          areaId,
        }),
        { signal },
      ),
    enabled: groupId !== '',
  });
}

export function useProfiles(companyId: string) {
  return useQuery({
    queryKey: [...orgKey(companyId), 'profiles'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: BlockingProfile[] }>(`${base(companyId)}/blocking-profiles`, { signal }),
  });
}

/** All blocks and single numbers of the company, for "Rufnummern zuordnen". */
export function useCompanyBlocks(companyId: string) {
  return useQuery({
    queryKey: ['numbers', companyId, 'blocks', 'all-for-groups'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: NumberBlock[] }>(`${base(companyId)}/number-blocks`, { signal }),
  });
}

/** Groups, areas, profiles and effective values all depend on each other: refresh them all. */
function useOrgChanged(companyId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: orgKey(companyId) });
    void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] });
  };
}

function useOrgMutation<TResult, TInput>(
  companyId: string,
  send: (input: TInput) => Promise<TResult>,
) {
  const changed = useOrgChanged(companyId);
  return useMutation<TResult, ApiError, TInput>({ mutationFn: send, onSuccess: changed });
}

const json = (method: 'POST' | 'PATCH' | 'PUT', body: unknown) => ({ method, body });

export function useCreateGroup(companyId: string) {
  return useOrgMutation(companyId, (input: GroupInput) =>
    apiFetch<OrgGroup>(`${base(companyId)}/groups`, json('POST', input)),
  );
}

export function useEditGroup(companyId: string) {
  return useOrgMutation(companyId, ({ id, patch }: { id: string; patch: GroupPatch }) =>
    apiFetch<OrgGroup>(`${base(companyId)}/groups/${encodeURIComponent(id)}`, json('PATCH', patch)),
  );
}

export function useRemoveGroup(companyId: string) {
  return useOrgMutation(companyId, (id: string) =>
    apiFetch<void>(`${base(companyId)}/groups/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
}

export function useCreateArea(companyId: string) {
  return useOrgMutation(companyId, ({ groupId, name }: { groupId: string; name: string }) =>
    apiFetch<Area>(
      `${base(companyId)}/groups/${encodeURIComponent(groupId)}/areas`,
      json('POST', { name }),
    ),
  );
}

export function useEditArea(companyId: string) {
  return useOrgMutation(
    companyId,
    ({ id, patch }: { id: string; patch: { name?: string; callInfo?: CallInfoValue | null } }) =>
      apiFetch<Area>(`${base(companyId)}/areas/${encodeURIComponent(id)}`, json('PATCH', patch)),
  );
}

export function useRemoveArea(companyId: string) {
  return useOrgMutation(companyId, (id: string) =>
    apiFetch<void>(`${base(companyId)}/areas/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
}

/** Company-level call information; null goes back to the workplace number without a name. */
export function useSetCompanyCallInfo(companyId: string) {
  return useOrgMutation(companyId, (callInfo: CallInfoValue | null) =>
    apiFetch<void>(`${base(companyId)}/call-info`, json('PUT', { callInfo })),
  );
}

export function useCreateProfile(companyId: string) {
  return useOrgMutation(companyId, (input: ProfileInput) =>
    apiFetch<BlockingProfile>(`${base(companyId)}/blocking-profiles`, json('POST', input)),
  );
}

export function useEditProfile(companyId: string) {
  return useOrgMutation(companyId, ({ id, input }: { id: string; input: ProfileInput }) =>
    apiFetch<BlockingProfile>(
      `${base(companyId)}/blocking-profiles/${encodeURIComponent(id)}`,
      json('PATCH', input),
    ),
  );
}

export function useRemoveProfile(companyId: string) {
  return useOrgMutation(companyId, (id: string) =>
    apiFetch<void>(`${base(companyId)}/blocking-profiles/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    }),
  );
}

export function useSetStandardProfile(companyId: string) {
  return useOrgMutation(companyId, (profileId: string) =>
    apiFetch<void>(`${base(companyId)}/standard-blocking-profile`, json('PUT', { profileId })),
  );
}

/** Moves a block or single number into a group; the numbers views refresh as well. */
export function useMoveBlock(companyId: string) {
  const queryClient = useQueryClient();
  const changed = useOrgChanged(companyId);
  return useMutation<NumberBlock, ApiError, { blockId: string; groupId: string }>({
    mutationFn: ({ blockId, groupId }) =>
      apiFetch(
        `${base(companyId)}/number-blocks/${encodeURIComponent(blockId)}`,
        json('PATCH', { groupId }),
      ),
    onSuccess: () => {
      changed();
      void queryClient.invalidateQueries({ queryKey: ['numbers', companyId] });
    },
  });
}
