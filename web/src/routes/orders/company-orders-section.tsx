import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/src/limits.ts';
import {
  ORDER_ITEM_TYPES,
  ORDER_STATUSES,
  type OrderFilter,
  useCompanyOrders,
} from '../../api/orders.ts';
import { statusText, typeText } from './order-status-badge.tsx';
import { OrdersResults } from './orders-results.tsx';

const EMPTY_FILTER: OrderFilter = {
  status: '',
  type: '',
  from: '',
  to: '',
  page: 1,
  pageSize: LIMITS.pageSize.default,
};

/** "Auftragsstatus": the company's orders, filtered by status, type and date, paged. */
export function CompanyOrdersSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY_FILTER);
  const [filter, setFilter] = useState(EMPTY_FILTER);
  const orders = useCompanyOrders(companyId, filter);
  const set = (field: 'status' | 'type' | 'from' | 'to') => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));
  const rangeInvalid = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  return (
    <Stack gap="sm" component="section" aria-labelledby="orders-title">
      <Title order={2} id="orders-title">
        {t('orders.list.title')}
      </Title>
      <form
        noValidate
        aria-label={t('orders.list.filterLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!rangeInvalid) {
            setFilter({ ...draft, page: 1 });
          }
        }}
      >
        <Group align="flex-start" gap="sm">
          <NativeSelect
            label={t('orders.list.status')}
            value={draft.status}
            onChange={(event) => set('status')(event.currentTarget.value)}
            data={[
              { value: '', label: t('orders.list.all') },
              ...ORDER_STATUSES.map((value) => ({ value, label: statusText(t, value) })),
            ]}
          />
          <NativeSelect
            label={t('orders.list.type')}
            value={draft.type}
            onChange={(event) => set('type')(event.currentTarget.value)}
            data={[
              { value: '', label: t('orders.list.all') },
              ...ORDER_ITEM_TYPES.map((value) => ({ value, label: typeText(t, value) })),
            ]}
          />
          <TextInput
            type="date"
            label={t('orders.list.from')}
            value={draft.from}
            onChange={(event) => set('from')(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('orders.list.to')}
            value={draft.to}
            min={draft.from || undefined}
            error={rangeInvalid ? t('orders.list.rangeInvalid') : undefined}
            onChange={(event) => set('to')(event.currentTarget.value)}
          />
          <Group gap="sm" mt={25}>
            <Button type="submit">{t('orders.list.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(EMPTY_FILTER);
                setFilter(EMPTY_FILTER);
              }}
            >
              {t('orders.list.reset')}
            </Button>
          </Group>
        </Group>
      </form>
      <OrdersResults
        orders={orders}
        mode="admin"
        caption={t('orders.list.caption')}
        label={t('orders.list.title')}
        page={filter.page}
        pageSize={filter.pageSize}
        onPage={(page) => setFilter({ ...filter, page })}
      />
    </Stack>
  );
}
