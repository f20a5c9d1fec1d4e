import { type FormEvent, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogin } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { usePageTitle } from '../../page-title.ts';
import { homeOfRole } from '../../shell/nav-config.ts';
import { FIRST_LOGIN_PATH, FORGOT_PASSWORD_PATH, REGISTER_PATH } from '../paths.ts';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('login.title'));

  const serverError = login.error;
  const serverFieldErrors: FieldErrors = {};
  if (serverError instanceof ApiError) {
    for (const { field, message } of serverError.fieldErrors) {
      if (field === 'username' || field === 'password') {
        serverFieldErrors[field] = message;
      }
    }
  }
  const errorOf = (field: Field) => localErrors[field] ?? serverFieldErrors[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim() === '') {
      errors.username = t('login.usernameRequired');
    }
    if (password === '') {
      errors.password = t('login.passwordRequired');
    }
    setLocalErrors(errors);
    if (errors.username !== undefined || errors.password !== undefined) {
      (errors.username !== undefined ? usernameRef : passwordRef).current?.focus();
      login.reset();
      return;
    }
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: ({ user }) => void navigate(homeOfRole(user.role), { replace: true }) },
    );
  };

  return (
    <Paper withBorder shadow="xs" p="xl" maw={440} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={1}>{t('login.title')}</Title>
        <Text>{t('login.intro')}</Text>
        {serverError !== null && (
          <Alert color="red" variant="light" title={t('login.failedTitle')} role="alert">
            {serverError.message}
          </Alert>
        )}
        <form noValidate onSubmit={onSubmit}>
          <Stack gap="md">
            <TextInput
              ref={usernameRef}
              label={t('login.username')}
              name="username"
              autoComplete="username"
              required
              value={username}
              error={errorOf('username')}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
            <PasswordInput
              ref={passwordRef}
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              required
              value={password}
              error={errorOf('password')}
              // PasswordInput marks only its wrapper invalid; screen readers need it on the input.
              aria-invalid={errorOf('password') !== undefined}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
        <Text>
          {t('login.noAccess')}{' '}
          <Anchor component={Link} to={REGISTER_PATH}>
            {t('login.registerLink')}
          </Anchor>
        </Text>
        <Group gap="md">
          <Anchor component={Link} to={FIRST_LOGIN_PATH}>
            {t('login.firstLoginLink')}
          </Anchor>
          <Anchor component={Link} to={FORGOT_PASSWORD_PATH}>
            {t('login.forgotPasswordLink')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
