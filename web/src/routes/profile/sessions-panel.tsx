import { useState } from 'react';
import { Badge, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type UserSession, useEndSession, useUserSessions } from '../../api/profile.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../format.ts';

/** "Sitzungen": where the user is signed in; other sessions can be ended. */
export function SessionsPanel() {
  const { t } = useTranslation();
  const sessions = useUserSessions();
  const end = useEndSession();
  const [ending, setEnding] = useState<UserSession | null>(null);
  const close = () => {
    setEnding(null);
    end.reset();
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="sessions-heading">
      <Title order={2} id="sessions-heading">
        {t('sessions.title')}
      </Title>
      <Text>{t('sessions.intro')}</Text>
      <QueryState isPending={sessions.isPending} error={sessions.error} />
      {sessions.data !== undefined && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby="sessions-heading" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessions.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('sessions.lastSeenAt')}</Table.Th>
                <Table.Th scope="col">{t('sessions.ip')}</Table.Th>
                <Table.Th scope="col">{t('sessions.userAgent')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((session) => (
                <Table.Tr key={session.id} aria-current={session.current ? 'true' : undefined}>
                  <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                  <Table.Td>{session.ip ?? '–'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {session.userAgent ?? '–'}
                  </Table.Td>
                  <Table.Td>
                    {session.current ? (
                      <Badge variant="outline" color="blue.9">
                        {t('sessions.current')}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEnding(session)}
                        aria-label={t('sessions.endNamed', {
                          createdAt: formatDateTime(session.createdAt),
                        })}
                      >
                        {t('sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={ending !== null}
        title={t('sessions.endTitle')}
        confirmLabel={t('sessions.end')}
        danger
        pending={end.isPending}
        error={end.error?.message ?? null}
        onClose={close}
        onConfirm={() => {
          if (ending !== null) {
            end.mutate(ending.id, { onSuccess: close });
          }
        }}
      >
        {t('sessions.endConfirm')}
      </ConfirmDialog>
    </Stack>
  );
}
