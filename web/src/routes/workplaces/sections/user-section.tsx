import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../common/src/limits.ts';
import type { SectionProps } from '../section-props.ts';

type UserField =
  'firstName' | 'lastName' | 'email' | 'street' | 'postalCode' | 'city' | 'department';

/** Salutations stored as their German words (the company directory is German). */
const SALUTATIONS = ['Frau', 'Herr', 'Divers'] as const;

/** Benutzerdaten: name, address and e-mail for the company directory; required fields with *. */
export function UserSection({ value, onChange, field }: SectionProps<'user'>) {
  const { t } = useTranslation();
  const input = (name: UserField) => {
    const binding = field(name);
    return {
      label: t(`workplaces.user.${name}`),
      value: value[name] ?? '',
      error: binding.error,
      onBlur: binding.onBlur,
      required: binding.required,
      withAsterisk: binding.required,
      maxLength: LIMITS.name.max,
      // An admin types someone else's data: the browser's own address book does not fit.
      autoComplete: 'off',
      onChange: (event: { currentTarget: { value: string } }) =>
        onChange({ [name]: event.currentTarget.value }),
    };
  };
  const salutation = field('salutation');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('workplaces.user.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('workplaces.requiredHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('workplaces.user.salutation')}
          value={value.salutation ?? ''}
          error={salutation.error}
          onBlur={salutation.onBlur}
          onChange={(event) => onChange({ salutation: event.currentTarget.value })}
          data={[
            { value: '', label: t('workplaces.user.noSalutation') },
            ...SALUTATIONS.map((entry) => ({
              value: entry,
              label: t(`workplaces.user.salutations.${entry}`),
            })),
          ]}
        />
        <TextInput {...input('department')} />
        <TextInput {...input('firstName')} />
        <TextInput {...input('lastName')} />
        <TextInput
          {...input('email')}
          type="email"
          description={t('workplaces.user.emailHint')}
          maxLength={LIMITS.email.max}
        />
        <TextInput {...input('street')} />
        <TextInput {...input('postalCode')} inputMode="numeric" maxLength={10} />
        <TextInput {...input('city')} />
      </SimpleGrid>
    </Stack>
  );
}
