import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import { type Order, useRetryOrderItem } from '../../api/orders.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import type { OrderAction } from './order-actions.tsx';
import { OrderStatusBadge, typeText } from './order-status-badge.tsx';
import classes from './orders.module.css';

interface OrderItemsTableProps {
  order: Order;
  operator: boolean;
  onAction: (action: OrderAction) => void;
  onMessage: (text: string) => void;
}

/** The items of one order with status, failure reason, prices and their actions. */
export function OrderItemsTable({ order, operator, onAction, onMessage }: OrderItemsTableProps) {
  const { t } = useTranslation();
  const retry = useRetryOrderItem();

  return (
    <>
      {retry.error !== null && (
        <Alert color="red" variant="light" role="alert" mb="xs">
          {retry.error.message}
        </Alert>
      )}
      <Table verticalSpacing={4} fz="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          {t('orders.items.caption', { number: order.number })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('orders.items.position')}</Table.Th>
            <Table.Th scope="col">{t('orders.items.description')}</Table.Th>
            <Table.Th scope="col">{t('orders.items.activation')}</Table.Th>
            <Table.Th scope="col">{t('orders.items.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('orders.list.oneOff')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('orders.list.monthly')}
            </Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.items.map((item) => (
            <Table.Tr
              key={item.id}
              className={item.status === 'failed' ? classes.failed : undefined}
            >
              <Table.Td>{item.position}</Table.Td>
              <Table.Td>
                {item.description}
                <Text size="xs" c="dimmed">
                  {typeText(t, item.type)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {item.activationDate === null
                  ? t('orders.items.asap')
                  : formatDate(item.activationDate)}
              </Table.Td>
              <Table.Td>
                <OrderStatusBadge status={item.status} />
                {item.status === 'failed' && item.failureReason !== null && (
                  <Text size="sm" c="red.9" mt={2}>
                    {t('orders.items.reason', { reason: item.failureReason })}
                  </Text>
                )}
                {item.finishedAt !== null && item.status === 'done' && (
                  <Text size="xs" c="dimmed">
                    {t('orders.items.finishedAt', { at: formatDateTime(item.finishedAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatEuro(item.oneOffCents)}</Table.Td>
              <Table.Td ta="right">{formatEuro(item.monthlyCents)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {item.cancellable && (
                    <Button
                      variant="default"
                      size="compact-sm"
                      aria-label={t('orders.cancel.itemLabel', { item: item.description })}
                      onClick={() => onAction({ kind: 'cancel', order, item })}
                    >
                      {t('orders.cancel.item')}
                    </Button>
                  )}
                  {operator && item.status === 'failed' && (
                    <Button
                      size="compact-sm"
                      loading={retry.isPending && retry.variables?.itemId === item.id}
                      aria-label={t('orders.retry.label', { item: item.description })}
                      onClick={() =>
                        retry.mutate(
                          { companyId: order.companyId, orderId: order.id, itemId: item.id },
                          {
                            onSuccess: () =>
                              onMessage(t('orders.retry.done', { item: item.description })),
                          },
                        )
                      }
                    >
                      {t('orders.retry.button')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
