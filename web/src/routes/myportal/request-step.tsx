import { type FormEvent, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRequestTemporaryPassword } from '../../api/myportal.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';

interface RequestStepProps {
  username: string;
  onUsername: (value: string) => void;
  onContinue: () => void;
}

/** Step 1: "tragen Ihren Benutzernamen ein und klicken anschließend auf Absenden". */
export function RequestStep({ username, onUsername, onContinue }: RequestStepProps) {
  const { t } = useTranslation();
  const request = useRequestTemporaryPassword();
  const [error, setError] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (username.trim() === '') {
      setError(t('myportal.firstLogin.usernameRequired'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    request.mutate({ username: username.trim() }, { onSuccess: () => setConfirmOpen(true) });
  };

  return (
    <>
      <Text>{t('myportal.firstLogin.requestIntro')}</Text>
      {request.error !== null && (
        <Alert color="red" variant="light" role="alert">
          {request.error.message}
        </Alert>
      )}
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          <TextInput
            ref={inputRef}
            label={t('myportal.firstLogin.username')}
            name="username"
            autoComplete="username"
            required
            value={username}
            error={error ?? undefined}
            onChange={(event) => onUsername(event.currentTarget.value)}
          />
          <Button type="submit" loading={request.isPending}>
            {t('myportal.firstLogin.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm">
        <Anchor component="button" type="button" onClick={onContinue}>
          {t('myportal.firstLogin.haveTemporary')}
        </Anchor>
      </Text>
      <DialogFrame
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        title={t('myportal.firstLogin.sentTitle')}
      >
        <Stack gap="md">
          <Text>{t('myportal.firstLogin.sentBody')}</Text>
          <Group justify="flex-end">
            <Button
              onClick={() => {
                setConfirmOpen(false);
                onContinue();
              }}
            >
              {t('myportal.firstLogin.toStepTwo')}
            </Button>
          </Group>
        </Stack>
      </DialogFrame>
    </>
  );
}
