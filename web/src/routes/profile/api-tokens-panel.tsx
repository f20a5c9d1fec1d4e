import { useState } from 'react';
import { Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ApiToken, useApiTokens, useRevokeApiToken } from '../../api/profile.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { TokenCreateForm } from './token-create-form.tsx';

/** "API-Tokens": personal tokens for scripts, created here and revoked with confirmation. */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const close = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="tokens-heading">
      <Title order={2} id="tokens-heading">
        {t('tokens.title')}
      </Title>
      <Text>{t('tokens.intro')}</Text>
      <TokenCreateForm />
      <QueryState isPending={tokens.isPending} error={tokens.error} />
      {tokens.data !== undefined &&
        (tokens.data.items.length === 0 ? (
          <Text>{t('tokens.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="tokens-heading" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <code>{token.tokenPrefix}…</code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                    <Table.Td>{formatDate(token.expiresAt) || t('tokens.never')}</Table.Td>
                    <Table.Td>{formatDateTime(token.lastUsedAt) || t('tokens.unused')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRevoking(token)}
                        aria-label={t('tokens.revokeNamed', { name: token.name })}
                      >
                        {t('tokens.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('tokens.revoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error?.message ?? null}
        onClose={close}
        onConfirm={() => {
          if (revoking !== null) {
            revoke.mutate(revoking.id, { onSuccess: close });
          }
        }}
      >
        {t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
