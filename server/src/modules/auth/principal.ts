import type { UserKind } from '../../db/schema/index.ts';
import type { CompanyRef } from './users.repository.ts';

/** What the rule table knows: operator, company admin, end user, or a not yet unlocked account. */
export type Role = 'operator' | 'admin' | 'portal' | 'end_user';

/** The authenticated caller of a request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  language: string;
  kind: UserKind;
  role: Role;
  companies: CompanyRef[];
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

/** A service-portal account is an admin once it administers at least one company. */
export function roleOf(kind: UserKind, companyCount: number): Role {
  switch (kind) {
    case 'operator':
      return 'operator';
    case 'end_user':
      return 'end_user';
    case 'portal':
      return companyCount > 0 ? 'admin' : 'portal';
  }
}

export function canAccessCompany(principal: Principal, companyId: string): boolean {
  return principal.role === 'operator' || principal.companies.some((c) => c.id === companyId);
}
