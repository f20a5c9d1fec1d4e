import { useState } from 'react';
import { Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useProductPrice } from '../../../api/catalog.ts';
import { formatCents, parseCount } from './money.ts';

/** "Preis für n Stück" from the server, at the saved catalogue prices. */
export function PricePreview({ productKey }: { productKey: string }) {
  const { t } = useTranslation();
  const [countText, setCountText] = useState('1');
  const [debounced] = useDebouncedValue(countText, 250);
  const count = parseCount(debounced);
  const price = useProductPrice(productKey, count);
  const invalid = parseCount(countText) === null;
  const data = price.data;

  return (
    <Stack gap="xs" component="section" aria-labelledby="catalog-preview-heading">
      <Title order={3} size="h5" id="catalog-preview-heading">
        {t('catalog.preview.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('catalog.preview.hint')}
      </Text>
      <TextInput
        label={t('catalog.preview.count')}
        inputMode="numeric"
        autoComplete="off"
        w={150}
        value={countText}
        error={invalid ? t('catalog.errors.count') : undefined}
        onChange={(event) => setCountText(event.currentTarget.value)}
      />
      <Text role="status" aria-live="polite">
        {price.error !== null
          ? price.error.message
          : data !== undefined && !invalid
            ? t('catalog.preview.result', {
                count: data.count,
                total: formatCents(data.totalMonthlyCents),
                unit: formatCents(data.unitMonthlyCents),
              })
            : ''}
      </Text>
      {data !== undefined && !invalid && (
        <Text size="sm" c="dimmed">
          {data.tierFrom === null
            ? t('catalog.preview.noTier', { oneOff: formatCents(data.oneOffCents) })
            : t('catalog.preview.tier', {
                from: data.tierFrom,
                oneOff: formatCents(data.oneOffCents),
              })}
        </Text>
      )}
    </Stack>
  );
}
