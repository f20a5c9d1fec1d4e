import type { Role } from '../modules/auth/principal.ts';

/**
 * Who may do what: the one rule table. A route names its permission in `config.auth`; company
 * routes (/companies/{companyId}/…) are additionally limited to the caller's companies.
 */
export const PERMISSIONS = {
  /** Own account: profile, API tokens, sessions, logout. */
  self: ['operator', 'admin', 'portal', 'end_user'],
  /** Unlocking a company with a one-time code (seed 003). */
  onboarding: ['portal', 'admin'],
  'company.list': ['operator', 'admin'],
  'company.create': ['operator'],
  'company.read': ['operator', 'admin'],
  'company.update': ['operator'],
  'contract.update': ['operator'],
  'letter.issue': ['operator'],
  'document.read': ['operator'],
  'audit.read': ['operator', 'admin'],
  'admins.read': ['operator', 'admin'],
  'admins.manage': ['operator', 'admin'],
  'outbox.read': ['operator'],
  /** Groups/locations, areas, call information and blocking profiles (seed 001, 003). */
  'org.read': ['operator', 'admin'],
  'org.manage': ['operator', 'admin'],
  /** The number plan: admins see and use it; operators hand numbers out (seed 001, 004). */
  'numbers.read': ['operator', 'admin'],
  'numbers.manage': ['operator'],
  'numbers.configure': ['operator', 'admin'],
  'numbers.assign': ['operator', 'admin'],
  /** The product and device catalogue: installation-wide data that operators maintain (issue 5). */
  'catalog.read': ['operator', 'admin'],
  'catalog.manage': ['operator'],
  /** The company's mobile framework contract (seed 001 "Rahmenvertrag"): operators keep it. */
  'mobile_framework.read': ['operator', 'admin'],
  'mobile_framework.manage': ['operator'],
  /** Cloud PBX workplaces, their drafts and templates (seed 001). */
  'workplaces.read': ['operator', 'admin'],
  'workplaces.manage': ['operator', 'admin'],
  /** The session-bound cart and placing orders (seed 003 "Warenkorb bestellen"). */
  'cart.use': ['operator', 'admin'],
  /** Orders and quotas ("Kontingente & Auftragsstatus"); cancelling before execution starts. */
  'orders.read': ['operator', 'admin'],
  'orders.cancel': ['operator', 'admin'],
  /** Operators look into failed orders and retry them (all companies). */
  'orders.operate': ['operator'],
  /** The billing ledger and its monthly CSV export. */
  'billing.read': ['operator', 'admin'],
  /** MyPortal: the own workplace, its devices' login data, Hilfe & Downloads (seed 003). */
  myportal: ['end_user', 'admin'],
  'provider.read': ['operator'],
  'provider.update': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
/** 'public' routes need no login (login, register, meta, health). */
export type Access = 'public' | Permission;

export function isAllowed(permission: Permission, role: Role): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
