import { Alert, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../../common/src/rules/workplace.ts';
import type { SectionProps } from '../section-props.ts';
import { berlinToday } from '../workplace-labels.ts';

/** Aktivieren: "so schnell wie möglich" (default) or a later day; the seed's notes on price and term. */
export function ActivationSection({ value, onChange, field }: SectionProps<'activation'>) {
  const { t } = useTranslation();
  const today = berlinToday();
  const date = value.activationDate ?? null;
  const binding = field('activationDate');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('workplaces.activation.intro')}</Text>
      <Radio.Group
        label={t('workplaces.activation.when')}
        value={date === null ? 'asap' : 'date'}
        onChange={(next) =>
          onChange({ activationDate: next === 'asap' ? null : addDays(today, 1) })
        }
      >
        <Stack gap="xs" mt="xs">
          <Radio value="asap" label={t('workplaces.activation.asap')} />
          <Radio value="date" label={t('workplaces.activation.onDate')} />
        </Stack>
      </Radio.Group>
      {date !== null && (
        <TextInput
          type="date"
          label={t('workplaces.activation.date')}
          value={date}
          min={today}
          onChange={(event) => onChange({ activationDate: event.currentTarget.value })}
          onBlur={binding.onBlur}
          error={binding.error}
          maw={220}
        />
      )}
      <Alert color="blue" variant="light" title={t('workplaces.note')}>
        <Stack gap={4}>
          <Text size="sm">{t('workplaces.activation.priceNote')}</Text>
          <Text size="sm">{t('workplaces.activation.termNote')}</Text>
        </Stack>
      </Alert>
    </Stack>
  );
}
