import { type FormEvent, useRef, useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/src/limits.ts';
import { useCreateApiToken } from '../../api/profile.ts';
import { serverFieldErrors } from '../../forms/field-errors.ts';
import { todayIso } from '../../format.ts';

/** Creates a token; its secret is shown once, right here. */
export function TokenCreateForm() {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const fromServer = serverFieldErrors(create.error);
  const unassigned = create.error !== null && Object.keys(fromServer).length === 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(t('form.required'));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    const input = expiresAt === '' ? { name: name.trim() } : { name: name.trim(), expiresAt };
    create.mutate(input, {
      onSuccess: (answer) => {
        setSecret({ name: answer.token.name, value: answer.secret });
        setName('');
        setExpiresAt('');
      },
    });
  };

  return (
    <Stack gap="md">
      <form noValidate onSubmit={onSubmit} aria-labelledby="token-create-heading">
        <Text fw={500} id="token-create-heading" mb="xs">
          {t('tokens.createTitle')}
        </Text>
        <Group align="flex-start" gap="sm">
          <TextInput
            ref={nameRef}
            label={t('tokens.name')}
            required
            maxLength={LIMITS.apiTokenName.max}
            autoComplete="off"
            value={name}
            error={nameError ?? fromServer.name}
            onChange={(event) => setName(event.currentTarget.value)}
            miw={260}
          />
          <TextInput
            type="date"
            label={t('tokens.expiresAt')}
            description={t('tokens.expiresAtHint')}
            min={todayIso()}
            value={expiresAt}
            error={fromServer.expiresAt}
            onChange={(event) => setExpiresAt(event.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending} mt={25}>
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      {unassigned && (
        <Alert color="red" variant="light" role="alert">
          {create.error.message}
        </Alert>
      )}
      {secret !== null && (
        <Alert color="blue" variant="light" title={t('tokens.secretTitle', { name: secret.name })}>
          <Stack gap="xs">
            <Text size="sm">{t('tokens.secretWarning')}</Text>
            <Code block aria-label={t('tokens.secretLabel')} data-testid="token-secret">
              {secret.value}
            </Code>
            <Group gap="sm">
              <CopyButton value={secret.value}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? t('tokens.copied') : t('tokens.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="subtle" onClick={() => setSecret(null)}>
                {t('tokens.secretDone')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
