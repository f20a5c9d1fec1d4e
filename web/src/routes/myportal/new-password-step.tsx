import { type FormEvent, useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passwordViolations } from '../../../../common/src/rules/password.ts';
import { useSetFirstPassword } from '../../api/myportal.ts';
import { serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import { PasswordRules } from '../register/password-rules.tsx';

interface NewPasswordStepProps {
  username: string;
  ticket: string;
  onDone: () => void;
  onTicketExpired: (message: string) => void;
}

type Field = 'password' | 'passwordRepeat';

/** Step 3: "Vergeben Sie im neuen Fenster ein neues Passwort und bestätigen Sie dieses mit Weiter". */
export function NewPasswordStep({
  username,
  ticket,
  onDone,
  onTicketExpired,
}: NewPasswordStepProps) {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const setPassword = useSetFirstPassword();
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const fromServer = serverFieldErrors(setPassword.error);
  const errorOf = (field: Field) => errors[field] ?? fromServer[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const next: Partial<Record<Field, string>> = {};
    const broken = passwordViolations(password, username);
    if (password === '') {
      next.password = t('myportal.firstLogin.passwordRequired');
    } else if (broken.length > 0) {
      next.password = broken.map((rule) => tErrors(`validation.password.${rule}`)).join(' ');
    }
    if (repeat !== password) {
      next.passwordRepeat = t('myportal.firstLogin.repeatMismatch');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setPassword.reset();
      focusFirstInvalid(form);
      return;
    }
    setPassword.mutate(
      { ticket, password },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error.code === 'password_ticket_invalid') {
            onTicketExpired(error.message);
          } else {
            focusFirstInvalid(form);
          }
        },
      },
    );
  };

  const general =
    setPassword.error !== null && setPassword.error.fieldErrors.length === 0
      ? setPassword.error.message
      : null;
  return (
    <>
      <Text>{t('myportal.firstLogin.passwordIntro', { username })}</Text>
      {general !== null && (
        <Alert color="red" variant="light" role="alert">
          {general}
        </Alert>
      )}
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          <PasswordInput
            label={t('myportal.firstLogin.newPassword')}
            name="new-password"
            autoComplete="new-password"
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            required
            value={password}
            error={errorOf('password')}
            aria-invalid={errorOf('password') !== undefined}
            aria-describedby="myportal-password-rules"
            onChange={(event) => setPasswordValue(event.currentTarget.value)}
          />
          <PasswordRules id="myportal-password-rules" password={password} username={username} />
          <PasswordInput
            label={t('myportal.firstLogin.passwordRepeat')}
            name="password-repeat"
            autoComplete="new-password"
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('register.showPasswordRepeat') }}
            required
            value={repeat}
            error={errorOf('passwordRepeat')}
            aria-invalid={errorOf('passwordRepeat') !== undefined}
            onChange={(event) => setRepeat(event.currentTarget.value)}
          />
          <Button type="submit" loading={setPassword.isPending}>
            {t('myportal.firstLogin.continue')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
