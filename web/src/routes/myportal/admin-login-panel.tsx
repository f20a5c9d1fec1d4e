import { type FormEvent, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type LoginData,
  useChangeLoginData,
  useLoginData,
  useResendActivationMail,
  useStartPasswordReset,
} from '../../api/myportal.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formLevelError, serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import { formatDateTime } from '../../format.ts';
import { Fact, phone } from './facts.tsx';

export interface AdminLoginPanelProps {
  companyId: string;
  workplaceId: string;
  /** Show the edit form (admins with workplaces.manage); read-only otherwise. */
  editable?: boolean;
  /** The heading; defaults to "Benutzeranmeldung". */
  title?: string;
}

/**
 * "Arbeitsplatz anzeigen / bearbeiten" → Benutzeranmeldung: check and change the login data,
 * resend the activation mail, start a password reset (seed 003 "Keine Aktivierungsmail erhalten").
 * Embedded by the workplace detail page.
 */
export function AdminLoginPanel({
  companyId,
  workplaceId,
  editable = true,
  title,
}: AdminLoginPanelProps) {
  const { t } = useTranslation();
  const data = useLoginData(companyId, workplaceId);
  return (
    <section aria-labelledby="login-panel-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="login-panel-heading">
          {title ?? t('myportal.admin.title')}
        </Title>
        <QueryState isPending={data.isPending} error={data.error} />
        {data.data !== undefined && (
          <>
            <LoginFacts data={data.data} />
            <LoginActions companyId={companyId} workplaceId={workplaceId} data={data.data} />
            {editable && (
              <LoginDataForm companyId={companyId} workplaceId={workplaceId} data={data.data} />
            )}
          </>
        )}
      </Stack>
    </section>
  );
}

function LoginFacts({ data }: { data: LoginData }) {
  const { t } = useTranslation();
  const account = data.account;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
      <Fact label={t('myportal.admin.username')}>{data.username}</Fact>
      <Fact label={t('myportal.admin.authEmail')}>{data.authEmail}</Fact>
      <Fact label={t('myportal.admin.authMobile')}>
        {data.authMobile ? phone(data.authMobile) : t('myportal.admin.noMobile')}
      </Fact>
      <Fact label={t('myportal.admin.delivery')}>
        {t(`myportal.admin.deliveries.${data.passwordDelivery}`)}
      </Fact>
      <Fact label={t('myportal.admin.account')}>
        {account === null ? (
          t('myportal.admin.noAccount')
        ) : (
          <Badge color={account.disabled ? 'gray.8' : account.passwordSet ? 'teal.9' : 'blue.9'}>
            {account.disabled
              ? t('myportal.admin.accountDisabled')
              : account.passwordSet
                ? t('myportal.admin.accountReady')
                : t('myportal.admin.accountFirstLogin')}
          </Badge>
        )}
      </Fact>
      <Fact label={t('myportal.admin.lastLogin')}>
        {account?.lastLoginAt ? formatDateTime(account.lastLoginAt) : '–'}
      </Fact>
      {data.temporaryPasswordExpiresAt !== null && (
        <Fact label={t('myportal.admin.temporaryOpen')}>
          {formatDateTime(data.temporaryPasswordExpiresAt)}
        </Fact>
      )}
    </SimpleGrid>
  );
}

function LoginActions({
  companyId,
  workplaceId,
  data,
}: {
  companyId: string;
  workplaceId: string;
  data: LoginData;
}) {
  const { t } = useTranslation();
  const mail = useResendActivationMail(companyId, workplaceId);
  const reset = useStartPasswordReset(companyId, workplaceId);
  const [dialog, setDialog] = useState<'mail' | 'reset' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      {!data.canSendActivationMail && (
        <Text size="sm" c="dimmed">
          {t('myportal.admin.notActive')}
        </Text>
      )}
      <Group gap="sm">
        <Button
          variant="default"
          disabled={!data.canSendActivationMail}
          onClick={() => setDialog('mail')}
        >
          {t('myportal.admin.resendMail')}
        </Button>
        <Button
          variant="default"
          disabled={!data.canResetPassword}
          onClick={() => setDialog('reset')}
        >
          {t('myportal.admin.resetPassword')}
        </Button>
      </Group>
      {notice !== null && (
        <Alert color="teal" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <ConfirmDialog
        opened={dialog === 'mail'}
        title={t('myportal.admin.resendMail')}
        confirmLabel={t('myportal.admin.send')}
        pending={mail.isPending}
        error={mail.error?.message ?? null}
        onClose={close}
        onConfirm={() =>
          mail.mutate(undefined, {
            onSuccess: ({ sentTo }) => {
              close();
              setNotice(t('myportal.admin.mailSent', { to: sentTo }));
            },
          })
        }
      >
        {t('myportal.admin.resendMailBody', { to: data.authEmail })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'reset'}
        title={t('myportal.admin.resetPassword')}
        confirmLabel={t('myportal.admin.send')}
        pending={reset.isPending}
        error={reset.error?.message ?? null}
        onClose={close}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: ({ delivery, sentTo }) => {
              close();
              setNotice(
                t(`myportal.admin.resetSent.${delivery}`, {
                  to: delivery === 'sms' ? phone(sentTo) : sentTo,
                }),
              );
            },
          })
        }
      >
        {t('myportal.admin.resetBody')}
      </ConfirmDialog>
    </>
  );
}

const FIELDS = [
  'login.authEmail',
  'login.authEmailConfirm',
  'login.authMobile',
  'login.withoutMobile',
];

function LoginDataForm({
  companyId,
  workplaceId,
  data,
}: {
  companyId: string;
  workplaceId: string;
  data: LoginData;
}) {
  const { t } = useTranslation();
  const change = useChangeLoginData(companyId, workplaceId);
  const [authEmail, setAuthEmail] = useState(data.authEmail);
  const [authEmailConfirm, setAuthEmailConfirm] = useState(data.authEmail);
  const [authMobile, setAuthMobile] = useState(data.authMobile ?? '');
  const [withoutMobile, setWithoutMobile] = useState(data.withoutMobile);
  // Any edit hides "Gespeichert" and the last answer's errors.
  const edit =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      change.reset();
    };

  const errors = serverFieldErrors(change.error);
  const general = formLevelError(change.error, FIELDS);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    change.mutate(
      {
        authEmail: authEmail.trim(),
        authEmailConfirm: authEmailConfirm.trim(),
        authMobile: withoutMobile ? null : authMobile.trim() || null,
        withoutMobile,
      },
      { onError: () => focusFirstInvalid(form) },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="login-form-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="login-form-heading">
          {t('myportal.admin.editTitle')}
        </Title>
        {general !== null && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        <TextInput
          label={t('myportal.admin.authEmail')}
          type="email"
          required
          value={authEmail}
          error={errors['login.authEmail']}
          onChange={(event) => edit(setAuthEmail)(event.currentTarget.value)}
        />
        <TextInput
          label={t('myportal.admin.authEmailConfirm')}
          type="email"
          required
          value={authEmailConfirm}
          error={errors['login.authEmailConfirm']}
          onChange={(event) => edit(setAuthEmailConfirm)(event.currentTarget.value)}
        />
        <TextInput
          label={t('myportal.admin.authMobile')}
          type="tel"
          disabled={withoutMobile}
          value={withoutMobile ? '' : authMobile}
          error={errors['login.authMobile']}
          onChange={(event) => edit(setAuthMobile)(event.currentTarget.value)}
        />
        <Checkbox
          label={t('myportal.admin.withoutMobile')}
          description={t('myportal.admin.withoutMobileHint')}
          checked={withoutMobile}
          error={errors['login.withoutMobile']}
          onChange={(event) => edit(setWithoutMobile)(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
          {change.isSuccess && (
            <Text role="status" size="sm">
              {t('myportal.admin.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
