import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCart } from '../../api/cart.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { usePageTitle } from '../../page-title.ts';
import { CART_PATH } from '../paths.ts';
import { BillingSection } from './billing-section.tsx';
import { CompanyOrdersSection } from './company-orders-section.tsx';
import { QuotasSection } from './quotas-section.tsx';

/** "Kontingente & Auftragsstatus" (Mein Unternehmen): quotas, orders, billing, and the cart. */
export function QuotasPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  const cart = useCart();
  const count = cart.data?.count ?? 0;
  usePageTitle(t('orders.title'));

  return (
    <Stack gap="xl" maw={1200}>
      <Stack gap="sm">
        <Title order={1}>{t('orders.title')}</Title>
        <CompanyPicker />
        <Text>{t('orders.intro')}</Text>
        <Anchor component={Link} to={CART_PATH} style={{ alignSelf: 'flex-start' }}>
          {t('orders.cartLink', { count })}
        </Anchor>
      </Stack>
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <Stack key={company.id} gap="xl">
          <QuotasSection companyId={company.id} />
          <CompanyOrdersSection companyId={company.id} />
          <BillingSection companyId={company.id} />
        </Stack>
      )}
    </Stack>
  );
}
