import { type FormEvent, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { passwordViolations } from '../../../../common/src/rules/password.ts';
import { useRegister } from '../../api/auth.ts';
import { formLevelError, serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import { usePageTitle } from '../../page-title.ts';
import { LOGIN_PATH, ONBOARDING_PATH } from '../paths.ts';
import { PasswordRules } from './password-rules.tsx';

const FIELDS = ['username', 'email', 'password', 'passwordRepeat'] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

/** Conflicts that belong to one field. */
const CONFLICT_FIELDS: Record<string, Field> = {
  username_taken: 'username',
  email_taken: 'email',
};

export function RegisterPage() {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const navigate = useNavigate();
  const register = useRegister();
  const [values, setValues] = useState<Record<Field, string>>({
    username: '',
    email: '',
    password: '',
    passwordRepeat: '',
  });
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  usePageTitle(t('register.title'));

  const fromServer: FieldErrors = serverFieldErrors(register.error);
  const conflictField = register.error ? CONFLICT_FIELDS[register.error.code] : undefined;
  if (conflictField !== undefined && register.error !== null) {
    fromServer[conflictField] = register.error.message;
  }
  const generalError = conflictField === undefined ? formLevelError(register.error, FIELDS) : null;
  const errorOf = (field: Field) => localErrors[field] ?? fromServer[field];

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    const username = values.username.trim();
    if (username === '') {
      errors.username = t('register.usernameRequired');
    } else if (username.length < 3 || !/^[A-Za-z0-9][A-Za-z0-9._@-]*$/.test(username)) {
      errors.username = t('register.usernameInvalid');
    }
    if (values.email.trim() === '') {
      errors.email = t('register.emailRequired');
    } else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
      errors.email = t('register.emailInvalid');
    }
    const broken = passwordViolations(values.password, values.username.trim());
    if (values.password === '') {
      errors.password = t('register.passwordRequired');
    } else if (broken.length > 0) {
      errors.password = broken.map((rule) => tErrors(`validation.password.${rule}`)).join(' ');
    }
    if (values.passwordRepeat !== values.password) {
      errors.passwordRepeat = t('register.repeatMismatch');
    }
    return errors;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const errors = validate();
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      register.reset();
      focusFirstInvalid(form);
      return;
    }
    register.mutate(
      { username: values.username.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(ONBOARDING_PATH, { replace: true }),
        onError: () => focusFirstInvalid(form),
      },
    );
  };

  return (
    <Paper withBorder shadow="xs" p="xl" maw={520} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={1}>{t('register.title')}</Title>
        <Text>{t('register.intro')}</Text>
        {generalError !== null && (
          <Alert color="red" variant="light" title={t('register.failedTitle')} role="alert">
            {generalError}
          </Alert>
        )}
        <form noValidate onSubmit={onSubmit}>
          <Stack gap="md">
            <TextInput
              label={t('register.username')}
              description={t('register.usernameHint')}
              name="username"
              autoComplete="username"
              required
              value={values.username}
              error={errorOf('username')}
              onChange={set('username')}
            />
            <TextInput
              label={t('register.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={values.email}
              error={errorOf('email')}
              onChange={set('email')}
            />
            <PasswordInput
              label={t('register.password')}
              name="new-password"
              autoComplete="new-password"
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              required
              value={values.password}
              error={errorOf('password')}
              // PasswordInput marks only its wrapper invalid; screen readers need it on the input.
              aria-invalid={errorOf('password') !== undefined}
              onChange={set('password')}
            />
            <PasswordRules
              id="password-rules"
              password={values.password}
              username={values.username.trim()}
            />
            <PasswordInput
              label={t('register.passwordRepeat')}
              name="password-repeat"
              autoComplete="new-password"
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': t('register.showPasswordRepeat') }}
              required
              value={values.passwordRepeat}
              error={errorOf('passwordRepeat')}
              aria-invalid={errorOf('passwordRepeat') !== undefined}
              onChange={set('passwordRepeat')}
            />
            <Button type="submit" loading={register.isPending}>
              {t('register.submit')}
            </Button>
          </Stack>
        </form>
        <Text>
          {t('register.haveAccess')}{' '}
          <Anchor component={Link} to={LOGIN_PATH}>
            {t('register.loginLink')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
