import { type FormEvent, useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type VerifyAnswer, useVerifyTemporaryPassword } from '../../api/myportal.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';

interface VerifyStepProps {
  username: string;
  onUsername: (value: string) => void;
  onVerified: (answer: VerifyAnswer) => void;
  onRequestNew: () => void;
}

type Field = 'username' | 'temporaryPassword';

/** Step 2: "Sobald Sie Ihr temporäres Passwort erhalten haben, tragen Sie es bitte ein". */
export function VerifyStep({ username, onUsername, onVerified, onRequestNew }: VerifyStepProps) {
  const { t } = useTranslation();
  const verify = useVerifyTemporaryPassword();
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const next: Partial<Record<Field, string>> = {};
    if (username.trim() === '') {
      next.username = t('myportal.firstLogin.usernameRequired');
    }
    if (temporaryPassword.trim() === '') {
      next.temporaryPassword = t('myportal.firstLogin.temporaryRequired');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      verify.reset();
      focusFirstInvalid(form);
      return;
    }
    verify.mutate(
      { username: username.trim(), temporaryPassword: temporaryPassword.trim() },
      { onSuccess: onVerified, onError: () => focusFirstInvalid(form) },
    );
  };

  const serverError = verify.error?.message;
  return (
    <>
      <Text>{t('myportal.firstLogin.verifyIntro')}</Text>
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          <TextInput
            label={t('myportal.firstLogin.username')}
            name="username"
            autoComplete="username"
            required
            value={username}
            error={errors.username}
            onChange={(event) => onUsername(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('myportal.firstLogin.temporaryPassword')}
            name="temporary-password"
            autoComplete="one-time-code"
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('myportal.firstLogin.showTemporary') }}
            required
            value={temporaryPassword}
            error={errors.temporaryPassword ?? serverError}
            aria-invalid={(errors.temporaryPassword ?? serverError) !== undefined}
            onChange={(event) => setTemporaryPassword(event.currentTarget.value)}
          />
          {verify.error !== null && verify.error.status === 429 && (
            <Alert color="red" variant="light" role="alert">
              {verify.error.message}
            </Alert>
          )}
          <Button type="submit" loading={verify.isPending}>
            {t('myportal.firstLogin.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm">
        <Anchor component="button" type="button" onClick={onRequestNew}>
          {t('myportal.firstLogin.requestNew')}
        </Anchor>
      </Text>
    </>
  );
}
