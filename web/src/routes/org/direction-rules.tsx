import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CATEGORY_KEYS,
  type Category,
  type Direction,
} from '../../../../common/src/rules/barring.ts';
import { type DirectionDraft, newRow } from './rule-draft.ts';
import classes from './org.module.css';

const TARIFF_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface DirectionRulesProps {
  direction: Direction;
  draft: DirectionDraft;
  onChange: (next: DirectionDraft) => void;
  /** Messages next to custom rows, by row key (live check and server answers). */
  rowErrors: Record<string, string>;
}

function isCategory(value: string): value is Category {
  return (CATEGORY_KEYS as string[]).includes(value);
}

/** The rules of one direction: barred categories, 0900 tariff digits and custom prefixes. */
export function DirectionRules({ direction, draft, onChange, rowErrors }: DirectionRulesProps) {
  const { t } = useTranslation();
  const name = t(`org.directions.${direction}`);
  const set = (patch: Partial<DirectionDraft>) => onChange({ ...draft, ...patch });
  const setRow = (key: string, patch: { prefix?: string; effect?: 'bar' | 'allow' }) =>
    set({ custom: draft.custom.map((row) => (row.key === key ? { ...row, ...patch } : row)) });

  return (
    <fieldset className={classes.fieldset}>
      <legend className={classes.legend}>{name}</legend>
      <Stack gap="sm">
        <Checkbox.Group
          label={t('org.profileForm.barred')}
          value={draft.barred}
          onChange={(values) => set({ barred: values.filter(isCategory) })}
        >
          <Group gap="md" mt={6}>
            {CATEGORY_KEYS.map((category) => (
              <Checkbox key={category} value={category} label={t(`org.categories.${category}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {draft.barred.includes('premium_0900') && (
          <Checkbox.Group
            label={t('org.profileForm.tariff')}
            description={t('org.profileForm.tariffHint')}
            value={draft.tariffDigits}
            onChange={(values) => set({ tariffDigits: values })}
          >
            <Group gap="sm" mt={6}>
              {TARIFF_DIGITS.map((digit) => (
                <Checkbox
                  key={digit}
                  value={digit}
                  label={t('org.profileForm.tariffDigit', { digit })}
                />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <div>
          <Text size="sm" fw={500}>
            {t('org.profileForm.custom')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('org.profileForm.customHint')}
          </Text>
        </div>
        {draft.custom.map((row, index) => {
          const label = { index: index + 1, direction: name };
          return (
            <Group key={row.key} gap="sm" align="flex-start" wrap="wrap">
              <TextInput
                label={`${t('org.profileForm.prefix')} ${index + 1}`}
                aria-label={t('org.profileForm.prefixNamed', label)}
                value={row.prefix}
                error={rowErrors[row.key]}
                onChange={(event) => setRow(row.key, { prefix: event.currentTarget.value })}
                autoComplete="off"
                inputMode="tel"
                maxLength={20}
                w={200}
              />
              <NativeSelect
                label={t('org.profileForm.effect')}
                aria-label={t('org.profileForm.effectNamed', label)}
                value={row.effect}
                onChange={(event) =>
                  setRow(row.key, {
                    effect: event.currentTarget.value === 'allow' ? 'allow' : 'bar',
                  })
                }
                data={[
                  { value: 'bar', label: t('org.profileForm.bar') },
                  { value: 'allow', label: t('org.profileForm.allow') },
                ]}
                w={220}
              />
              <ActionIcon
                variant="default"
                size="lg"
                mt={26}
                aria-label={t('org.profileForm.removeCustomNamed', label)}
                onClick={() =>
                  set({ custom: draft.custom.filter((other) => other.key !== row.key) })
                }
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          );
        })}
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          aria-label={t('org.profileForm.addCustomNamed', { direction: name })}
          onClick={() => set({ custom: [...draft.custom, newRow()] })}
        >
          {t('org.profileForm.addCustom')}
        </Button>
      </Stack>
    </fieldset>
  );
}
