import { useState } from 'react';
import { Alert, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrderList } from '../../api/orders.ts';
import { Paging } from '../../components/paging.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { OrdersTable } from './orders-table.tsx';

interface OrdersResultsProps {
  orders: UseQueryResult<OrderList>;
  mode: 'admin' | 'operator';
  caption: string;
  /** The paging's name (the list's title). */
  label: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}

/** A page of orders (company or operator list): the last action's message, the table, paging. */
export function OrdersResults(props: OrdersResultsProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const { orders } = props;
  return (
    <>
      <div role="status">
        {message !== null && (
          <Alert color="teal" variant="light">
            {message}
          </Alert>
        )}
      </div>
      <QueryState isPending={orders.isPending} error={orders.error} />
      {orders.data !== undefined && (
        <>
          {orders.data.items.length === 0 ? (
            <Text>{t('orders.list.empty')}</Text>
          ) : (
            <OrdersTable
              orders={orders.data.items}
              mode={props.mode}
              caption={props.caption}
              onMessage={setMessage}
            />
          )}
          <Paging
            label={props.label}
            page={props.page}
            pageSize={props.pageSize}
            total={orders.data.total}
            onChange={props.onPage}
          />
        </>
      )}
    </>
  );
}
