import { Alert, Checkbox, Fieldset, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CatalogProduct, useProducts } from '../../../api/workplaces.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { formatEuro } from '../../../../../common/src/rules/pricing.ts';
import type { SectionProps } from '../section-props.ts';

/** The add-ons chosen with a checkbox, in the order of seed 001. */
export const CHECKBOX_ADDONS = [
  'assistant',
  'group_function',
  'switchboard',
  'call_analytics',
] as const;
const CONFERENCE_ADDON = 'conference';
const OWN_STEP_ADDON = 'cti_tapi';

/** The conference choices: the add-on and the packages; they exclude each other. */
export function conferenceKeys(products: readonly CatalogProduct[] | undefined): string[] {
  const packages = (products ?? [])
    .filter((product) => product.kind === 'conference_package')
    .map((product) => product.key);
  return [CONFERENCE_ADDON, ...packages];
}

/** "Zusatz-Paket Konferenz (4,00 € monatlich)". */
export function useProductLabel() {
  const { t } = useTranslation();
  const products = useProducts();
  return (key: string) => {
    const product = products.data?.items.find((entry) => entry.key === key);
    return product === undefined
      ? key
      : t('workplaces.withPrice', { name: product.name, price: formatEuro(product.monthlyCents) });
  };
}

/** Konferenz and Zusatz-Pakete, with prices; the dependency rules answer on "Weiter". */
export function AddonsSection({ value, onChange, field }: SectionProps<'addons'>) {
  const { t } = useTranslation();
  const products = useProducts();
  const labelOf = useProductLabel();
  const chosen = value.addons ?? [];
  const conference = conferenceKeys(products.data?.items);
  const chosenConference = chosen.find((key) => conference.includes(key)) ?? '';
  const list = field('addons');

  const toggle = (key: string, on: boolean) =>
    onChange({ addons: on ? [...chosen, key] : chosen.filter((entry) => entry !== key) });
  const setConference = (key: string) =>
    onChange({
      addons: [...chosen.filter((entry) => !conference.includes(entry)), ...(key ? [key] : [])],
    });

  return (
    <Stack gap="md">
      <Text size="sm">{t('workplaces.addons.intro')}</Text>
      <QueryState isPending={products.isPending} error={products.error} />
      {list.error !== undefined && (
        <Alert color="red" variant="light" role="alert">
          {list.error}
        </Alert>
      )}
      <Radio.Group
        label={t('workplaces.addons.conference')}
        description={t('workplaces.addons.conferenceHint')}
        value={chosenConference}
        onChange={setConference}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="" label={t('workplaces.addons.noConference')} />
          {conference.map((key) => (
            <Radio key={key} value={key} label={labelOf(key)} />
          ))}
        </Stack>
      </Radio.Group>
      <Fieldset legend={t('workplaces.addons.packages')} variant="unstyled">
        <Stack gap="sm">
          {CHECKBOX_ADDONS.map((key) => (
            <Checkbox
              key={key}
              label={labelOf(key)}
              description={t(`workplaces.addons.descriptions.${key}`)}
              checked={chosen.includes(key)}
              error={
                chosen.includes(key) ? field(`addons.${chosen.indexOf(key)}`).error : undefined
              }
              onChange={(event) => toggle(key, event.currentTarget.checked)}
            />
          ))}
          <Checkbox
            label={labelOf(OWN_STEP_ADDON)}
            description={t('workplaces.addons.ctiOwnStep')}
            checked={false}
            disabled
            onChange={() => undefined}
          />
        </Stack>
      </Fieldset>
      <Alert color="blue" variant="light" title={t('workplaces.note')}>
        <Stack gap={4}>
          <Text size="sm">{t('workplaces.addons.termNote')}</Text>
          <Text size="sm">{t('workplaces.addons.switchboardNote')}</Text>
        </Stack>
      </Alert>
    </Stack>
  );
}
