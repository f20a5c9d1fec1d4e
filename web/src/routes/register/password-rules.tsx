import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  PASSWORD_RULES,
  type PasswordRule,
  passwordViolations,
} from '../../../../common/src/rules/password.ts';

interface PasswordRulesProps {
  id: string;
  password: string;
  username: string;
}

/** The rules of seed 003, each ticked as soon as the password meets it. */
export function PasswordRules({ id, password, username }: PasswordRulesProps) {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const broken = new Set<PasswordRule>(passwordViolations(password, username));
  return (
    <div id={id}>
      <Text size="sm" fw={500} mb={4}>
        {t('register.rulesTitle')}
      </Text>
      <List size="sm" spacing={2} center>
        {PASSWORD_RULES.map((rule) => {
          const met = password !== '' && !broken.has(rule);
          return (
            <List.Item
              key={rule}
              data-rule={rule}
              data-met={met}
              icon={
                <ThemeIcon size={18} radius="xl" color={met ? 'teal.9' : 'gray.7'} aria-hidden>
                  {met ? '✓' : '·'}
                </ThemeIcon>
              }
            >
              {tErrors(`validation.password.${rule}`)}
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
