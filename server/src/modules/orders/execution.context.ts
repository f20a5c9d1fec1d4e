// What the execution works with: the item as loaded for a run, the context its steps get, and
// the errors it tells apart.
import type { Executor } from '../../db/client.ts';
import { SYSTEM_ACTOR, type AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import { itemType, type ItemType, type OrdersDeps, type StepContext } from './item-types.ts';
import {
  findItemToRun,
  ordererOf,
  stepRecordsOfItem,
  type StepRecord,
} from './execution.repository.ts';
import type { OrderItemRow } from './orders.repository.ts';
import { berlinDay } from './orders.rules.ts';

/** A step threw: carries which one, for the readable reason. */
export class StepError extends Error {
  readonly stepId: string;
  readonly original: unknown;
  constructor(stepId: string, original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'StepError';
    this.stepId = stepId;
    this.original = original;
  }
}

/** Another run recorded a step first (a lost lease): roll back, the effects are already there. */
export class DuplicateRunError extends Error {
  constructor() {
    super('another run of this item recorded the step first');
    this.name = 'DuplicateRunError';
  }
}

/** An item as the execution sees it: the row, its step records and who ordered it. */
export interface RunnableItem {
  item: OrderItemRow;
  steps: StepRecord[];
  actor: AuditActor;
}

export type Loaded =
  | { kind: 'ok'; run: RunnableItem; type: ItemType<unknown>; payload: unknown }
  /** The type is not registered or the payload does not parse: the item fails for good. */
  | { kind: 'broken'; run: RunnableItem; reason: string };

// The orderer of an order never changes; remembering it spares a query per item.
const orderers = new Map<string, AuditActor>();

export async function actorOf(tx: Executor, orderId: string): Promise<AuditActor> {
  const known = orderers.get(orderId);
  if (known) {
    return known;
  }
  const who = await ordererOf(tx, orderId);
  const actor = who
    ? {
        userId: who.userId,
        username: who.username,
        role: who.kind === 'operator' ? 'operator' : 'admin',
      }
    : SYSTEM_ACTOR;
  if (orderers.size >= 1000) {
    orderers.clear();
  }
  orderers.set(orderId, actor);
  return actor;
}

export function contextOf(tx: Executor, deps: OrdersDeps, run: RunnableItem): StepContext {
  return {
    tx,
    deps,
    item: run.item,
    companyId: run.item.companyId,
    actor: run.actor,
    today: berlinDay(deps.clock.now()),
  };
}

/**
 * The item, locked until the transaction ends (on PGlite, whose one connection runs transactions
 * one after the other, the lock is not needed), with its step records (there are none before the
 * first attempt).
 */
export async function runnable(
  deps: OrdersDeps,
  tx: Executor,
  itemId: string,
): Promise<RunnableItem> {
  const item = await findItemToRun(tx, itemId, deps.database.kind !== 'pglite');
  if (!item) {
    throw new PermanentJobError(`order item ${itemId} does not exist`);
  }
  const steps = item.attempts > 0 ? await stepRecordsOfItem(tx, itemId) : [];
  return { item, steps, actor: await actorOf(tx, item.orderId) };
}

/** The German text of an error, with the step it happened in. */
export function readableReason(err: unknown): string {
  const original = err instanceof StepError ? err.original : err;
  const text =
    original instanceof AppError
      ? translate('de', original.messageKey, original.params)
      : original instanceof Error
        ? original.message || original.name
        : String(original);
  const reason = text.slice(0, 1000);
  return err instanceof StepError
    ? translate('de', 'order_step_failed', { step: err.stepId, reason })
    : reason;
}

export const isPermanent = (err: unknown) =>
  err instanceof PermanentJobError ||
  (err instanceof StepError && err.original instanceof PermanentJobError);

/** Loads and locks the item; a missing type or an unreadable payload makes it 'broken'. */
export async function load(deps: OrdersDeps, tx: Executor, itemId: string): Promise<Loaded> {
  const run = await runnable(deps, tx, itemId);
  const type = itemType(run.item.type);
  if (!type) {
    return {
      kind: 'broken',
      run,
      reason: translate('de', 'order_item_type_unknown', { type: run.item.type }),
    };
  }
  try {
    return { kind: 'ok', run, type, payload: type.parse(run.item.payload) };
  } catch (err) {
    return { kind: 'broken', run, reason: readableReason(err) };
  }
}

export const doneSteps = (run: RunnableItem) =>
  new Set(run.steps.filter((s) => s.status === 'done').map((s) => s.stepId));
