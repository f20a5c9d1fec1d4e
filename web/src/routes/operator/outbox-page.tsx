import { useState } from 'react';
import { Anchor, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  OUTBOX_CHANNELS,
  OUTBOX_STATUSES,
  type OutboxChannel,
  type OutboxFilter,
  type OutboxStatus,
  useOutbox,
} from '../../api/outbox.ts';
import { Paging } from '../../components/paging.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { OutboxMessageDrawer } from './outbox-message-drawer.tsx';

/** "Postausgang": mails and SMS, including those that stayed here without a gateway. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<OutboxFilter>({
    status: '',
    channel: '',
    page: 1,
    pageSize: 20,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const outbox = useOutbox(filter);
  usePageTitle(t('outbox.title'));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('outbox.title')}</Title>
      <Text>{t('outbox.intro')}</Text>
      <Group gap="md" align="flex-end">
        <NativeSelect
          label={t('outbox.status')}
          value={filter.status}
          onChange={(event) =>
            setFilter({
              ...filter,
              status: event.currentTarget.value as OutboxStatus | '',
              page: 1,
            })
          }
          data={[
            { value: '', label: t('outbox.all') },
            ...OUTBOX_STATUSES.map((status) => ({
              value: status,
              label: t(`outbox.statuses.${status}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('outbox.channel')}
          value={filter.channel}
          onChange={(event) =>
            setFilter({
              ...filter,
              channel: event.currentTarget.value as OutboxChannel | '',
              page: 1,
            })
          }
          data={[
            { value: '', label: t('outbox.all') },
            ...OUTBOX_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`outbox.channels.${channel}`),
            })),
          ]}
        />
      </Group>
      <QueryState isPending={outbox.isPending} error={outbox.error} />
      {outbox.data !== undefined && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{t('outbox.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outbox.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.channel')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.status')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.company')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((message) => (
                  <Table.Tr
                    key={message.id}
                    onClick={() => setOpenId(message.id)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(message.createdAt)}
                    </Table.Td>
                    <Table.Td>
                      {/* The button makes the row reachable with the keyboard. */}
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setOpenId(message.id)}
                      >
                        {message.subject ?? message.template}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{message.recipient}</Table.Td>
                    <Table.Td>{t(`outbox.channels.${message.channel}`)}</Table.Td>
                    <Table.Td>
                      {message.statusLabel}
                      {message.lastError !== null && (
                        <Text size="xs" c="dimmed">
                          {message.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{message.companyName ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {outbox.data.items.length === 0 && <Text>{t('outbox.empty')}</Text>}
          <Paging
            label={t('outbox.caption')}
            page={outbox.data.page}
            pageSize={outbox.data.pageSize}
            total={outbox.data.total}
            onChange={(page) => setFilter({ ...filter, page })}
          />
        </>
      )}
      <OutboxMessageDrawer messageId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
