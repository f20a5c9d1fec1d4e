import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { currentLanguage } from '../i18n.ts';
import { cartQueryKey } from './cart.ts';
import { ApiError, apiFetch, withQuery } from './client.ts';

export type ImportStatus =
  'queued' | 'validating' | 'validated' | 'importing' | 'imported' | 'failed';
export type ImportMode = 'all' | 'valid_only';
export type RowStatus = 'valid' | 'warning' | 'invalid' | 'skipped';
export type RowFilter = 'all' | 'problems' | RowStatus;

export interface CreatedWorkplace {
  workplaceId: string;
  cartItemId: string;
  name: string;
  username: string;
  mainNumber: string;
  internalNumber: string;
  activationDate: string | null;
}

export interface ListImport {
  id: string;
  fileName: string;
  format: 'xlsx' | 'csv' | null;
  size: number;
  status: ImportStatus;
  progress: { done: number; total: number };
  problem: { rule: string; message: string } | null;
  notes: string[];
  summary: { rows: number; valid: number; warning: number; invalid: number; skipped: number };
  columns: { key: string; header: string; mandatory: boolean }[];
  canImportAll: boolean;
  canImportValid: boolean;
  mode: ImportMode | null;
  commitError: { rule: string; message: string } | null;
  result: { created: CreatedWorkplace[]; notImported: number[] } | null;
  createdAt: string;
  updatedAt: string;
}

export interface RowIssue {
  column: string | null;
  columnHeader: string | null;
  cell: string | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

export interface ImportRow {
  row: number;
  status: RowStatus;
  name: string;
  username: string;
  mainNumber: string;
  issues: RowIssue[];
}

const base = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}/imports`;

/** Running imports are polled (the user may leave the page and come back). */
export const isRunning = (status: ImportStatus | undefined) =>
  status === 'queued' || status === 'validating' || status === 'importing';

/** Download addresses (plain GET with the session cookie). */
export const templateUrl = (companyId: string, format: 'xlsx' | 'csv') =>
  withQuery(`${base(companyId)}/workplaces/template`, { format });
export const exportUrl = (companyId: string, format: 'xlsx' | 'csv') =>
  withQuery(`${base(companyId)}/workplaces/export`, { format });
export const errorFileUrl = (companyId: string, importId: string) =>
  `${base(companyId)}/${encodeURIComponent(importId)}/error-file`;

const importsKey = (companyId: string) => ['imports', companyId] as const;
const importKey = (companyId: string, id: string) => ['imports', companyId, id] as const;

/** The caller's recent imports of the company, newest first. */
export function useImports(companyId: string) {
  return useQuery<{ items: ListImport[] }, ApiError>({
    queryKey: importsKey(companyId),
    queryFn: ({ signal }) => apiFetch(base(companyId), { signal }),
  });
}

/** One import; polled every second while it runs. */
export function useImport(companyId: string, id: string | null) {
  return useQuery<ListImport, ApiError>({
    queryKey: importKey(companyId, id ?? ''),
    queryFn: ({ signal }) =>
      apiFetch(`${base(companyId)}/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (isRunning(query.state.data?.status) ? 1000 : false),
  });
}

export function useImportRows(
  companyId: string,
  id: string,
  filter: { status: RowFilter; page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery<{ items: ImportRow[]; total: number }, ApiError>({
    queryKey: [...importKey(companyId, id), 'rows', filter],
    queryFn: ({ signal }) =>
      apiFetch(withQuery(`${base(companyId)}/${encodeURIComponent(id)}/rows`, filter), { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const payload = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (payload.error?.code && payload.error.message) {
      return new ApiError(
        response.status,
        payload.error.code,
        payload.error.message,
        payload.error.details ?? null,
      );
    }
  } catch {
    // not JSON
  }
  return new ApiError(
    response.status,
    'unexpected_response',
    i18next.t('errors.unexpected', { status: response.status }),
  );
}

/**
 * Uploads the file as it is (binary body). The JSON client sends text only, so this request is
 * made here, with the session's CSRF token from /auth/me.
 */
async function uploadFile(companyId: string, file: File): Promise<ListImport> {
  const me = await apiFetch<{ csrfToken: string }>('/api/v1/auth/me');
  let response: Response;
  try {
    response = await fetch(withQuery(`${base(companyId)}/workplaces`, { fileName: file.name }), {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': 'application/octet-stream',
        'x-csrf-token': me.csrfToken,
      },
    });
  } catch {
    throw new ApiError(0, 'network_error', i18next.t('errors.network'));
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()) as ListImport;
}

export function useUploadList(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<ListImport, ApiError, File>({
    mutationFn: (file) => uploadFile(companyId, file),
    onSuccess: (state) => {
      queryClient.setQueryData(importKey(companyId, state.id), state);
      void queryClient.invalidateQueries({ queryKey: importsKey(companyId), exact: true });
    },
  });
}

export function useCommitImport(companyId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation<ListImport, ApiError, ImportMode>({
    mutationFn: (mode) =>
      apiFetch(`${base(companyId)}/${encodeURIComponent(id)}/commit`, { body: { mode } }),
    onSuccess: (state) => {
      queryClient.setQueryData(importKey(companyId, id), state);
      void queryClient.invalidateQueries({ queryKey: cartQueryKey });
    },
  });
}
