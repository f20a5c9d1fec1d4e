import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Stack, Stepper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type UnlockAnswer, useActivate, useUnlock } from '../../api/onboarding.ts';
import { selectCompany } from '../../api/selected-company.ts';
import { usePageTitle } from '../../page-title.ts';
import { MY_COMPANY_PATH } from '../paths.ts';
import { CodeForm } from './code-form.tsx';

/** "Freischalten der Berechtigung": one-time code → e-mailed activation code → admin. */
export function OnboardingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unlock = useUnlock();
  const activate = useActivate();
  const [unlocked, setUnlocked] = useState<UnlockAnswer | null>(null);
  const [company, setCompany] = useState<string | null>(null);
  const step = company !== null ? 2 : unlocked !== null ? 1 : 0;
  const stepHeading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('onboarding.title'));

  // Each step replaces the form: move focus to its heading so screen readers follow.
  useEffect(() => {
    if (step > 0) {
      stepHeading.current?.focus();
    }
  }, [step]);

  const toAdminView = () => {
    void navigate(MY_COMPANY_PATH);
  };

  return (
    <Stack maw={760} gap="lg">
      <Title order={1}>{t('onboarding.title')}</Title>
      <Text>{t('onboarding.intro')}</Text>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('onboarding.step1')} description={t('onboarding.step1Hint')}>
          <Stack gap="md" mt="md">
            <Title order={2} size="h3">
              {t('onboarding.step1')}
            </Title>
            <CodeForm
              label={t('onboarding.oneTimeCode')}
              description={t('onboarding.oneTimeCodeHint')}
              requiredMessage={t('onboarding.codeRequired')}
              submitLabel={t('onboarding.unlockSubmit')}
              name="one-time-code"
              pending={unlock.isPending}
              error={unlock.error}
              onSubmit={(code) => unlock.mutate(code, { onSuccess: setUnlocked })}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('onboarding.step2')} description={t('onboarding.step2Hint')}>
          <Stack gap="md" mt="md">
            <Title order={2} size="h3" ref={stepHeading} tabIndex={-1}>
              {t('onboarding.step2')}
            </Title>
            <Alert color="blue" variant="light" role="status">
              {t('onboarding.codeSent', { activationSentTo: unlocked?.activationSentTo ?? '' })}
            </Alert>
            <CodeForm
              label={t('onboarding.activationCode')}
              description={t('onboarding.activationCodeHint', {
                company: unlocked?.company.name ?? '',
              })}
              requiredMessage={t('onboarding.codeRequired')}
              submitLabel={t('onboarding.activateSubmit')}
              name="activation-code"
              pending={activate.isPending}
              error={activate.error}
              onSubmit={(code) =>
                activate.mutate(code, {
                  onSuccess: (answer) => {
                    selectCompany(answer.company.id);
                    setCompany(answer.company.name);
                  },
                })
              }
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap="md" mt="md">
            <Title order={2} size="h3" ref={stepHeading} tabIndex={-1}>
              {t('onboarding.doneTitle')}
            </Title>
            <Alert color="teal" variant="light" role="status">
              {t('onboarding.done', { company: company ?? '' })}
            </Alert>
            <Button onClick={toAdminView} style={{ alignSelf: 'flex-start' }}>
              {t('onboarding.toAdminView')}
            </Button>
          </Stack>
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
