// Only active workplaces have a usable MyPortal login. The workplaces module calls this after
// every status change of a workplace (activation, deactivation, reactivation, deletion).
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { findWorkplace, revokeAccountSessions, setAccountDisabled } from './myportal.repository.ts';
import { revokeTempPasswords } from './temp-passwords.repository.ts';

/**
 * Enables the end-user account of an active workplace and disables any other one (its sessions
 * and open temporary passwords end at once). Returns whether the login is usable now.
 */
export async function syncEndUserAccess(
  tx: Executor,
  deps: { clock: Clock },
  ref: { companyId: string; workplaceId: string },
): Promise<boolean> {
  const workplace = await findWorkplace(tx, ref.companyId, ref.workplaceId);
  if (!workplace?.userId) {
    return false;
  }
  const now = deps.clock.now();
  if (workplace.status === 'active') {
    await setAccountDisabled(tx, workplace.userId, null);
    return true;
  }
  await setAccountDisabled(tx, workplace.userId, now);
  await revokeAccountSessions(tx, workplace.userId, now);
  await revokeTempPasswords(tx, workplace.userId, now);
  return false;
}
