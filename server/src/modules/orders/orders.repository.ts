// SQL of the orders module: cart items, orders, items, step records. Company id is always given.
import type { cartItems, orderItems, orders } from '../../db/schema/index.ts';

export type CartItemRow = typeof cartItems.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
