import { useState } from 'react';
import { Alert, NativeSelect, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/src/limits.ts';
import { useCompanies } from '../../api/companies.ts';
import {
  ORDER_STATUSES,
  type OperatorOrderFilter,
  type OrderStatus,
  useOperatorOrders,
} from '../../api/orders.ts';
import { Paging } from '../../components/paging.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { statusText } from './order-status-badge.tsx';
import { OrdersTable } from './orders-table.tsx';

const FIRST_PAGE: OperatorOrderFilter = {
  companyId: '',
  status: '',
  page: 1,
  pageSize: LIMITS.pageSize.default,
};

/** Betreiber-Konsole "Aufträge": the orders of all companies; failed items can run again. */
export function OperatorOrdersPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState(FIRST_PAGE);
  const [message, setMessage] = useState<string | null>(null);
  const orders = useOperatorOrders(filter);
  const companies = useCompanies({ search: '', page: 1, pageSize: LIMITS.pageSize.max });
  usePageTitle(t('orders.operator.title'));

  return (
    <Stack gap="lg" maw={1300}>
      <Title order={1}>{t('orders.operator.title')}</Title>
      <Text>{t('orders.operator.intro')}</Text>
      <Group gap="md" align="flex-end">
        <NativeSelect
          label={t('orders.list.company')}
          value={filter.companyId}
          onChange={(event) =>
            setFilter({ ...filter, companyId: event.currentTarget.value, page: 1 })
          }
          data={[
            { value: '', label: t('orders.operator.allCompanies') },
            ...(companies.data?.items ?? []).map((company) => ({
              value: company.id,
              label: `${company.name} (${company.customerNumber})`,
            })),
          ]}
          maw={420}
        />
        <NativeSelect
          label={t('orders.list.status')}
          value={filter.status}
          onChange={(event) =>
            setFilter({
              ...filter,
              status: event.currentTarget.value as OrderStatus | '',
              page: 1,
            })
          }
          data={[
            { value: '', label: t('orders.list.all') },
            ...ORDER_STATUSES.map((value) => ({ value, label: statusText(t, value) })),
          ]}
        />
      </Group>
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
              mode="operator"
              caption={t('orders.operator.caption')}
              onMessage={setMessage}
            />
          )}
          <Paging
            label={t('orders.operator.title')}
            page={filter.page}
            pageSize={filter.pageSize}
            total={orders.data.total}
            onChange={(page) => setFilter({ ...filter, page })}
          />
        </>
      )}
    </Stack>
  );
}
