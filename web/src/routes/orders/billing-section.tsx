import { useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import { billingExportUrl, useBilling } from '../../api/billing.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatMonth, recentMonths } from './order-dates.ts';

const MONTHS_OFFERED = 24;

/** "Abrechnung": a month's charges per product (daily, at the day's maximum) and the CSV export. */
export function BillingSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const months = useMemo(() => recentMonths(MONTHS_OFFERED), []);
  const [month, setMonth] = useState(months[0] ?? '');
  const billing = useBilling(companyId, month);
  const data = billing.data;
  const monthText = formatMonth(month);

  return (
    <Stack gap="sm" component="section" aria-labelledby="billing-title">
      <Title order={2} id="billing-title">
        {t('orders.billing.title')}
      </Title>
      <Text>{t('orders.billing.intro')}</Text>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('orders.billing.month')}
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
          data={months.map((value) => ({ value, label: formatMonth(value) }))}
        />
        <Button
          component="a"
          variant="default"
          href={billingExportUrl(companyId, month)}
          download={`abrechnung-${month}.csv`}
          aria-label={t('orders.billing.exportLabel', { month: monthText })}
        >
          {t('orders.billing.export')}
        </Button>
      </Group>
      <QueryState isPending={billing.isPending} error={billing.error} />
      {data !== undefined &&
        (data.lines.length === 0 ? (
          <Text>{t('orders.billing.empty', { month: monthText })}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('orders.billing.caption', { month: monthText })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('orders.billing.product')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('orders.billing.days')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('orders.billing.quantityMax')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('orders.billing.oneOff')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('orders.billing.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.lines.map((line) => (
                  <Table.Tr key={line.productKey}>
                    <Table.Th scope="row" fw={400}>
                      {line.name}
                    </Table.Th>
                    <Table.Td ta="right">{line.days}</Table.Td>
                    <Table.Td ta="right">{line.quantityMax}</Table.Td>
                    <Table.Td ta="right">{formatEuro(line.oneOffCents)}</Table.Td>
                    <Table.Td ta="right">{formatEuro(line.amountCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" colSpan={4}>
                    {t('orders.billing.total')}
                  </Table.Th>
                  <Table.Td ta="right" fw={600}>
                    {formatEuro(data.totalCents)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Stack>
  );
}
