// The sections of the workplace wizard (seed 001 "Arbeitsplatz einrichten") and the checks behind
// "Weiter": sectionIssues applies the rules of common/src/rules/ to a section's saved data
// (schemas.ts, Draft.data in docs/contracts/workplaces-orders.md).
import { LIMITS } from '../limits.ts';
import { parseGermanNumber } from '../numbers/parse.ts';
import { internalNumberIssues } from '../rules/internal-number.ts';
import {
  activationDateIssues,
  additionalNumberIssues,
  authEmailIssues,
  deviceIssues,
  deviceMacIssues,
  directoryMobileIssues,
  isValidEmail,
  mobileIntegrationIssues,
  passwordDeliveryIssues,
  quotaIssues,
  usernameIssues,
} from '../rules/workplace.ts';
import { error, warning, type RuleIssue } from './issues.ts';
import {
  SECTIONS,
  type ActivationSection,
  type AddonsSection,
  type DevicesSection,
  type DraftData,
  type GroupSection,
  type LoginSection,
  type MobileSection,
  type NumberSection,
  type Section,
  type SectionData,
  type UserSection,
} from './schemas.ts';

export * from './schemas.ts';

/** What only the server or the UI knows; passed in by the caller. */
export interface SectionContext {
  /** Berlin day YYYY-MM-DD. */
  today: string;
  /** The workplace books MagentaEINS Business Integration (for the internal-number rules). */
  mobileIntegration?: boolean;
  /** The workplace's internal number, re-checked by the mobile section when integrating. */
  internalNumber?: string;
  /** Numbers entered for "Paralleles Klingeln" / "Remote Office" (existing workplaces). */
  parallelRingingNumbers?: number;
  remoteOfficeNumbers?: number;
  /** Checked with the activation section when given ("Auftrag hinzufügen"). */
  quota?: { configured: number; quota: number; adding?: number };
}

const blank = (value: string | null | undefined) => (value ?? '').trim() === '';

function tooLong(section: string, data: Record<string, unknown>, max: number): RuleIssue[] {
  return Object.entries(data)
    .filter(([, value]) => typeof value === 'string' && value.trim().length > max)
    .map(([key]) => error(`${section}.${key}`, 'too_long', { max }));
}

const isTimeZone = (tz: string) => tz === 'UTC' || Intl.supportedValuesOf('timeZone').includes(tz);

function groupIssues(data: GroupSection): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (data.timeZone !== undefined && !isTimeZone(data.timeZone)) {
    issues.push(error('group.timeZone', 'time_zone_invalid'));
  }
  return issues;
}

function userIssues(data: UserSection): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (blank(data.firstName)) {
    issues.push(error('user.firstName', 'first_name_required'));
  }
  if (blank(data.lastName)) {
    issues.push(error('user.lastName', 'last_name_required'));
  }
  if (!blank(data.email) && !isValidEmail(data.email ?? '')) {
    issues.push(error('user.email', 'email_invalid'));
  }
  return [...issues, ...tooLong('user', data, LIMITS.name.max)];
}

function loginIssues(data: LoginSection): RuleIssue[] {
  return [
    ...usernameIssues(data.username ?? ''),
    ...authEmailIssues(data.authEmail ?? '', data.authEmailConfirm ?? ''),
    ...passwordDeliveryIssues({
      authMobile: data.authMobile ?? null,
      withoutMobile: data.withoutMobile ?? false,
    }),
  ];
}

function numberIssues(data: NumberSection, context: SectionContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (blank(data.mainNumber)) {
    issues.push(error('number.mainNumber', 'main_number_required'));
  } else if (!parseGermanNumber(data.mainNumber ?? '').ok) {
    issues.push(error('number.mainNumber', 'main_number_invalid'));
  }
  issues.push(
    ...internalNumberIssues(data.internalNumber ?? '', {
      mobileIntegration: context.mobileIntegration ?? false,
    }),
  );
  if (data.nomadic === 'restricted') {
    issues.push(warning('number.nomadic', 'nomadic_restricted_notes'));
  }
  issues.push(...additionalNumberIssues(data.additionalNumbers ?? [], data.mainNumber));
  return issues;
}

function devicesIssues(data: DevicesSection): RuleIssue[] {
  const devices = data.devices ?? [];
  return [...deviceIssues(devices.length), ...deviceMacIssues(devices.map((d) => d.macAddress))];
}

function mobileIssues(data: MobileSection, context: SectionContext): RuleIssue[] {
  const issues = [
    ...mobileIntegrationIssues({
      mode: data.mode,
      mobileNumber: data.mobileNumber,
      parallelRingingNumbers: context.parallelRingingNumbers ?? 0,
      remoteOfficeNumbers: context.remoteOfficeNumbers ?? 0,
    }),
    ...directoryMobileIssues(data.directoryMobile),
  ];
  // The internal number was checked without integration in the number section: the integration
  // rules (no two digits, no leading 0, no 911) apply now, reported on the mode.
  if (data.mode === 'integration' && !blank(context.internalNumber)) {
    const internal = context.internalNumber ?? '';
    for (const found of internalNumberIssues(internal, { mobileIntegration: true })) {
      if (found.rule.endsWith('_integration')) {
        issues.push({
          ...found,
          field: 'mobile.mode',
          params: { ...found.params, internalNumber: internal },
        });
      }
    }
  }
  return issues;
}

function addonsIssues(data: AddonsSection): RuleIssue[] {
  // The dependency rules (Assistenz, Call Analytics, Gruppenfunktion, …) need the company's
  // facts: the server evaluates them with rules/addons.ts. Here only the list itself.
  const seen = new Set<string>();
  const issues: RuleIssue[] = [];
  (data.addons ?? []).forEach((key, index) => {
    if (seen.has(key)) {
      issues.push(error(`addons.addons.${index}`, 'addon_duplicate', { product: key }));
    }
    seen.add(key);
  });
  return issues;
}

function activationIssues(data: ActivationSection, context: SectionContext): RuleIssue[] {
  return [
    ...activationDateIssues(data.activationDate, context.today),
    ...(context.quota ? quotaIssues(context.quota) : []),
  ];
}

/** The issues "Weiter" reports for one section (errors block, warnings are shown). */
export function sectionIssues<S extends Section>(
  section: S,
  data: SectionData[S] | undefined,
  context: SectionContext,
): RuleIssue[] {
  const d = (data ?? {}) as never;
  switch (section) {
    case 'group':
      return groupIssues(d);
    case 'user':
      return userIssues(d);
    case 'login':
      return loginIssues(d);
    case 'number':
      return numberIssues(d, context);
    case 'profile':
      return [];
    case 'devices':
      return devicesIssues(d);
    case 'mobile':
      return mobileIssues(d, context);
    case 'addons':
      return addonsIssues(d);
    case 'activation':
      return activationIssues(d, context);
    default:
      return [];
  }
}

/**
 * All sections of a draft ("Auftrag hinzufügen"). Mobile integration and the internal number
 * are taken from the draft itself unless the context says otherwise.
 */
export function draftIssues(data: DraftData, context: SectionContext): RuleIssue[] {
  const full: SectionContext = {
    ...context,
    mobileIntegration: context.mobileIntegration ?? data.mobile?.mode === 'integration',
    internalNumber: context.internalNumber ?? data.number?.internalNumber,
  };
  // The number section already applies the integration rules; don't repeat them on the mode.
  const mobileContext: SectionContext = { ...full };
  delete mobileContext.internalNumber;
  return SECTIONS.flatMap((section) =>
    section === 'mobile'
      ? sectionIssues('mobile', data.mobile, mobileContext)
      : sectionIssues(section, data[section] as never, full),
  );
}
