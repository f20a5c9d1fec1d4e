import { type FormEvent, useRef, useState } from 'react';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInviteAdmin } from '../api/companies.ts';
import { formatDateTime } from '../format.ts';

/** "Administrator einladen": sends an invitation with a one-time code to an e-mail address. */
export function InviteAdminForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const invite = useInviteAdmin(companyId);
  const [email, setEmail] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
      setLocalError(trimmed === '' ? t('admins.emailRequired') : t('admins.emailInvalid'));
      inputRef.current?.focus();
      return;
    }
    setLocalError(null);
    invite.mutate(trimmed, { onSuccess: () => setEmail('') });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="invite-admin-heading">
      <Group align="flex-start" gap="sm">
        <TextInput
          ref={inputRef}
          label={t('admins.inviteEmail')}
          type="email"
          autoComplete="off"
          required
          value={email}
          error={localError ?? invite.error?.message}
          onChange={(event) => setEmail(event.currentTarget.value)}
          miw={280}
        />
        <Button type="submit" loading={invite.isPending} mt={25}>
          {t('admins.inviteSubmit')}
        </Button>
      </Group>
      {invite.data !== undefined && (
        <Alert color="teal" variant="light" role="status" mt="sm">
          {t('admins.invited', {
            email: invite.data.email,
            expiresAt: formatDateTime(invite.data.expiresAt),
          })}
        </Alert>
      )}
    </form>
  );
}
