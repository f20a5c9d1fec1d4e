// The contract between the orders module and the modules whose things can be ordered. A module
// registers its item types at start-up (registerItemType); the cart stores items of those types,
// the execution runs their steps. Later issues (trunks, partner products) add types the same way.
import type { Config } from '../../config.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { OrderItemRow } from './orders.repository.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';

export interface OrdersDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

/** What a step sees. Everything it changes goes through `tx`: the step's record is written in it. */
export interface StepContext {
  tx: Executor;
  deps: OrdersDeps;
  item: OrderItemRow;
  companyId: string;
  /** The orderer, for audit entries of the effects. */
  actor: AuditActor;
  /** Berlin day the step runs on (YYYY-MM-DD). */
  today: string;
}

export type StepOutput = Record<string, unknown>;

/**
 * One named step of an item's workflow. `invoke` runs inside a transaction together with the
 * record that the step is done, so a crash either keeps both or neither: every effect happens
 * exactly once. `compensate` undoes a done step (reverse order) when a later step finally fails;
 * it gets what invoke returned and must do nothing when there is nothing to undo.
 */
export interface Step<P> {
  id: string;
  invoke(ctx: StepContext, payload: P): Promise<StepOutput | void>;
  compensate?(ctx: StepContext, payload: P, output: StepOutput): Promise<void>;
}

/** Hooks run inside the cart/order transactions; all optional. */
export interface ItemHooks<P> {
  /** The cart was ordered: e.g. the workplace goes from in_cart to ordered. */
  onOrdered?(ctx: StepContext, payload: P): Promise<void>;
  /**
   * The item left the cart without being ordered (removed, logout, session end) or was cancelled
   * before its execution started: give back what it reserved.
   */
  onDiscarded?(
    ctx: Omit<StepContext, 'item'> & { subjectId: string | null },
    payload: P,
    reason: 'removed' | 'expired' | 'cancelled',
  ): Promise<void>;
}

/** One item of a batch: its row and parsed payload. */
export interface BatchEntry<P> {
  item: OrderItemRow;
  payload: P;
}

/** What a batch sees: the items all belong to one order (one company, one orderer). */
export type BatchContext = Omit<StepContext, 'item'>;

/** Per item (by id) the outputs of all its steps, in step order. */
export type BatchOutputs = Map<string, { stepId: string; output: StepOutput }[]>;

export interface ItemType<P = Record<string, unknown>> extends ItemHooks<P> {
  /** e.g. 'workplace.activate'; stored on cart and order items. */
  type: string;
  /** Validates the stored payload before each use (parse, don't trust). */
  parse(payload: unknown): P;
  steps: readonly Step<P>[];
  /**
   * The execution runs all steps of an item in one transaction when it can (their effects are
   * database-side). true: always one transaction per step — for steps that act outside the
   * database (partner APIs), so a later step's failure never repeats an outside call.
   */
  stepByStep?: boolean;
  /**
   * Optional: all steps of many fresh items (no step done yet) at once, with set-based SQL, in
   * the batch's transaction. It must have exactly the effects that invoking every step of every
   * item would have, and return every step's output per item. Any throw rolls the whole batch
   * back and its items run one by one through `steps` (which then find out what failed). Without
   * it a batch still shares one transaction: the engine invokes the steps item by item.
   */
  invokeBatch?(ctx: BatchContext, entries: BatchEntry<P>[]): Promise<BatchOutputs>;
}

const registry = new Map<string, ItemType<never>>();

/** Registers an item type; a second registration of the same type replaces it (tests). */
export function registerItemType<P>(itemType: ItemType<P>): void {
  registry.set(itemType.type, itemType as unknown as ItemType<never>);
}

export function itemType(type: string): ItemType<unknown> | undefined {
  return registry.get(type);
}

/**
 * How many units of a catalogue product a company has booked (ordered or active, cart excluded);
 * the cart adds its own lines to it for the volume tier. Registered by the owning module.
 */
export type UsageCounter = (db: Executor, companyId: string) => Promise<number>;

const counters = new Map<string, UsageCounter>();

export function registerUsageCounter(productKey: string, counter: UsageCounter): void {
  counters.set(productKey, counter);
}

export function usageCounter(productKey: string): UsageCounter | undefined {
  return counters.get(productKey);
}

/** What a module hands to the cart: addToCart in orders.service.ts takes this. */
export interface NewCartItem {
  type: string;
  subjectId: string | null;
  descriptionDe: string;
  descriptionEn: string;
  /** null = "so schnell wie möglich". */
  activationDate: string | null;
  /** A cancellation's earliest day (end of the minimum term); null = none. */
  earliestDate?: string | null;
  /** The catalogue products the item books and how many; priced by the cart with the tiers. */
  lines: { productKey: string; quantity: number }[];
  payload: Record<string, unknown>;
}
