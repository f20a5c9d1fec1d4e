import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import { type Cart, useOrderCart } from '../../api/cart.ts';
import type { Order } from '../../api/orders.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';

interface OrderCartDialogProps {
  opened: boolean;
  /** The cart as shown now; after a 409 prices_changed it already holds the new prices. */
  cart: Cart;
  onClose: () => void;
  onOrdered: (orders: Order[]) => void;
}

/**
 * The confirmation before "Kostenpflichtig bestellen". The order carries the token of the prices
 * shown; when they changed meanwhile the server refuses, and the dialog shows the new prices and
 * asks again.
 */
export function OrderCartDialog({ opened, cart, onClose, onOrdered }: OrderCartDialogProps) {
  const { t } = useTranslation();
  const order = useOrderCart();
  const [pricesChanged, setPricesChanged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const totals = { oneOff: formatEuro(cart.oneOffCents), monthly: formatEuro(cart.monthlyCents) };

  const close = () => {
    setPricesChanged(false);
    setError(null);
    order.reset();
    onClose();
  };

  const confirm = () => {
    setError(null);
    order.mutate(cart.priceToken, {
      onSuccess: (result) => {
        setPricesChanged(false);
        onOrdered(result.orders);
      },
      onError: (failure) => {
        if (failure.code === 'prices_changed') {
          setPricesChanged(true);
        } else {
          setError(failure.message);
        }
      },
    });
  };

  return (
    <DialogFrame opened={opened} onClose={close} title={t('cart.confirmTitle')}>
      <Stack gap="md">
        {pricesChanged ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t('cart.pricesChangedTitle')}
            // The text colour keeps 4.5:1 on the orange tint (the orange title would not).
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            {t('cart.pricesChanged', totals)}
          </Alert>
        ) : (
          <Text>{t('cart.confirmText', { count: cart.count, ...totals })}</Text>
        )}
        <Text size="sm">{t('cart.confirmMail')}</Text>
        {error !== null && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button loading={order.isPending} onClick={confirm} disabled={cart.items.length === 0}>
            {t('cart.order')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}
