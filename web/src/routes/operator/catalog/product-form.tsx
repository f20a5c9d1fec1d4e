import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CatalogProduct, useUpdateProduct } from '../../../api/catalog.ts';
import { focusFirstInvalid } from '../../../forms/focus-first-invalid.ts';
import { type DraftErrors, type ProductDraft, draftOf, patchOf } from './product-draft.ts';
import { RulesField } from './rules-field.tsx';
import { entriesUnder, fieldMessages } from './server-errors.ts';
import { TierFields } from './tier-fields.tsx';

interface ProductFormProps {
  product: CatalogProduct;
  nameOf: (key: string) => string;
}

/** Names, prices in euro, tiers, minimum term, active flag and rules of one product. */
export function ProductForm({ product, nameOf }: ProductFormProps) {
  const { t } = useTranslation();
  const update = useUpdateProduct(product.key);
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product));
  const [errors, setErrors] = useState<DraftErrors>({});
  const server = fieldMessages(update.error);
  const errorOf = (field: string) => errors[field] ?? server[field];
  const change = (next: Partial<ProductDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    update.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = patchOf(draft, t);
    if (result.errors !== null) {
      setErrors(result.errors);
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setErrors({});
    const form = event.currentTarget;
    update.mutate(result.patch, { onError: () => focusFirstInvalid(form) });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('catalog.product.formLabel')}>
      <Stack gap="md">
        {update.isError && (
          <Alert color="red" variant="light" role="alert">
            {update.error.message}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t('catalog.product.nameDe')}
            required
            autoComplete="off"
            value={draft.nameDe}
            error={errorOf('nameDe')}
            onChange={(event) => change({ nameDe: event.currentTarget.value })}
          />
          <TextInput
            label={t('catalog.product.nameEn')}
            required
            autoComplete="off"
            value={draft.nameEn}
            error={errorOf('nameEn')}
            onChange={(event) => change({ nameEn: event.currentTarget.value })}
          />
        </Group>
        <Group grow align="flex-start">
          {draft.tiers.length === 0 ? (
            <TextInput
              label={t('catalog.product.monthly')}
              inputMode="decimal"
              autoComplete="off"
              value={draft.monthly}
              error={errorOf('monthlyCents')}
              onChange={(event) => change({ monthly: event.currentTarget.value })}
            />
          ) : (
            <div>
              <Text size="sm" fw={500}>
                {t('catalog.product.monthlyLabel')}
              </Text>
              <Text size="sm" c={errorOf('monthlyCents') ? 'red' : 'dimmed'}>
                {errorOf('monthlyCents') ?? t('catalog.product.monthlyFromTiers')}
              </Text>
            </div>
          )}
          <TextInput
            label={t('catalog.product.oneOff')}
            inputMode="decimal"
            autoComplete="off"
            value={draft.oneOff}
            error={errorOf('oneOffCents')}
            onChange={(event) => change({ oneOff: event.currentTarget.value })}
          />
        </Group>
        <TierFields tiers={draft.tiers} onChange={(tiers) => change({ tiers })} errorOf={errorOf} />
        <Group align="flex-end">
          <TextInput
            label={t('catalog.product.minimumTerm')}
            inputMode="numeric"
            autoComplete="off"
            w={220}
            value={draft.minimumTermDays}
            error={errorOf('minimumTermDays')}
            onChange={(event) => change({ minimumTermDays: event.currentTarget.value })}
          />
          <Switch
            label={t('catalog.product.active')}
            description={t('catalog.product.activeHint')}
            checked={draft.active}
            onChange={(event) => change({ active: event.currentTarget.checked })}
          />
        </Group>
        <RulesField
          saved={product.requires}
          nameOf={nameOf}
          value={draft.requires}
          onChange={(requires) => change({ requires })}
          error={errors.requires}
          serverErrors={entriesUnder(server, 'requires')}
        />
        <Group gap="sm">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          {update.isSuccess && (
            <Text role="status" c="teal.9">
              {t('catalog.product.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
