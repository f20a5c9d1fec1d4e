import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuotas } from '../../api/orders.ts';
import { QueryState } from '../../components/query-state.tsx';
import classes from './orders.module.css';

/** "Kontingente": workplaces configured / available, parallel calls booked / in use, licences. */
export function QuotasSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const quotas = useQuotas(companyId);
  const data = quotas.data;

  return (
    <Stack gap="sm" component="section" aria-labelledby="quotas-title">
      <Title order={2} id="quotas-title">
        {t('orders.quotas.title')}
      </Title>
      <QueryState isPending={quotas.isPending} error={quotas.error} />
      {data !== undefined && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('orders.quotas.workplaces')}
              </Title>
              <dl className={classes.facts}>
                <dt>{t('orders.quotas.configured')}</dt>
                <dd>{data.workplaces.configured}</dd>
                <dt>{t('orders.quotas.available')}</dt>
                <dd>{data.workplaces.available}</dd>
                <dt>{t('orders.quotas.total')}</dt>
                <dd>{data.workplaces.total}</dd>
              </dl>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('orders.quotas.parallelCalls')}
              </Title>
              <dl className={classes.facts}>
                <dt>{t('orders.quotas.booked')}</dt>
                <dd>{data.parallelCalls.booked}</dd>
                <dt>{t('orders.quotas.inUse')}</dt>
                <dd>{data.parallelCalls.inUse ?? t('orders.quotas.unknown')}</dd>
              </dl>
            </Paper>
          </SimpleGrid>
          <Title order={3} size="h4">
            {t('orders.quotas.licences')}
          </Title>
          {data.licences.length === 0 ? (
            <Text>{t('orders.quotas.noLicences')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing="xs">
                <Table.Caption>{t('orders.quotas.licencesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('orders.quotas.product')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('orders.quotas.licenceTotal')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('orders.quotas.used')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.licences.map((licence) => (
                    <Table.Tr key={licence.product}>
                      <Table.Th scope="row" fw={400}>
                        {licence.name}
                      </Table.Th>
                      <Table.Td ta="right">{licence.total}</Table.Td>
                      <Table.Td ta="right">{licence.used}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
