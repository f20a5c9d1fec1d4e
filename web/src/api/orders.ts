import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PriceLine } from './cart.ts';
import { type ApiError, apiFetch, withQuery } from './client.ts';

/** bestellt · geplant · in Ausführung · ausgeführt · fehlgeschlagen · storniert. */
export const ORDER_STATUSES = [
  'ordered',
  'scheduled',
  'running',
  'done',
  'failed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The item types known today; later issues add more (unknown ones show as the server names them). */
export const ORDER_ITEM_TYPES = [
  'workplace.activate',
  'addon.book',
  'addon.cancel',
  'conference.change',
  'workplace.delete',
] as const;

export interface OrderItem {
  id: string;
  position: number;
  type: string;
  subjectId: string | null;
  description: string;
  activationDate: string | null;
  dueAt: string;
  status: OrderStatus;
  failureReason: string | null;
  /** Execution attempts so far (retries included). */
  attempts: number;
  lines: PriceLine[];
  oneOffCents: number;
  monthlyCents: number;
  startedAt: string | null;
  finishedAt: string | null;
  cancellable: boolean;
}

export interface Order {
  id: string;
  number: string;
  companyId: string;
  companyName: string;
  placedAt: string;
  placedBy: string | null;
  status: OrderStatus;
  oneOffCents: number;
  monthlyCents: number;
  items: OrderItem[];
}

export interface OrderList {
  items: Order[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrderFilter {
  status: OrderStatus | '';
  type: string;
  /** Berlin days YYYY-MM-DD; '' = open. */
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

export interface OperatorOrderFilter {
  companyId: string;
  status: OrderStatus | '';
  page: number;
  pageSize: number;
}

export interface Quotas {
  workplaces: { configured: number; available: number; total: number };
  /** inUse null: not known (no telephony data yet). */
  parallelCalls: { booked: number; inUse: number | null };
  licences: { product: string; name: string; total: number; used: number }[];
}

const companyBase = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}`;

/** Orders still moving: the list refreshes itself while one of them is shown. */
function hasMovingOrders(list: OrderList | undefined): boolean {
  return (
    list?.items.some((order) =>
      order.items.some((item) => item.status === 'ordered' || item.status === 'running'),
    ) ?? false
  );
}

const REFRESH_MS = 3_000;

export function useCompanyOrders(companyId: string, filter: OrderFilter) {
  return useQuery({
    queryKey: ['orders', 'company', companyId, filter],
    queryFn: ({ signal }) =>
      apiFetch<OrderList>(withQuery(`${companyBase(companyId)}/orders`, { ...filter }), {
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (hasMovingOrders(query.state.data) ? REFRESH_MS : false),
  });
}

/** Operators: the orders of all companies (or one). */
export function useOperatorOrders(filter: OperatorOrderFilter) {
  return useQuery({
    queryKey: ['orders', 'all', filter],
    queryFn: ({ signal }) =>
      apiFetch<OrderList>(withQuery('/api/v1/orders', { ...filter }), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (hasMovingOrders(query.state.data) ? REFRESH_MS : false),
  });
}

export function useQuotas(companyId: string) {
  return useQuery({
    queryKey: ['quotas', companyId],
    queryFn: ({ signal }) => apiFetch<Quotas>(`${companyBase(companyId)}/quotas`, { signal }),
  });
}

/** What an order action is about: the whole order or one of its items. */
export interface OrderTarget {
  companyId: string;
  orderId: string;
  /** Absent: the whole order. */
  itemId?: string;
}

function useOrderMutation<TInput>(send: (input: TInput) => Promise<Order>) {
  const queryClient = useQueryClient();
  return useMutation<Order, ApiError, TInput>({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['quotas'] });
      void queryClient.invalidateQueries({ queryKey: ['workplaces'] });
    },
  });
}

/** Cancels one item, or every item of the order that has not started yet. */
export function useCancelOrder() {
  return useOrderMutation(({ companyId, orderId, itemId }: OrderTarget) => {
    const order = `${companyBase(companyId)}/orders/${encodeURIComponent(orderId)}`;
    const path =
      itemId === undefined
        ? `${order}/cancel`
        : `${order}/items/${encodeURIComponent(itemId)}/cancel`;
    return apiFetch<Order>(path, { method: 'POST' });
  });
}

/** Operators: a failed item runs again from its first step that is not done. */
export function useRetryOrderItem() {
  return useOrderMutation(({ orderId, itemId }: OrderTarget) =>
    apiFetch<Order>(
      `/api/v1/orders/${encodeURIComponent(orderId)}/items/${encodeURIComponent(itemId ?? '')}/retry`,
      { method: 'POST' },
    ),
  );
}
