import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client.ts';
import type { Page } from './companies.ts';

export interface AuditEntry {
  id: string | number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
}

export interface AuditFilter {
  entity: string;
  action: string;
  /** YYYY-MM-DD or empty */
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(companyId: string, filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit-log', companyId, filter],
    queryFn: ({ signal }) =>
      apiFetch<Page<AuditEntry>>(
        withQuery(`/api/v1/companies/${encodeURIComponent(companyId)}/audit-log`, { ...filter }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
