import { Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_STATUSES,
  PARTNER_PRODUCTS,
  PRODUCTS,
  type PartnerProduct,
} from '../../api/companies.ts';
import type { ContractDraft, ContractErrors } from './contract-draft.ts';

interface ContractFieldsProps {
  value: ContractDraft;
  onChange: (next: ContractDraft) => void;
  errors: ContractErrors;
  /** Prefix for element ids, so two forms on one page do not clash. */
  idPrefix: string;
}

function count(value: string | number): number | '' {
  return typeof value === 'number' ? value : '';
}

/** The contract part of the create and edit forms. */
export function ContractFields({ value, onChange, errors, idPrefix }: ContractFieldsProps) {
  const { t } = useTranslation();
  const patch = (changes: Partial<ContractDraft>) => onChange({ ...value, ...changes });
  const setLicence = (product: PartnerProduct, next: number | '') =>
    patch({ partnerLicences: { ...value.partnerLicences, [product]: next } });
  const partners = PARTNER_PRODUCTS.filter((product) => value.products.includes(product));

  return (
    <Stack gap="md">
      <Group align="flex-start" gap="xl">
        <Radio.Group
          label={t('contract.status')}
          value={value.status}
          onChange={(next) => patch({ status: next })}
          error={errors.status}
          name={`${idPrefix}-status`}
          required
        >
          <Group gap="md" mt={6}>
            {CONTRACT_STATUSES.map((status) => (
              <Radio key={status} value={status} label={t(`contract.statuses.${status}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          id={`${idPrefix}-start-date`}
          type="date"
          label={t('contract.startDate')}
          required
          value={value.startDate}
          error={errors.startDate}
          onChange={(event) => patch({ startDate: event.currentTarget.value })}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          id={`${idPrefix}-street`}
          label={t('contract.street')}
          autoComplete="off"
          required
          value={value.street}
          error={errors.street}
          onChange={(event) => patch({ street: event.currentTarget.value })}
        />
        <Group grow align="flex-start" gap="sm">
          <TextInput
            id={`${idPrefix}-postal-code`}
            label={t('contract.postalCode')}
            inputMode="numeric"
            autoComplete="off"
            required
            maxLength={5}
            value={value.postalCode}
            error={errors.postalCode}
            onChange={(event) => patch({ postalCode: event.currentTarget.value })}
          />
          <TextInput
            id={`${idPrefix}-city`}
            label={t('contract.city')}
            autoComplete="off"
            required
            value={value.city}
            error={errors.city}
            onChange={(event) => patch({ city: event.currentTarget.value })}
          />
        </Group>
        <TextInput
          id={`${idPrefix}-country`}
          label={t('contract.country')}
          value={t('contract.countries.DE')}
          readOnly
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('contract.products')}
        value={value.products}
        onChange={(next) => patch({ products: next })}
        error={errors.products}
        required
      >
        <Group gap="lg" mt={6}>
          {PRODUCTS.map((product) => (
            <Checkbox key={product} value={product} label={t(`products.${product}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NumberInput
          id={`${idPrefix}-quota`}
          label={t('contract.workplaceQuota')}
          required
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={value.workplaceQuota}
          error={errors.workplaceQuota}
          onChange={(next) => patch({ workplaceQuota: count(next) })}
        />
        <NumberInput
          id={`${idPrefix}-parallel-calls`}
          label={t('contract.parallelCalls')}
          required
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={value.parallelCalls}
          error={errors.parallelCalls}
          onChange={(next) => patch({ parallelCalls: count(next) })}
        />
        {partners.map((product) => (
          <NumberInput
            key={product}
            id={`${idPrefix}-licences-${product}`}
            label={t(`contract.licences.${product}`)}
            required
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={value.partnerLicences[product]}
            error={errors[`partnerLicences.${product}`]}
            onChange={(next) => setLicence(product, count(next))}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
