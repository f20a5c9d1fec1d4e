// "Standard-Einstellungen" (seed 001 Hinweis): default group, the standard blocking profile and a
// free number of the plan, for a quick first workplace.
import { proposeInternalNumber } from '../../../../common/src/rules/internal-number.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import { inventory } from '../numbers/inventory-cache.ts';
import { berlinDay, availabilityOf } from '../numbers/numbers.present.ts';
import { decadeNumbers } from '../numbers/numbers.query.ts';
import { activeAssignments } from '../numbers/numbers.repository.ts';
import { defaultGroup } from '../org/org.repository.ts';
import type { WorkplaceDeps } from './issues.ts';
import { internalNumbersInUse } from './workplaces.repository.ts';

export interface FreeNumber {
  e164: string;
  extensionLength: number;
}

/**
 * The first free number of a group's blocks at their standard length, currently available
 * blocks first ("aus Ihrem kompletten Rufnummernplan … Einzelrufnummern auswählen").
 */
export async function firstFreeNumber(
  deps: WorkplaceDeps,
  companyId: string,
  groupId: string,
): Promise<FreeNumber | null> {
  const today = berlinDay(deps.clock.now());
  const blocks = (await inventory(deps.database, companyId)).blocks
    .filter((b) => b.groupId === groupId)
    .sort(
      (a, b) =>
        Number(availabilityOf(a, today) === 'future') -
        Number(availabilityOf(b, today) === 'future'),
    );
  for (const block of blocks) {
    if (block.kind === 'single') {
      const e164 = `+49${block.prefix}`;
      if ((await activeAssignments(deps.database.db, [e164])).length === 0) {
        return { e164, extensionLength: 0 };
      }
      continue;
    }
    for (const decade of block.decades) {
      const { items } = await decadeNumbers(deps, companyId, block.id, decade.digit, {
        length: 'standard',
        state: 'free',
        limit: 1,
      });
      const first = items[0];
      if (first) {
        return { e164: first.e164, extensionLength: first.extensionLength };
      }
    }
  }
  return null;
}

/** The draft data "Standard-Einstellungen" pre-fills (read outside a transaction). */
export async function standardSettings(deps: WorkplaceDeps, companyId: string): Promise<DraftData> {
  const db = deps.database.db;
  const group = await defaultGroup(db, companyId);
  if (!group) {
    return {};
  }
  const free = await firstFreeNumber(deps, companyId, group.id);
  const taken = free ? await internalNumbersInUse(db, companyId) : new Set<string>();
  return {
    group: { groupId: group.id, areaId: null, language: 'de', timeZone: group.timeZone },
    // null = the group's profile, which for the default group is the company's standard profile
    // unless the group has its own (seed 001: "wird das Standardsperrprofil … übernommen").
    profile: { blockingProfileId: null },
    ...(free
      ? {
          number: {
            mainNumber: free.e164,
            internalNumber: proposeInternalNumber(free.e164, free.extensionLength, { taken }),
            nomadic: 'allowed' as const,
            additionalNumbers: [],
          },
        }
      : {}),
    activation: { activationDate: null },
  };
}
