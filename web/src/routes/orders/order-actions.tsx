import { useTranslation } from 'react-i18next';
import { type Order, type OrderItem, useCancelOrder } from '../../api/orders.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';

/** Cancel a whole order (its items that have not started) or one item. */
export interface OrderAction {
  kind: 'cancel';
  order: Order;
  item?: OrderItem;
}

interface OrderActionsProps {
  action: OrderAction | null;
  onClose: () => void;
  onMessage: (text: string) => void;
}

/** The confirmation dialog of a cancellation ("stornieren") and the request behind it. */
export function OrderActions({ action, onClose, onMessage }: OrderActionsProps) {
  const { t } = useTranslation();
  const cancel = useCancelOrder();
  const order = action?.order;
  const item = action?.item;

  const close = () => {
    cancel.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      opened={action !== null}
      title={item !== undefined ? t('orders.cancel.itemTitle') : t('orders.cancel.orderTitle')}
      confirmLabel={item !== undefined ? t('orders.cancel.item') : t('orders.cancel.order')}
      pending={cancel.isPending}
      error={cancel.error?.message ?? null}
      danger
      onClose={close}
      onConfirm={() => {
        if (order === undefined) {
          return;
        }
        cancel.mutate(
          { companyId: order.companyId, orderId: order.id, itemId: item?.id },
          {
            onSuccess: () => {
              onMessage(
                item !== undefined
                  ? t('orders.cancel.itemDone', { item: item.description, number: order.number })
                  : t('orders.cancel.orderDone', { number: order.number }),
              );
              close();
            },
          },
        );
      }}
    >
      {item !== undefined
        ? t('orders.cancel.itemText', { item: item.description, number: order?.number ?? '' })
        : t('orders.cancel.orderText', { number: order?.number ?? '' })}
    </ConfirmDialog>
  );
}
