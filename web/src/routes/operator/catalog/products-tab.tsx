import { useState } from 'react';
import { Badge, Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type CatalogProduct,
  PRODUCT_KINDS,
  type ProductKind,
  useCatalogProducts,
} from '../../../api/catalog.ts';
import { DialogFrame } from '../../../components/dialog-frame.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatCents } from './money.ts';
import { PricePreview } from './price-preview.tsx';
import { ProductForm } from './product-form.tsx';

function groupByKind(products: CatalogProduct[]): [ProductKind, CatalogProduct[]][] {
  return PRODUCT_KINDS.map((kind): [ProductKind, CatalogProduct[]] => [
    kind,
    products.filter((product) => product.kind === kind),
  ]).filter(([, items]) => items.length > 0);
}

function TierList({ product }: { product: CatalogProduct }) {
  const { t } = useTranslation();
  if (product.tiers.length === 0) {
    return <>–</>;
  }
  return (
    <List size="sm" listStyleType="none" spacing={0}>
      {product.tiers.map((tier) => (
        <List.Item key={tier.from} style={{ whiteSpace: 'nowrap' }}>
          {t('catalog.product.tierEntry', {
            from: tier.from,
            price: formatCents(tier.monthlyCents),
          })}
        </List.Item>
      ))}
    </List>
  );
}

/** "Produkte & Preise": the products grouped by kind, each editable in a drawer. */
export function ProductsTab() {
  const { t } = useTranslation();
  const products = useCatalogProducts();
  const [editKey, setEditKey] = useState<string | null>(null);
  const items = products.data?.items ?? [];
  const editing = items.find((product) => product.key === editKey) ?? null;
  const nameOf = (key: string) => items.find((product) => product.key === key)?.name ?? key;

  return (
    <Stack gap="xl">
      <QueryState isPending={products.isPending} error={products.error} />
      {groupByKind(items).map(([kind, group]) => (
        <Stack gap="xs" key={kind}>
          <Title order={2} size="h4" id={`catalog-kind-${kind}`}>
            {t(`catalog.kinds.${kind}`)}
          </Title>
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="xs" aria-labelledby={`catalog-kind-${kind}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('catalog.product.name')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.product.monthlyLabel')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.product.oneOffLabel')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.product.tiers')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.product.minimumTermLabel')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.product.status')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.map((product) => (
                  <Table.Tr key={product.key}>
                    <Table.Th scope="row" fw={500}>
                      {product.name}
                      <Text size="xs" c="dimmed">
                        {product.key}
                      </Text>
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatCents(product.monthlyCents)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatCents(product.oneOffCents)}
                    </Table.Td>
                    <Table.Td>
                      <TierList product={product} />
                    </Table.Td>
                    <Table.Td>
                      {t('catalog.product.days', { count: product.minimumTermDays })}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={product.active ? 'teal.9' : 'gray.8'} variant="outline">
                        {product.active ? t('catalog.active') : t('catalog.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="light"
                        size="xs"
                        aria-label={t('catalog.product.editNamed', { name: product.name })}
                        onClick={() => setEditKey(product.key)}
                      >
                        {t('catalog.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
      <DialogFrame
        drawer
        opened={editing !== null}
        onClose={() => setEditKey(null)}
        title={editing === null ? '' : t('catalog.product.editTitle', { name: editing.name })}
      >
        {editing !== null && (
          <Stack gap="xl">
            <ProductForm key={editing.key} product={editing} nameOf={nameOf} />
            <PricePreview key={`preview-${editing.key}`} productKey={editing.key} />
          </Stack>
        )}
      </DialogFrame>
    </Stack>
  );
}
