import { useState } from 'react';
import { Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CompanyAdmin, useRemoveAdmin } from '../api/companies.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { InviteAdminForm } from './invite-admin-form.tsx';

interface AdminsPanelProps {
  companyId: string;
  admins: readonly CompanyAdmin[];
  /** Offer "Entfernen" per administrator (operator console). */
  canRemove: boolean;
}

/** The company's administrators and the invitation form. */
export function AdminsPanel({ companyId, admins, canRemove }: AdminsPanelProps) {
  const { t } = useTranslation();
  const remove = useRemoveAdmin(companyId);
  const [removing, setRemoving] = useState<CompanyAdmin | null>(null);
  const close = () => {
    setRemoving(null);
    remove.reset();
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3" id="admins-heading">
        {t('admins.title')}
      </Title>
      {admins.length === 0 ? (
        <Text>{t('admins.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-labelledby="admins-heading" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admins.name')}</Table.Th>
                <Table.Th scope="col">{t('admins.username')}</Table.Th>
                <Table.Th scope="col">{t('admins.email')}</Table.Th>
                {canRemove && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {admins.map((admin) => (
                <Table.Tr key={admin.id}>
                  <Table.Td>{admin.displayName}</Table.Td>
                  <Table.Td>{admin.username}</Table.Td>
                  <Table.Td>{admin.email ?? '–'}</Table.Td>
                  {canRemove && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRemoving(admin)}
                        aria-label={t('admins.removeNamed', { name: admin.username })}
                      >
                        {t('admins.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3} size="h4" id="invite-admin-heading">
        {t('admins.inviteTitle')}
      </Title>
      <Text size="sm">{t('admins.inviteIntro')}</Text>
      <InviteAdminForm companyId={companyId} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('admins.removeTitle')}
        confirmLabel={t('admins.remove')}
        danger
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onClose={close}
        onConfirm={() => {
          if (removing !== null) {
            remove.mutate(removing.id, { onSuccess: close });
          }
        }}
      >
        {t('admins.removeConfirm', { name: removing?.displayName ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
