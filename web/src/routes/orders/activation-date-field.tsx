import { useId, useState } from 'react';
import { Alert, Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CartItem } from '../../api/cart.ts';
import { useSetCartItemDate } from '../../api/cart.ts';
import { formatDate } from '../../format.ts';
import { firstActivationDay, isIsoDay } from './order-dates.ts';

type Mode = 'asap' | 'date';

/**
 * The activation date of a cart item (seed 003 "Auftrag hinzufügen": preselected is the earliest
 * possible execution). "So schnell wie möglich" applies at once; a date after "Datum übernehmen".
 */
export function ActivationDateField({ item }: { item: CartItem }) {
  const { t } = useTranslation();
  const setDate = useSetCartItemDate();
  const first = firstActivationDay(item.earliestDate);
  const [mode, setMode] = useState<Mode>(item.activationDate === null ? 'asap' : 'date');
  const [draft, setDraft] = useState(item.activationDate ?? first);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = (activationDate: string | null) => {
    setError(null);
    setDate.mutate(
      { itemId: item.id, activationDate },
      { onError: (failure) => setError(failure.message) },
    );
  };

  const chooseMode = (next: string) => {
    setMode(next as Mode);
    setError(null);
    if (next === 'asap' && item.activationDate !== null) {
      save(null);
    }
  };

  const applyDate = () => {
    if (!isIsoDay(draft)) {
      setError(t('cart.dateMissing'));
    } else if (draft < first) {
      setError(t('cart.dateTooEarly', { date: formatDate(first) }));
    } else {
      save(draft);
    }
  };

  const changed = mode === 'date' && draft !== item.activationDate;
  return (
    <Stack gap={6}>
      <Radio.Group
        label={t('cart.activation')}
        description={
          item.earliestDate !== null
            ? t('cart.earliest', { date: formatDate(item.earliestDate) })
            : undefined
        }
        value={mode}
        onChange={chooseMode}
        name={`activation-${id}`}
      >
        <Group gap="md" mt={4}>
          <Radio value="asap" label={t('cart.asap')} />
          <Radio value="date" label={t('cart.onDate')} />
        </Group>
      </Radio.Group>
      {mode === 'date' && (
        <Group gap="sm" align="flex-start">
          <TextInput
            type="date"
            label={t('cart.date')}
            min={first}
            value={draft}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyDate();
              }
            }}
            error={error ?? undefined}
          />
          <Button
            mt={25}
            variant="default"
            onClick={applyDate}
            loading={setDate.isPending}
            disabled={!changed}
          >
            {t('cart.dateApply')}
          </Button>
        </Group>
      )}
      {mode === 'asap' && error !== null && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
