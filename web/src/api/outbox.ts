import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client.ts';
import type { Page } from './companies.ts';

export const OUTBOX_STATUSES = ['no_gateway', 'sent', 'failed', 'queued'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export interface OutboxMessage {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  template: string;
  status: OutboxStatus;
  statusLabel: string;
  companyId: string | null;
  companyName: string | null;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface OutboxFilter {
  status: OutboxStatus | '';
  channel: OutboxChannel | '';
  page: number;
  pageSize: number;
}

export function useOutbox(filter: OutboxFilter) {
  return useQuery({
    queryKey: ['outbox', 'list', filter],
    queryFn: ({ signal }) =>
      apiFetch<Page<OutboxMessage>>(withQuery('/api/v1/outbox', { ...filter }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMessage(messageId: string | null) {
  return useQuery({
    queryKey: ['outbox', 'detail', messageId],
    queryFn: ({ signal }) =>
      apiFetch<OutboxMessage & { body: string }>(
        `/api/v1/outbox/${encodeURIComponent(messageId ?? '')}`,
        { signal },
      ),
    enabled: messageId !== null,
  });
}
