import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../api/auth.ts';
import { useCart } from '../api/cart.ts';
import { CART_PATH } from '../routes/paths.ts';

/**
 * "Warenkorb" in the header (seed 003: the cart is reached "über Warenkorb"), shown once the
 * session cart holds an item, with the number of items.
 */
export function CartButton({ user }: { user: SessionUser | null }) {
  const { t } = useTranslation();
  const mayOrder = user !== null && (user.role === 'admin' || user.role === 'operator');
  const cart = useCart(mayOrder);
  const count = cart.data?.count ?? 0;
  if (!mayOrder || count === 0) {
    return null;
  }
  return (
    <Button
      component={Link}
      to={CART_PATH}
      variant="default"
      size="sm"
      rightSection={
        <Badge component="span" variant="filled" color="blue.9" circle aria-hidden>
          {count}
        </Badge>
      }
    >
      {t('cart.button')} <VisuallyHidden>{t('cart.buttonCount', { count })}</VisuallyHidden>
    </Button>
  );
}
