import type { ReactNode } from 'react';
import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutboxMessage } from '../../api/outbox.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../format.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** One message of the outbox with its full text. */
export function OutboxMessageDrawer({
  messageId,
  onClose,
}: {
  messageId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useOutboxMessage(messageId);
  const data = message.data;
  return (
    <DialogFrame
      drawer
      opened={messageId !== null}
      onClose={onClose}
      title={data?.subject ?? t('outbox.message')}
    >
      <QueryState isPending={message.isPending} error={message.error} />
      {data !== undefined && (
        <Stack gap="md">
          <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
            <Fact label={t('outbox.recipient')}>{data.recipient}</Fact>
            <Fact label={t('outbox.channel')}>{t(`outbox.channels.${data.channel}`)}</Fact>
            <Fact label={t('outbox.status')}>{data.statusLabel}</Fact>
            <Fact label={t('outbox.template')}>{data.template}</Fact>
            <Fact label={t('outbox.createdAt')}>{formatDateTime(data.createdAt)}</Fact>
            <Fact label={t('outbox.sentAt')}>{formatDateTime(data.sentAt) || '–'}</Fact>
            {data.companyName !== null && (
              <Fact label={t('outbox.company')}>{data.companyName}</Fact>
            )}
            {data.lastError !== null && <Fact label={t('outbox.lastError')}>{data.lastError}</Fact>}
          </SimpleGrid>
          <Text fw={500} id="outbox-body-label">
            {t('outbox.body')}
          </Text>
          <Code block aria-labelledby="outbox-body-label" style={{ whiteSpace: 'pre-wrap' }}>
            {data.body}
          </Code>
        </Stack>
      )}
    </DialogFrame>
  );
}
