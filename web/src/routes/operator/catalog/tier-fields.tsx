import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierDraft } from './product-draft.ts';

interface TierFieldsProps {
  tiers: TierDraft[];
  onChange: (tiers: TierDraft[]) => void;
  /** Messages keyed "tiers.<index>.from" / "tiers.<index>.monthlyCents". */
  errorOf: (field: string) => string | undefined;
}

/** The volume tiers: from which company total on each unit costs the tier's monthly price. */
export function TierFields({ tiers, onChange, errorOf }: TierFieldsProps) {
  const { t } = useTranslation();
  const update = (id: number, change: Partial<TierDraft>) =>
    onChange(tiers.map((tier) => (tier.id === id ? { ...tier, ...change } : tier)));
  const add = () => {
    const last = tiers.at(-1);
    const nextFrom = last === undefined ? 1 : (Number(last.from) || 0) + 1;
    const id = Math.max(-1, ...tiers.map((tier) => tier.id)) + 1;
    onChange([...tiers, { id, from: String(nextFrom), price: last?.price ?? '' }]);
  };

  return (
    <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Text component="legend" fw={500} size="sm" p={0}>
        {t('catalog.product.tiers')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('catalog.product.tiersHint')}
      </Text>
      {tiers.length === 0 && <Text size="sm">{t('catalog.product.noTiers')}</Text>}
      {tiers.map((tier, index) => {
        const n = index + 1;
        return (
          <Group key={tier.id} gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              label={t('catalog.product.tierFrom', { n })}
              inputMode="numeric"
              autoComplete="off"
              w={150}
              value={tier.from}
              error={errorOf(`tiers.${index}.from`)}
              onChange={(event) => update(tier.id, { from: event.currentTarget.value })}
            />
            <TextInput
              label={t('catalog.product.tierPrice', { n })}
              inputMode="decimal"
              autoComplete="off"
              w={190}
              value={tier.price}
              error={errorOf(`tiers.${index}.monthlyCents`)}
              onChange={(event) => update(tier.id, { price: event.currentTarget.value })}
            />
            <Button
              variant="default"
              mt={24}
              aria-label={t('catalog.product.removeTier', { n })}
              onClick={() => onChange(tiers.filter((other) => other.id !== tier.id))}
            >
              {t('catalog.product.remove')}
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button variant="light" size="xs" onClick={add}>
          {t('catalog.product.addTier')}
        </Button>
      </Group>
    </Stack>
  );
}
