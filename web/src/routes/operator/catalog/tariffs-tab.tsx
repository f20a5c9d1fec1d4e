import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type MobileTariff,
  TARIFF_SEGMENTS,
  type TariffSegment,
  useMobileTariffs,
  useReplaceMobileTariffs,
} from '../../../api/catalog.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { fieldMessages } from './server-errors.ts';

/** A tariff key from its name: "Business Mobil XL" → "business_mobil_xl". */
export function tariffKeyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

/** "Mobilfunktarife": the tariffs eligible for mobile integration; saving replaces the list. */
export function TariffsTab() {
  const tariffs = useMobileTariffs();
  return (
    <Stack gap="md">
      <QueryState isPending={tariffs.isPending} error={tariffs.error} />
      {tariffs.data !== undefined && <TariffEditor saved={tariffs.data.items} />}
    </Stack>
  );
}

function TariffEditor({ saved }: { saved: MobileTariff[] }) {
  const { t } = useTranslation();
  const replace = useReplaceMobileTariffs();
  const [items, setItems] = useState<MobileTariff[]>(saved);
  const [name, setName] = useState('');
  const [segment, setSegment] = useState<TariffSegment>('business');
  const [addError, setAddError] = useState<string | null>(null);
  const server = fieldMessages(replace.error);
  const dirty = JSON.stringify(items) !== JSON.stringify(saved);
  const segmentOptions = TARIFF_SEGMENTS.map((value) => ({
    value,
    label: t(`catalog.tariff.segments.${value}`),
  }));

  const changeItems = (next: MobileTariff[]) => {
    setItems(next);
    replace.reset();
  };

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const key = tariffKeyOf(trimmed);
    if (key.length < 2) {
      setAddError(t('catalog.errors.tariffName'));
      return;
    }
    if (items.some((item) => item.key === key || item.name === trimmed)) {
      setAddError(t('catalog.errors.tariffExists'));
      return;
    }
    setAddError(null);
    changeItems([...items, { key, name: trimmed, segment }]);
    setName('');
  };

  return (
    <Stack gap="lg">
      <Text>{t('catalog.tariff.intro')}</Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Caption>{t('catalog.tariff.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalog.tariff.name')}</Table.Th>
              <Table.Th scope="col">{t('catalog.tariff.key')}</Table.Th>
              <Table.Th scope="col">{t('catalog.tariff.segment')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => (
              <Table.Tr key={item.key}>
                <Table.Td>
                  <TextInput
                    aria-label={t('catalog.tariff.nameOf', { key: item.key })}
                    autoComplete="off"
                    maxLength={100}
                    value={item.name}
                    error={server[`items.${index}.name`] ?? server[`items.${index}.key`]}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      changeItems(items.map((x, i) => (i === index ? { ...x, name: value } : x)));
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {item.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('catalog.tariff.segmentOf', { name: item.name })}
                    data={segmentOptions}
                    value={item.segment}
                    onChange={(event) => {
                      const value = event.currentTarget.value as TariffSegment;
                      changeItems(
                        items.map((x, i) => (i === index ? { ...x, segment: value } : x)),
                      );
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="default"
                    size="xs"
                    aria-label={t('catalog.tariff.removeNamed', { name: item.name })}
                    onClick={() => changeItems(items.filter((_, i) => i !== index))}
                  >
                    {t('catalog.product.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length === 0 && <Text>{t('catalog.tariff.none')}</Text>}
      <form noValidate onSubmit={onAdd} aria-label={t('catalog.tariff.add')}>
        <Group align="flex-start">
          <TextInput
            label={t('catalog.tariff.newName')}
            autoComplete="off"
            maxLength={100}
            value={name}
            error={addError ?? undefined}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('catalog.tariff.segment')}
            data={segmentOptions}
            value={segment}
            onChange={(event) => setSegment(event.currentTarget.value as TariffSegment)}
          />
          <Button type="submit" variant="light" mt={24}>
            {t('catalog.tariff.add')}
          </Button>
        </Group>
      </form>
      {replace.isError && (
        <Alert color="red" variant="light" role="alert">
          {replace.error.message}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          disabled={!dirty}
          loading={replace.isPending}
          onClick={() => replace.mutate(items, { onSuccess: (data) => setItems(data.items) })}
        >
          {t('catalog.tariff.save')}
        </Button>
        {dirty && <Text size="sm">{t('catalog.tariff.unsaved')}</Text>}
        {!dirty && replace.isSuccess && (
          <Text role="status" c="teal.9" size="sm">
            {t('catalog.tariff.saved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
