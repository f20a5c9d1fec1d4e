import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { LengthKind } from '../../../common/src/numbers/block.ts';
import { ApiError, apiFetch, withQuery } from './client.ts';

export type Availability = 'current' | 'future';
export const AVAILABILITIES: readonly Availability[] = ['current', 'future'];
export type NumberState = 'free' | 'reserved' | 'assigned';
/** The length filter: "Standardlänge", "Jede" or a display length (counted with 49). */
export type LengthChoice = 'standard' | 'any' | number;
export type StateChoice = 'free' | 'taken' | 'all';
export type AssignmentTarget =
  'workplace' | 'trunk_workplace' | 'sip_trunk' | 'partner_upload' | 'company_function';

export interface BlockLength {
  extensionLength: number;
  nationalLength: number;
  /** Counted with 49: 14 reads "14-stellig". */
  displayLength: number;
  count: number;
  kind: LengthKind;
}

export interface BlockDecade {
  digit: number;
  /** Digits added by lengthening (Rufnummernverlängerung). */
  extra: number;
  lengths: BlockLength[];
}

export interface NumberBlock {
  id: string;
  kind: 'block' | 'single';
  groupId: string | null;
  /** "089 1234-00 … 99" or "0228 63803058". */
  display: string;
  e164Prefix: string;
  extensionLength: number;
  availableFrom: string | null;
  availability: Availability;
  source: 'new' | 'ported';
  decades: BlockDecade[];
  numbersTotal: number;
  assignedTotal: number;
}

export interface PhoneNumber {
  e164: string;
  /** "089 1234-60". */
  display: string;
  blockId: string;
  decade: number | null;
  extensionLength: number;
  displayLength: number;
  state: NumberState;
  assignedTo: { type: string; id: string; label: string } | null;
}

export interface NumberPage {
  items: PhoneNumber[];
  nextCursor: string | null;
}

export interface NewBlockInput {
  kind: 'block' | 'single';
  number: string;
  extensionLength?: number;
  decades?: number[];
  availableFrom?: string | null;
  source?: 'new' | 'ported';
}

export interface Assignment {
  id: string;
  e164: string;
  state: 'reserved' | 'assigned';
  targetType: AssignmentTarget;
  targetId: string;
  targetLabel: string;
  createdAt: string;
}

/** One problem of a CSV import: the row (1 = first data row as the server counts it). */
export interface ImportProblem {
  row: number | null;
  field: string;
  message: string;
}

const PAGE_SIZE = 50;
const base = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}`;
const numbersKey = (companyId: string) => ['numbers', companyId] as const;

/** The company's blocks; with `groupId` only those of one group/location (the wizard). */
export function useNumberBlocks(
  companyId: string,
  availability: readonly Availability[],
  groupId?: string,
) {
  return useQuery({
    queryKey: [...numbersKey(companyId), 'blocks', availability.join(','), groupId ?? null],
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

interface DecadeNumbersParams {
  blockId: string;
  digit: number;
  length: LengthChoice;
  state: StateChoice;
}

/** The numbers of one decade at a length, 50 per page ("Weitere laden" follows nextCursor). */
export function useDecadeNumbers(companyId: string, params: DecadeNumbersParams | null) {
  return useInfiniteQuery({
    queryKey: [...numbersKey(companyId), 'decade', params],
    queryFn: ({ signal, pageParam }) => {
      const { blockId, digit, length, state } = params as DecadeNumbersParams;
      const path = `${base(companyId)}/number-blocks/${encodeURIComponent(blockId)}/decades/${digit}/numbers`;
      return apiFetch<NumberPage>(
        withQuery(path, { length, state, cursor: pageParam, limit: PAGE_SIZE }),
        { signal },
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: params !== null,
  });
}

interface SearchParams {
  q: string;
  length: LengthChoice;
  state: StateChoice;
  availability: readonly Availability[];
  /** Only the numbers of one group/location. */
  groupId?: string;
}

/** "0xy…", "+49xy…" from the start or "*digits" anywhere, over all blocks of the company. */
export function useNumberSearch(companyId: string, params: SearchParams | null) {
  return useInfiniteQuery({
    queryKey: [...numbersKey(companyId), 'search', params],
    queryFn: ({ signal, pageParam }) => {
      const { q, length, state, availability, groupId } = params as SearchParams;
      return apiFetch<NumberPage>(
        withQuery(`${base(companyId)}/numbers/search`, {
          q,
          length,
          state,
          availability: availability.join(','),
          groupId,
          cursor: pageParam,
          limit: PAGE_SIZE,
        }),
        { signal },
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: params !== null && params.availability.length > 0,
    retry: false,
  });
}

/** Refreshes blocks, decade lists and searches of the company after a change. */
function useNumbersChanged(companyId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: numbersKey(companyId) });
    void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] });
  };
}

export function useCreateBlock(companyId: string) {
  const changed = useNumbersChanged(companyId);
  return useMutation<NumberBlock, ApiError, NewBlockInput>({
    mutationFn: (input) => apiFetch(`${base(companyId)}/number-blocks`, { body: input }),
    onSuccess: changed,
  });
}

export function useImportBlocks(companyId: string) {
  const changed = useNumbersChanged(companyId);
  return useMutation<{ created: number; items: NumberBlock[] }, ApiError, string>({
    mutationFn: (text) =>
      apiFetch(`${base(companyId)}/number-blocks/import`, {
        rawBody: { text, contentType: 'text/csv' },
      }),
    onSuccess: changed,
  });
}

export function useRemoveBlock(companyId: string) {
  const changed = useNumbersChanged(companyId);
  return useMutation<void, ApiError, string>({
    mutationFn: (blockId) =>
      apiFetch(`${base(companyId)}/number-blocks/${encodeURIComponent(blockId)}`, {
        method: 'DELETE',
      }),
    onSuccess: changed,
  });
}

/** Rufnummernverlängerung: by > 0 lengthens a decade, by < 0 takes lengthening back. */
export function useChangeDecadeLength(companyId: string) {
  const changed = useNumbersChanged(companyId);
  return useMutation<NumberBlock, ApiError, { blockId: string; digit: number; by: number }>({
    mutationFn: ({ blockId, digit, by }) =>
      apiFetch(
        `${base(companyId)}/number-blocks/${encodeURIComponent(blockId)}/decades/${digit}/length`,
        { body: { by } },
      ),
    onSuccess: changed,
  });
}

export interface AssignInput {
  number: string;
  targetType: AssignmentTarget;
  targetId: string;
  targetLabel?: string;
  state?: 'reserved' | 'assigned';
}

export function useAssignNumber(companyId: string) {
  const changed = useNumbersChanged(companyId);
  return useMutation<Assignment, ApiError, AssignInput>({
    mutationFn: (input) => apiFetch(`${base(companyId)}/number-assignments`, { body: input }),
    onSuccess: changed,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The rows of a failed CSV import (import_failed), in the order the server gave them. */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) {
    return [];
  }
  return error.details.filter(isRecord).map((entry) => ({
    row: typeof entry.row === 'number' ? entry.row : null,
    field: typeof entry.field === 'string' ? entry.field : '',
    message: typeof entry.message === 'string' ? entry.message : '',
  }));
}
