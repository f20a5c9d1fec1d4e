// A workplace's numbers in the number plan: reserved while it is in the cart or ordered, assigned
// once active, released when it leaves. The assignment rows of the numbers module are the truth.
import type { AssignmentState } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { assignNumber, releaseNumber } from '../numbers/numbers.assign.ts';
import { activeAssignments, type AssignmentRow } from '../numbers/numbers.repository.ts';
import type { WorkplaceDeps } from './issues.ts';
import type { WorkplaceRow } from './workplaces.repository.ts';

type Numbered = Pick<
  WorkplaceRow,
  'id' | 'companyId' | 'mainNumber' | 'additionalNumbers' | 'firstName' | 'lastName' | 'username'
>;

export const numbersOfWorkplace = (w: Pick<WorkplaceRow, 'mainNumber' | 'additionalNumbers'>) => [
  w.mainNumber,
  ...w.additionalNumbers,
];

export const labelOf = (w: Numbered) => `${w.firstName} ${w.lastName} (${w.username})`.trim();

/** The active assignments that hold the given numbers for this workplace. */
export async function assignmentsOf(
  tx: Executor,
  w: Pick<WorkplaceRow, 'id'>,
  numbers: string[],
): Promise<AssignmentRow[]> {
  return (await activeAssignments(tx, numbers)).filter(
    (a) => a.targetType === 'workplace' && a.targetId === w.id,
  );
}

/** Takes the numbers for the workplace in the given state (reserved or assigned). */
export async function holdNumbers(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  w: Numbered,
  numbers: string[],
  state: AssignmentState,
): Promise<void> {
  for (const number of numbers) {
    await assignNumber(
      deps,
      actor,
      w.companyId,
      { number, target: { type: 'workplace', id: w.id, label: labelOf(w) }, state },
      tx,
    );
  }
}

/** Releases the workplace's hold on the given numbers; returns the numbers released. */
export async function releaseNumbers(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  w: Numbered,
  numbers: string[],
): Promise<string[]> {
  const held = await assignmentsOf(tx, w, numbers);
  for (const a of held) {
    await releaseNumber(deps, actor, w.companyId, a.id, tx);
  }
  return held.map((a) => a.e164);
}

/** Moves the workplace's numbers to `state` (reserved → assigned or back); returns those moved. */
export async function setNumberState(
  tx: Executor,
  deps: WorkplaceDeps,
  actor: AuditActor,
  w: Numbered,
  state: AssignmentState,
): Promise<string[]> {
  const moving = (await assignmentsOf(tx, w, numbersOfWorkplace(w))).filter(
    (a) => a.state !== state,
  );
  for (const a of moving) {
    await releaseNumber(deps, actor, w.companyId, a.id, tx);
  }
  await holdNumbers(
    tx,
    deps,
    actor,
    w,
    moving.map((a) => a.e164),
    state,
  );
  return moving.map((a) => a.e164);
}
