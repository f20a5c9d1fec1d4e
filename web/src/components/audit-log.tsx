import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AuditFilter, useAuditLog } from '../api/audit-log.ts';
import { formatDateTime } from '../format.ts';
import { AuditChanges } from './audit-changes.tsx';
import { Paging } from './paging.tsx';
import { QueryState } from './query-state.tsx';

/** Entities and actions the server writes for a company; unknown ones show as they come. */
const ENTITIES = [
  'company',
  'contract',
  'company_admin',
  'welcome_letter',
  'admin_invitation',
  'group',
  'area',
  'company_settings',
  'blocking_profile',
  'number_block',
  'number',
];
const ACTIONS = [
  'created',
  'updated',
  'deleted',
  'removed',
  'issued',
  'reissued',
  'activated',
  'revoked',
  'assigned',
  'reserved',
  'released',
  'decade_lengthened',
  'decade_shortened',
  'group_changed',
  'call_info_changed',
  'standard_profile_changed',
];

const EMPTY_FILTER: AuditFilter = {
  entity: '',
  action: '',
  from: '',
  to: '',
  page: 1,
  pageSize: 20,
};

/** The audit log of one company, with filters and paging (operator console and admin view). */
export function AuditLog({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY_FILTER);
  const [filter, setFilter] = useState(EMPTY_FILTER);
  const log = useAuditLog(companyId, filter);
  // Unknown entities and actions show as the server names them.
  const label = (group: 'entities' | 'actions', value: string) =>
    t(`audit.${group}.${value}` as 'audit.entities.company', { defaultValue: value });
  const set = (field: 'entity' | 'action' | 'from' | 'to') => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  return (
    <Stack gap="md">
      <form
        noValidate
        aria-label={t('audit.filterLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({
            ...draft,
            entity: draft.entity.trim(),
            action: draft.action.trim(),
            page: 1,
          });
        }}
      >
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('audit.entity')}
            value={draft.entity}
            onChange={(event) => set('entity')(event.currentTarget.value)}
            data={[
              { value: '', label: t('audit.all') },
              ...ENTITIES.map((value) => ({ value, label: label('entities', value) })),
            ]}
          />
          <NativeSelect
            label={t('audit.action')}
            value={draft.action}
            onChange={(event) => set('action')(event.currentTarget.value)}
            data={[
              { value: '', label: t('audit.all') },
              ...ACTIONS.map((value) => ({ value, label: label('actions', value) })),
            ]}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={draft.from}
            onChange={(event) => set('from')(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={draft.to}
            onChange={(event) => set('to')(event.currentTarget.value)}
          />
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY_FILTER);
              setFilter(EMPTY_FILTER);
            }}
          >
            {t('audit.reset')}
          </Button>
        </Group>
      </form>
      <QueryState isPending={log.isPending} error={log.error} />
      {log.data !== undefined && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('audit.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>
                      {entry.actorUsername ?? t('audit.system')}
                      {entry.actorRole !== null && (
                        <Text size="xs" c="dimmed">
                          {entry.actorRole}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {label('entities', entry.entity)}
                      <Text size="xs" c="dimmed">
                        {entry.entityId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{label('actions', entry.action)}</Table.Td>
                    <Table.Td>
                      <AuditChanges changes={entry.changes} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {log.data.items.length === 0 && <Text>{t('audit.empty')}</Text>}
          <Paging
            label={t('audit.caption')}
            page={log.data.page}
            pageSize={log.data.pageSize}
            total={log.data.total}
            onChange={(page) => setFilter((previous) => ({ ...previous, page }))}
          />
        </>
      )}
    </Stack>
  );
}
