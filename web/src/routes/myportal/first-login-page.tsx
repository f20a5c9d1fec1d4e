import { useState } from 'react';
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../page-title.ts';
import { LOGIN_PATH, MY_WORKPLACE_PATH, FORGOT_PASSWORD_PATH } from '../paths.ts';
import { NewPasswordStep } from './new-password-step.tsx';
import { RequestStep } from './request-step.tsx';
import { VerifyStep } from './verify-step.tsx';

type Step = 'request' | 'verify' | 'password';

/**
 * Seed 003 "Ihr erster Schritt: Melden Sie sich im MyPortal an": request a temporary password,
 * enter it, set a new password — then the overview. "Passwort vergessen" is the same flow.
 */
export function FirstLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const forgot = location.pathname === FORGOT_PASSWORD_PATH;
  const [step, setStep] = useState<Step>('request');
  const [username, setUsername] = useState(params.get('benutzer') ?? '');
  const [ticket, setTicket] = useState<string | null>(null);
  const [restartReason, setRestartReason] = useState<string | null>(null);
  const title = forgot ? t('myportal.firstLogin.forgotTitle') : t('myportal.firstLogin.title');
  usePageTitle(title);

  const stepNumber = { request: 1, verify: 2, password: 3 }[step];

  return (
    <Paper withBorder shadow="xs" p="xl" maw={560} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={1}>{title}</Title>
        <Text c="dimmed" size="sm">
          {t('myportal.firstLogin.stepOf', { step: stepNumber, total: 3 })}
        </Text>
        {restartReason !== null && (
          <Alert color="orange" variant="light" role="alert">
            {restartReason}
          </Alert>
        )}
        {step === 'request' && (
          <RequestStep
            username={username}
            onUsername={setUsername}
            onContinue={() => {
              setRestartReason(null);
              setStep('verify');
            }}
          />
        )}
        {step === 'verify' && (
          <VerifyStep
            username={username}
            onUsername={setUsername}
            onVerified={(answer) => {
              setTicket(answer.ticket);
              setUsername(answer.username);
              setStep('password');
            }}
            onRequestNew={() => setStep('request')}
          />
        )}
        {step === 'password' && ticket !== null && (
          <NewPasswordStep
            username={username}
            ticket={ticket}
            onDone={() => void navigate(MY_WORKPLACE_PATH, { replace: true })}
            onTicketExpired={(message) => {
              setTicket(null);
              setRestartReason(message);
              setStep('request');
            }}
          />
        )}
        <Text size="sm">
          {t('myportal.firstLogin.haveAccess')}{' '}
          <Anchor component={Link} to={LOGIN_PATH}>
            {t('myportal.firstLogin.loginLink')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
