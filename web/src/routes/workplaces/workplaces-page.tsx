import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNational } from '../../../../common/src/numbers/parse.ts';
import { useGroups } from '../../api/org.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import {
  PAGE_SIZES,
  type Quota,
  WORKPLACE_STATUSES,
  type WorkplaceFilter,
  type WorkplaceStatus,
  useWorkplaces,
} from '../../api/workplaces.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { Paging } from '../../components/paging.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { NEW_WORKPLACE_PATH, WORKPLACE_IMPORT_PATH, workplacePath } from '../paths.ts';
import { DraftsPanel } from './drafts-panel.tsx';
import { TemplatesPanel } from './templates-panel.tsx';
import { personName } from './workplace-labels.ts';

/** "Arbeitsplätze verwalten" (admin view, under Mein Unternehmen). */
export function WorkplacesPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('workplaces.list.title'));
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t('workplaces.list.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <WorkplacesPanel key={company.id} companyId={company.id} />
      )}
    </Stack>
  );
}

function QuotaLine({ quota }: { quota: Quota }) {
  const { t } = useTranslation();
  return (
    <Text fw={500} role="status">
      {t('workplaces.list.quota', { ...quota })}
    </Text>
  );
}

export function statusColor(status: WorkplaceStatus): string {
  return status === 'active' ? 'teal.9' : status === 'deleted' ? 'red.9' : 'gray.8';
}

/**
 * The workplaces of one company with quota, search, filters and paging. `readOnly` (the operator
 * console): no set-up, import or drafts, names without links into the admin's pages.
 */
export function WorkplacesPanel({
  companyId,
  readOnly = false,
}: {
  companyId: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const groups = useGroups(companyId);
  const [filter, setFilter] = useState<WorkplaceFilter>({
    search: '',
    status: '',
    groupId: '',
    page: 1,
    pageSize: PAGE_SIZES[0],
  });
  const [debouncedSearch] = useDebouncedValue(filter.search, 300);
  const list = useWorkplaces(companyId, { ...filter, search: debouncedSearch });
  const set = (patch: Partial<WorkplaceFilter>) =>
    setFilter((current) => ({ ...current, page: 1, ...patch }));
  const caption = t('workplaces.list.caption');

  return (
    <Stack gap="md">
      <Text>{t('workplaces.list.intro')}</Text>
      <Group justify="space-between" align="center">
        {list.data !== undefined ? <QuotaLine quota={list.data.quota} /> : <span />}
        {!readOnly && (
          <Group gap="sm">
            <Button component={Link} to={WORKPLACE_IMPORT_PATH} variant="default">
              {t('import.title')}
            </Button>
            <Button component={Link} to={NEW_WORKPLACE_PATH}>
              {t('workplaces.list.setUp')}
            </Button>
          </Group>
        )}
      </Group>
      {!readOnly && <DraftsPanel companyId={companyId} />}
      <Group gap="sm" align="flex-end" role="search" aria-label={t('workplaces.list.filters')}>
        <TextInput
          type="search"
          label={t('workplaces.list.search')}
          description={t('workplaces.list.searchHint')}
          value={filter.search}
          onChange={(event) => set({ search: event.currentTarget.value })}
          maxLength={100}
          autoComplete="off"
        />
        <NativeSelect
          label={t('workplaces.list.status')}
          value={filter.status}
          onChange={(event) => set({ status: event.currentTarget.value as WorkplaceStatus | '' })}
          data={[
            { value: '', label: t('workplaces.list.all') },
            ...WORKPLACE_STATUSES.map((status) => ({
              value: status,
              label: t(`workplaces.statuses.${status}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('workplaces.list.group')}
          value={filter.groupId}
          onChange={(event) => set({ groupId: event.currentTarget.value })}
          data={[
            { value: '', label: t('workplaces.list.all') },
            ...(groups.data?.items ?? []).map((group) => ({ value: group.id, label: group.name })),
          ]}
        />
        <NativeSelect
          label={t('workplaces.list.pageSize')}
          value={String(filter.pageSize)}
          onChange={(event) => set({ pageSize: Number(event.currentTarget.value) })}
          data={PAGE_SIZES.map((size) => String(size))}
        />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data !== undefined && list.data.items.length === 0 && (
        <Text>{t('workplaces.list.empty')}</Text>
      )}
      {list.data !== undefined && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={caption}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workplaces.list.name')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.username')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.number')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.internal')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.group')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.status')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.devices')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.addons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    {readOnly ? (
                      personName(item) || item.username
                    ) : (
                      <Anchor component={Link} to={workplacePath(item.id)}>
                        {personName(item) || item.username}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{item.username}</Table.Td>
                  <Table.Td>
                    {item.mainNumber.startsWith('+')
                      ? formatNational(item.mainNumber)
                      : item.mainNumber}
                  </Table.Td>
                  <Table.Td>{item.internalNumber}</Table.Td>
                  <Table.Td>
                    {item.groupName}
                    {item.areaName !== null ? ` / ${item.areaName}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={statusColor(item.status)}>
                      {t(`workplaces.statuses.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.devices}</Table.Td>
                  <Table.Td>{item.addons.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data !== undefined && (
        <Paging
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onChange={(page) => setFilter((current) => ({ ...current, page }))}
          label={caption}
        />
      )}
      <TemplatesPanel companyId={companyId} />
    </Stack>
  );
}
