import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../../page-title.ts';
import { DevicesTab } from './devices-tab.tsx';
import { ProductsTab } from './products-tab.tsx';
import { TariffsTab } from './tariffs-tab.tsx';

const TABS = ['produkte', 'endgeraete', 'mobilfunktarife'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** Betreiber-Konsole "Katalog": products and prices, devices and mobile tariffs as data. */
export function CatalogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'produkte';
  usePageTitle(t('catalog.title'));

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1}>{t('catalog.title')}</Title>
        <Text c="dimmed">{t('catalog.intro')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(next) => setParams(next === 'produkte' ? {} : { tab: next ?? '' })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`catalog.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="produkte" pt="md">
          <ProductsTab />
        </Tabs.Panel>
        <Tabs.Panel value="endgeraete" pt="md">
          <DevicesTab />
        </Tabs.Panel>
        <Tabs.Panel value="mobilfunktarife" pt="md">
          <TariffsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
