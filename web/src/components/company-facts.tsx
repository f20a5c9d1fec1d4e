import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Company, PARTNER_PRODUCTS } from '../api/companies.ts';
import { formatDate, formatDateTime } from '../format.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Company master data and contract, read-only. */
export function CompanyFacts({ company }: { company: Company }) {
  const { t } = useTranslation();
  const { contract } = company;
  const licences = PARTNER_PRODUCTS.filter((product) => contract.products.includes(product));
  return (
    <Stack gap="lg">
      <section aria-labelledby="company-data-heading">
        <Title order={2} size="h3" id="company-data-heading" mb="sm">
          {t('company.dataTitle')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t('company.name')}>{company.name}</Fact>
          <Fact label={t('company.customerNumber')}>{company.customerNumber}</Fact>
          <Fact label={t('company.contactEmail')}>{company.contactEmail ?? '–'}</Fact>
          <Fact label={t('company.createdAt')}>{formatDateTime(company.createdAt)}</Fact>
        </SimpleGrid>
      </section>
      <section aria-labelledby="contract-heading">
        <Title order={2} size="h3" id="contract-heading" mb="sm">
          {t('contract.title')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t('contract.status')}>{t(`contract.statuses.${contract.status}`)}</Fact>
          <Fact label={t('contract.startDate')}>{formatDate(contract.startDate)}</Fact>
          <Fact label={t('contract.address')}>
            {contract.street}, {contract.postalCode} {contract.city}
          </Fact>
          <Fact label={t('contract.products')}>
            {contract.products.map((product) => t(`products.${product}`)).join(', ') || '–'}
          </Fact>
          <Fact label={t('contract.workplaceQuota')}>{contract.workplaceQuota}</Fact>
          <Fact label={t('contract.parallelCalls')}>{contract.parallelCalls}</Fact>
          {licences.map((product) => (
            <Fact key={product} label={t(`contract.licences.${product}`)}>
              {contract.partnerLicences[product] ?? 0}
            </Fact>
          ))}
          <Fact label={t('contract.updatedAt')}>{formatDateTime(contract.updatedAt)}</Fact>
        </SimpleGrid>
      </section>
    </Stack>
  );
}
