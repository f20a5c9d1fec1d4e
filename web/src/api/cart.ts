import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client.ts';
import type { Order } from './orders.ts';

/** One priced line of a cart or order item, at the volume tier that applies. */
export interface PriceLine {
  productKey: string;
  /** The product's name in the request language. */
  name: string;
  quantity: number;
  unitMonthlyCents: number;
  /** The line's one-off price (quantity × unit one-off price). */
  oneOffCents: number;
  /** The tier's lower bound ("ab 10 Stück"), null without tiers. */
  tierFrom: number | null;
}

export interface CartItem {
  id: string;
  /** e.g. workplace.activate, addon.book. */
  type: string;
  /** The cart spans every company the caller administers; each item names its company. */
  companyId: string;
  companyName: string;
  subjectId: string | null;
  description: string;
  /** Berlin day; null = "so schnell wie möglich". */
  activationDate: string | null;
  /** The first day the item may run (a cancellation: the end of the minimum term). */
  earliestDate: string | null;
  lines: PriceLine[];
  oneOffCents: number;
  monthlyCents: number;
  createdAt: string;
}

/** The caller's session cart (seed 003: it lives only as long as the login session). */
export interface Cart {
  items: CartItem[];
  count: number;
  oneOffCents: number;
  monthlyCents: number;
  /** Stands for the prices shown; ordering with an outdated one answers 409 prices_changed. */
  priceToken: string;
}

/** Other pages that add to the cart invalidate this key (or call useInvalidateCart). */
export const cartQueryKey = ['cart'] as const;

const CART_PATH = '/api/v1/cart';

/** The session cart; `enabled` false for users who have none (end users, signed out). */
export function useCart(enabled = true) {
  return useQuery({
    queryKey: cartQueryKey,
    queryFn: ({ signal }) => apiFetch<Cart>(CART_PATH, { signal }),
    enabled,
  });
}

/** Call the returned function after something was added to the cart: the header badge updates. */
export function useInvalidateCart(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: cartQueryKey });
  }, [queryClient]);
}

function useCartMutation<TInput>(send: (input: TInput) => Promise<Cart>) {
  const queryClient = useQueryClient();
  return useMutation<Cart, ApiError, TInput>({
    mutationFn: send,
    onSuccess: (cart) => queryClient.setQueryData(cartQueryKey, cart),
  });
}

export function useRemoveCartItem() {
  return useCartMutation((itemId: string) =>
    apiFetch<Cart>(`${CART_PATH}/items/${encodeURIComponent(itemId)}`, { method: 'DELETE' }),
  );
}

/** Changes an item's activation date; null = "so schnell wie möglich". */
export function useSetCartItemDate() {
  return useCartMutation(
    ({ itemId, activationDate }: { itemId: string; activationDate: string | null }) =>
      apiFetch<Cart>(`${CART_PATH}/items/${encodeURIComponent(itemId)}`, {
        method: 'PATCH',
        body: { activationDate },
      }),
  );
}

function isCart(value: unknown): value is Cart {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Cart).items) &&
    typeof (value as Cart).priceToken === 'string'
  );
}

/** The new cart a 409 prices_changed carries (in `details` or `details.cart`), if any. */
export function changedCartOf(error: unknown): Cart | null {
  if (!(error instanceof ApiError) || error.code !== 'prices_changed') {
    return null;
  }
  const details = error.details;
  if (isCart(details)) {
    return details;
  }
  if (
    typeof details === 'object' &&
    details !== null &&
    isCart((details as { cart?: unknown }).cart)
  ) {
    return (details as { cart: Cart }).cart;
  }
  return null;
}

/**
 * "Kostenpflichtig bestellen": one order per company. On 409 prices_changed the cart query gets
 * the new prices (from the answer, else fetched again) so the page can ask once more.
 */
export function useOrderCart() {
  const queryClient = useQueryClient();
  return useMutation<{ orders: Order[] }, ApiError, string>({
    mutationFn: (priceToken) =>
      apiFetch<{ orders: Order[] }>(`${CART_PATH}/order`, { body: { priceToken } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cartQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['quotas'] });
      void queryClient.invalidateQueries({ queryKey: ['workplaces'] });
    },
    // Awaited, so the dialog asks again only once the new prices (and token) are there.
    onError: async (error) => {
      if (error.code !== 'prices_changed') {
        return;
      }
      const cart = changedCartOf(error);
      if (cart !== null) {
        queryClient.setQueryData(cartQueryKey, cart);
      } else {
        await queryClient.invalidateQueries({ queryKey: cartQueryKey });
      }
    },
  });
}
