import { useId } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../common/src/limits.ts';
import { passwordDeliveryOf, usernameIssues } from '../../../../../common/src/rules/workplace.ts';
import type { SectionProps } from '../section-props.ts';
import { Notice } from '../notice.tsx';

/** The username rules of seed 001 as a checklist, each with the shared rules it stands for. */
const USERNAME_CHECKS = [
  ['length', ['username_too_short', 'username_too_long']],
  ['lowercase', ['username_uppercase', 'username_invalid_characters']],
  ['umlauts', ['username_umlaut']],
  ['separators', ['username_separator_sequence']],
  ['startEnd', ['username_start_end']],
] as const;

function UsernameRules({ id, username }: { id: string; username: string }) {
  const { t } = useTranslation();
  const broken = new Set(usernameIssues(username).map((issue) => issue.rule.split('.').at(-1)));
  return (
    <div id={id}>
      <Text size="sm" fw={500} mb={4}>
        {t('workplaces.login.rulesTitle')}
      </Text>
      <List size="sm" spacing={2} center>
        {USERNAME_CHECKS.map(([check, rules]) => {
          const met = username !== '' && !rules.some((rule) => broken.has(rule));
          return (
            <List.Item
              key={check}
              data-met={met}
              icon={
                <ThemeIcon size={18} radius="xl" color={met ? 'teal.9' : 'gray.7'} aria-hidden>
                  {met ? '✓' : '·'}
                </ThemeIcon>
              }
            >
              {t(`workplaces.login.rules.${check}`, { min: LIMITS.username.min })}
              <VisuallyHidden>
                {' '}
                ({met ? t('register.ruleMet') : t('register.ruleNotMet')})
              </VisuallyHidden>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}

/** Benutzeranmeldung: username (rules checked live), e-mail twice, SMS or e-mail delivery. */
export function LoginSection({ value, data, onChange, field, setUp }: SectionProps<'login'>) {
  const { t } = useTranslation();
  const rulesId = useId();
  const username = field('username');
  const authEmail = field('authEmail');
  const confirm = field('authEmailConfirm');
  const mobile = field('authMobile');
  const without = field('withoutMobile');
  const userEmail = (data.user?.email ?? '').trim();
  const delivery = passwordDeliveryOf(value);
  const text = (name: 'authEmail' | 'authEmailConfirm' | 'authMobile') => ({
    value: value[name] ?? '',
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ [name]: event.currentTarget.value }),
    autoComplete: 'off',
  });

  return (
    <Stack gap="sm">
      <Text size="sm">{t('workplaces.login.intro')}</Text>
      <TextInput
        label={t('workplaces.login.username')}
        value={value.username ?? ''}
        onChange={(event) => onChange({ username: event.currentTarget.value })}
        onBlur={username.onBlur}
        error={username.error}
        required={!setUp}
        withAsterisk={!setUp}
        readOnly={setUp}
        description={setUp ? t('workplaces.login.usernameFixed') : undefined}
        maxLength={LIMITS.username.max}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        aria-describedby={setUp ? undefined : rulesId}
        maw={420}
      />
      {!setUp && (
        <>
          <UsernameRules id={rulesId} username={value.username ?? ''} />
          <Alert color="blue" variant="light" title={t('workplaces.note')}>
            {t('workplaces.login.usernameNote')}
          </Alert>
        </>
      )}
      <Text size="sm" fw={600} mt="sm">
        {t('workplaces.login.deliveryTitle')}
      </Text>
      <Text size="sm">{t('workplaces.login.deliveryIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          {...text('authEmail')}
          type="email"
          label={t('workplaces.login.authEmail')}
          error={authEmail.error}
          onBlur={authEmail.onBlur}
          required
          withAsterisk
          maxLength={LIMITS.email.max}
        />
        <TextInput
          {...text('authEmailConfirm')}
          type="email"
          label={t('workplaces.login.authEmailConfirm')}
          error={confirm.error}
          onBlur={confirm.onBlur}
          required
          withAsterisk
          maxLength={LIMITS.email.max}
        />
      </SimpleGrid>
      {userEmail !== '' && (
        <Button
          variant="subtle"
          size="compact-sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange({ authEmail: userEmail, authEmailConfirm: userEmail })}
        >
          {t('workplaces.login.takeUserEmail', { email: userEmail })}
        </Button>
      )}
      <Text size="sm" c="dimmed">
        {t('workplaces.login.userEmailNote')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          {...text('authMobile')}
          type="tel"
          label={t('workplaces.login.authMobile')}
          description={t('workplaces.login.authMobileHint')}
          error={mobile.error}
          onBlur={mobile.onBlur}
          disabled={value.withoutMobile === true}
          maxLength={30}
        />
        <Checkbox
          mt={{ base: 0, sm: 'xl' }}
          label={t('workplaces.login.withoutMobile')}
          checked={value.withoutMobile === true}
          error={without.error}
          onBlur={without.onBlur}
          onChange={(event) =>
            onChange(
              event.currentTarget.checked
                ? { withoutMobile: true, authMobile: '' }
                : { withoutMobile: false },
            )
          }
        />
      </SimpleGrid>
      <Notice kind="warning" title={t('workplaces.login.adviceTitle')}>
        {t('workplaces.login.advice')}
      </Notice>
      <Text size="sm" role="status">
        {delivery === 'sms'
          ? t('workplaces.login.deliverySms')
          : t('workplaces.login.deliveryEmail')}
      </Text>
    </Stack>
  );
}
