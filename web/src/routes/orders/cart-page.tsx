import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import { type CartItem, useCart, useRemoveCartItem } from '../../api/cart.ts';
import type { Order } from '../../api/orders.ts';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { MY_ORDERS_PATH } from '../paths.ts';
import { ActivationDateField } from './activation-date-field.tsx';
import { OrderCartDialog } from './order-cart-dialog.tsx';
import { typeText } from './order-status-badge.tsx';
import { PriceLines } from './price-lines.tsx';
import classes from './orders.module.css';

/** "Warenkorb" (seed 003 "Warenkorb bestellen"): check the items, then order them for a fee. */
export function CartPage() {
  const { t } = useTranslation();
  const cart = useCart();
  const [confirming, setConfirming] = useState(false);
  const [ordered, setOrdered] = useState<Order[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(t('cart.title'));
  const data = cart.data;

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('cart.title')}</Title>
      <Alert color="blue" variant="light" title={t('cart.sessionTitle')}>
        {t('cart.sessionNote')}
      </Alert>
      <div role="status">
        {ordered !== null && <OrderedNotice orders={ordered} />}
        {message !== null && (
          <Alert color="teal" variant="light">
            {message}
          </Alert>
        )}
      </div>
      <QueryState isPending={cart.isPending} error={cart.error} />
      {data !== undefined &&
        (data.items.length === 0 ? (
          ordered === null && (
            <Text>
              {t('cart.empty')}{' '}
              <Anchor component={Link} to={MY_ORDERS_PATH}>
                {t('cart.toStatus')}
              </Anchor>
            </Text>
          )
        ) : (
          <>
            <Text>{t('cart.intro')}</Text>
            <ul className={classes.list} aria-label={t('cart.list')}>
              {data.items.map((item) => (
                <CartEntry
                  key={item.id}
                  item={item}
                  onRemoved={() => {
                    setOrdered(null);
                    setMessage(t('cart.removed', { item: item.description }));
                  }}
                />
              ))}
            </ul>
            <Paper withBorder p="md" component="section" aria-labelledby="cart-total">
              <Title order={2} size="h3" id="cart-total">
                {t('cart.total')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('cart.totalNote')}
              </Text>
              <dl className={classes.facts}>
                <dt>{t('cart.oneOff')}</dt>
                <dd>{formatEuro(data.oneOffCents)}</dd>
                <dt>{t('cart.monthly')}</dt>
                <dd>{formatEuro(data.monthlyCents)}</dd>
              </dl>
              <Group justify="flex-end" mt="md">
                <Button
                  onClick={() => {
                    setMessage(null);
                    setConfirming(true);
                  }}
                >
                  {t('cart.order')}
                </Button>
              </Group>
            </Paper>
          </>
        ))}
      {data !== undefined && (
        <OrderCartDialog
          opened={confirming}
          cart={data}
          onClose={() => setConfirming(false)}
          onOrdered={(orders) => {
            setConfirming(false);
            setMessage(null);
            setOrdered(orders);
          }}
        />
      )}
    </Stack>
  );
}

function CartEntry({ item, onRemoved }: { item: CartItem; onRemoved: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveCartItem();
  const headingId = `cart-item-${item.id}`;
  return (
    <li aria-labelledby={headingId}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={2} size="h4" id={headingId}>
                {item.description}
              </Title>
              <Text size="sm" c="dimmed">
                {typeText(t, item.type)} · {item.companyName}
              </Text>
            </div>
            <Button
              variant="default"
              color="red.9"
              loading={remove.isPending}
              aria-label={t('cart.removeLabel', { item: item.description })}
              onClick={() => remove.mutate(item.id, { onSuccess: onRemoved })}
            >
              {t('cart.remove')}
            </Button>
          </Group>
          {remove.error !== null && (
            <Alert color="red" variant="light" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <ActivationDateField
            // A new date from the server (e.g. after ordering failed) resets the field.
            key={`${item.activationDate ?? 'asap'}-${item.earliestDate ?? ''}`}
            item={item}
          />
          <PriceLines
            lines={item.lines}
            oneOffCents={item.oneOffCents}
            monthlyCents={item.monthlyCents}
            caption={t('cart.pricesOf', { item: item.description })}
          />
        </Stack>
      </Paper>
    </li>
  );
}

/** After ordering: the order numbers, the mail, and where to follow the status. */
function OrderedNotice({ orders }: { orders: readonly Order[] }) {
  const { t } = useTranslation();
  return (
    // The title in the text colour and the link in blue 9 keep 4.5:1 on the teal tint.
    <Alert
      color="teal"
      variant="light"
      title={t('cart.orderedTitle')}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap={4}>
        <Text size="sm">
          {t('cart.orderedNumbers', {
            count: orders.length,
            numbers: orders.map((order) => order.number).join(', '),
          })}
        </Text>
        <Text size="sm">{t('cart.orderedMail')}</Text>
        <Anchor component={Link} to={MY_ORDERS_PATH} c="blue.9" size="sm">
          {t('cart.toStatus')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
