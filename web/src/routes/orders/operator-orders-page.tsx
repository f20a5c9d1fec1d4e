import { useState } from 'react';
import { NativeSelect, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/src/limits.ts';
import { useCompanies } from '../../api/companies.ts';
import {
  ORDER_STATUSES,
  type OperatorOrderFilter,
  type OrderStatus,
  useOperatorOrders,
} from '../../api/orders.ts';
import { usePageTitle } from '../../page-title.ts';
import { statusText } from './order-status-badge.tsx';
import { OrdersResults } from './orders-results.tsx';

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
      <OrdersResults
        orders={orders}
        mode="operator"
        caption={t('orders.operator.caption')}
        label={t('orders.operator.title')}
        page={filter.page}
        pageSize={filter.pageSize}
        onPage={(page) => setFilter({ ...filter, page })}
      />
    </Stack>
  );
}
