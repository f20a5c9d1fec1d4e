import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../api/orders.ts';

// Filled with shade 9 (gray 8): white text keeps 4.5:1 on striped and highlighted rows.
const COLORS: Record<OrderStatus, string> = {
  ordered: 'blue.9',
  scheduled: 'violet.9',
  running: 'orange.9',
  done: 'teal.9',
  failed: 'red.9',
  cancelled: 'gray.8',
};

/** "bestellt", "geplant", "in Ausführung", "ausgeführt", "fehlgeschlagen", "storniert". */
export function statusText(t: TFunction, status: OrderStatus): string {
  return t(`orders.statuses.${status}`, { defaultValue: status });
}

/** An item type in words; types added later show as the server names them. */
export function typeText(t: TFunction, type: string): string {
  return t(`orders.types.${type.replace('.', '_')}` as 'orders.types.workplace_activate', {
    defaultValue: type,
  });
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="filled" color={COLORS[status] ?? 'gray.8'}>
      {statusText(t, status)}
    </Badge>
  );
}
