import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import type { PriceLine } from '../../api/cart.ts';

interface PriceLinesProps {
  lines: readonly PriceLine[];
  oneOffCents: number;
  monthlyCents: number;
  /** Names the table for screen readers, e.g. the item's description. */
  caption: string;
}

/** The products of one item with quantity, tier unit price and the item's one-off and monthly sum. */
export function PriceLines({ lines, oneOffCents, monthlyCents, caption }: PriceLinesProps) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4} fz="sm" withRowBorders={false}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
        <Text component="span" size="sm" c="dimmed">
          {caption}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('cart.product')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('cart.quantity')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('cart.unitMonthly')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('cart.oneOff')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('cart.monthly')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, index) => (
          <Table.Tr key={`${line.productKey}-${index}`}>
            <Table.Td>
              {line.name}
              {line.tierFrom !== null && (
                <Text size="xs" c="dimmed">
                  {t('cart.tierFrom', { count: line.tierFrom })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{line.quantity}</Table.Td>
            <Table.Td ta="right">{formatEuro(line.unitMonthlyCents)}</Table.Td>
            <Table.Td ta="right">{formatEuro(line.oneOffCents)}</Table.Td>
            <Table.Td ta="right">{formatEuro(line.unitMonthlyCents * line.quantity)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={3}>
            {t('cart.itemSum')}
          </Table.Th>
          <Table.Td ta="right" fw={600}>
            {formatEuro(oneOffCents)}
          </Table.Td>
          <Table.Td ta="right" fw={600}>
            {formatEuro(monthlyCents)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
