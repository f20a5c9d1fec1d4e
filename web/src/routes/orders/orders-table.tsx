import { Fragment, useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import type { Order } from '../../api/orders.ts';
import { formatDateTime } from '../../format.ts';
import { OrderActions, type OrderAction } from './order-actions.tsx';
import { OrderItemsTable } from './order-items-table.tsx';
import { OrderStatusBadge } from './order-status-badge.tsx';
import classes from './orders.module.css';

interface OrdersTableProps {
  orders: readonly Order[];
  /** operator: with the company column, failed orders open, and "Erneut ausführen". */
  mode: 'admin' | 'operator';
  caption: string;
  onMessage: (text: string) => void;
}

const hasFailed = (order: Order) => order.items.some((item) => item.status === 'failed');

/** Orders with their items behind a disclosure button; cancel (and retry) with confirmation. */
export function OrdersTable({ orders, mode, caption, onMessage }: OrdersTableProps) {
  const { t } = useTranslation();
  // Ids whose disclosure differs from the default (operators see failed orders opened).
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<OrderAction | null>(null);
  const operator = mode === 'operator';
  const columns = operator ? 8 : 7;

  const isOpen = (order: Order) => (operator && hasFailed(order)) !== toggled.has(order.id);
  const toggle = (id: string) =>
    setToggled((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });

  return (
    <>
      <Table.ScrollContainer minWidth={880}>
        <Table verticalSpacing="xs">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('orders.list.number')}</Table.Th>
              {operator && <Table.Th scope="col">{t('orders.list.company')}</Table.Th>}
              <Table.Th scope="col">{t('orders.list.placedAt')}</Table.Th>
              <Table.Th scope="col">{t('orders.list.status')}</Table.Th>
              <Table.Th scope="col">{t('orders.list.itemCount')}</Table.Th>
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
            {orders.map((order) => {
              const open = isOpen(order);
              const detailsId = `order-items-${order.id}`;
              const cancellable = order.items.some((item) => item.cancellable);
              return (
                <Fragment key={order.id}>
                  <Table.Tr className={hasFailed(order) ? classes.failed : undefined}>
                    <Table.Th scope="row">
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-expanded={open}
                        aria-controls={open ? detailsId : undefined}
                        aria-label={t(open ? 'orders.list.hideItems' : 'orders.list.showItems', {
                          number: order.number,
                        })}
                        onClick={() => toggle(order.id)}
                      >
                        <span aria-hidden>{open ? '▾' : '▸'}</span>&nbsp;{order.number}
                      </Button>
                    </Table.Th>
                    {operator && <Table.Td>{order.companyName}</Table.Td>}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(order.placedAt)}
                      {order.placedBy !== null && (
                        <Text size="xs" c="dimmed">
                          {order.placedBy}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <OrderStatusBadge status={order.status} />
                    </Table.Td>
                    <Table.Td>{order.items.length}</Table.Td>
                    <Table.Td ta="right">{formatEuro(order.oneOffCents)}</Table.Td>
                    <Table.Td ta="right">{formatEuro(order.monthlyCents)}</Table.Td>
                    <Table.Td>
                      {cancellable && (
                        <Button
                          variant="default"
                          size="compact-sm"
                          aria-label={t('orders.cancel.orderLabel', { number: order.number })}
                          onClick={() => setAction({ kind: 'cancel', order })}
                        >
                          {t('orders.cancel.order')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open && (
                    <Table.Tr id={detailsId} className={classes.details}>
                      <Table.Td colSpan={columns}>
                        <OrderItemsTable
                          order={order}
                          operator={operator}
                          onAction={setAction}
                          onMessage={onMessage}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <OrderActions action={action} onClose={() => setAction(null)} onMessage={onMessage} />
    </>
  );
}
