import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS } from '../../../../common/src/limits.ts';
import { useCompanies } from '../../api/companies.ts';
import { Paging } from '../../components/paging.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { OPERATOR_NEW_COMPANY_PATH, operatorCompanyPath } from '../paths.ts';

const PAGE_SIZE = LIMITS.pageSize.default;

/** Betreiber-Konsole: all customer companies, searchable and paged. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  // A new search starts at page 1 (the page is stored per search term).
  const [pageOf, setPageOf] = useState(debounced);
  const effectivePage = pageOf === debounced ? page : 1;
  const companies = useCompanies({ search: debounced, page: effectivePage, pageSize: PAGE_SIZE });
  usePageTitle(t('companies.title'));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('companies.title')}</Title>
        <Button component={Link} to={OPERATOR_NEW_COMPANY_PATH}>
          {t('companies.create')}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={t('companies.search')}
        description={t('companies.searchHint')}
        maxLength={LIMITS.search.max}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      <QueryState isPending={companies.isPending} error={companies.error} />
      {companies.data !== undefined && (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{t('companies.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('company.name')}</Table.Th>
                  <Table.Th scope="col">{t('company.customerNumber')}</Table.Th>
                  <Table.Th scope="col">{t('contract.status')}</Table.Th>
                  <Table.Th scope="col">{t('contract.workplaceQuota')}</Table.Th>
                  <Table.Th scope="col">{t('contract.parallelCalls')}</Table.Th>
                  <Table.Th scope="col">{t('companies.admins')}</Table.Th>
                  <Table.Th scope="col">{t('company.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {companies.data.items.map((company) => (
                  <Table.Tr key={company.id}>
                    <Table.Td>
                      <Anchor component={Link} to={operatorCompanyPath(company.id)}>
                        {company.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{company.customerNumber}</Table.Td>
                    <Table.Td>
                      <Badge
                        // Filled: white on dark keeps 4.5:1 on striped rows too (outline did not).
                        variant="filled"
                        color={company.contractStatus === 'active' ? 'teal.9' : 'gray.8'}
                      >
                        {t(`contract.statuses.${company.contractStatus}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{company.workplaceQuota}</Table.Td>
                    <Table.Td>{company.parallelCalls}</Table.Td>
                    <Table.Td>{company.adminCount}</Table.Td>
                    <Table.Td>{formatDate(company.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {companies.data.items.length === 0 && <Text>{t('companies.empty')}</Text>}
          <Paging
            label={t('companies.caption')}
            page={companies.data.page}
            pageSize={companies.data.pageSize}
            total={companies.data.total}
            onChange={(next) => {
              setPageOf(debounced);
              setPage(next);
            }}
          />
        </>
      )}
    </Stack>
  );
}
