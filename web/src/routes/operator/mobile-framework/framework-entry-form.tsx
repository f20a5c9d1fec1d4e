import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TARIFF_SEGMENTS, useMobileTariffs } from '../../../api/catalog.ts';
import { type FrameworkEntry, useAddFrameworkEntry } from '../../../api/mobile-framework.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { fieldMessages } from '../catalog/server-errors.ts';

/** Adds a number or range prefix with its tariff; the server reads the notation and decides. */
export function FrameworkEntryForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const tariffs = useMobileTariffs();
  const add = useAddFrameworkEntry(companyId);
  const [prefix, setPrefix] = useState('');
  const [tariffKey, setTariffKey] = useState('');
  const [missing, setMissing] = useState<{ prefix?: boolean; tariffKey?: boolean }>({});
  const [added, setAdded] = useState<FrameworkEntry | null>(null);
  const server = fieldMessages(add.error);
  const fieldLevel = server.prefix !== undefined || server.tariffKey !== undefined;

  const options = [
    { value: '', label: t('mobileFramework.chooseTariff') },
    ...TARIFF_SEGMENTS.map((segment) => ({
      group: t(`catalog.tariff.segments.${segment}`),
      items: (tariffs.data?.items ?? [])
        .filter((tariff) => tariff.segment === segment)
        .map((tariff) => ({ value: tariff.key, label: tariff.name })),
    })).filter((group) => group.items.length > 0),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { prefix: prefix.trim() === '', tariffKey: tariffKey === '' };
    setMissing(next);
    setAdded(null);
    if (next.prefix || next.tariffKey) {
      return;
    }
    add.mutate(
      { prefix, tariffKey },
      {
        onSuccess: (entry) => {
          setAdded(entry);
          setPrefix('');
        },
      },
    );
  };

  const change = (apply: () => void) => {
    apply();
    setAdded(null);
    if (add.isError) {
      add.reset();
    }
  };

  if (tariffs.data === undefined) {
    return <QueryState isPending={tariffs.isPending} error={tariffs.error} />;
  }
  if (tariffs.data.items.length === 0) {
    return <Text>{t('mobileFramework.noTariffs')}</Text>;
  }
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="mobile-framework-add-heading">
      <Stack gap="sm">
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('mobileFramework.prefixField')}
            description={t('mobileFramework.prefixHint')}
            required
            autoComplete="off"
            inputMode="tel"
            maxLength={40}
            w={320}
            value={prefix}
            error={missing.prefix ? t('form.required') : server.prefix}
            onChange={(event) => {
              const value = event.currentTarget.value;
              change(() => setPrefix(value));
            }}
          />
          <NativeSelect
            label={t('mobileFramework.tariff')}
            description={t('mobileFramework.tariffHint')}
            required
            w={280}
            data={options}
            value={tariffKey}
            error={missing.tariffKey ? t('form.required') : server.tariffKey}
            onChange={(event) => {
              const value = event.currentTarget.value;
              change(() => setTariffKey(value));
            }}
          />
        </Group>
        {add.isError && !fieldLevel && (
          <Alert color="red" variant="light" role="alert">
            {add.error.message}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={add.isPending}>
            {t('mobileFramework.add')}
          </Button>
          {added !== null && (
            <Text role="status" c="teal.9" size="sm">
              {t('mobileFramework.added', { prefix: added.display, tariff: added.tariffName })}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
