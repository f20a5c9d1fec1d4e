import type { ParseKeys } from 'i18next';
import type { Role } from '../api/auth.ts';
import type { View } from './views.ts';

export interface NavItem {
  /** i18n key of the link text. */
  label: ParseKeys;
  path: string;
}

/** The navbar per view; the first entry of a view is where switching to it lands. */
export const NAV_ITEMS: Record<View, readonly NavItem[]> = {
  operator: [
    { label: 'nav.companies', path: '/betreiber/unternehmen' },
    { label: 'orders.nav.operator', path: '/betreiber/auftraege' },
    { label: 'nav.outbox', path: '/betreiber/postausgang' },
    { label: 'nav.catalog', path: '/betreiber/katalog' },
    { label: 'nav.provider', path: '/betreiber/anbieter' },
  ],
  admin: [
    { label: 'nav.overview', path: '/' },
    { label: 'nav.company', path: '/unternehmen' },
    { label: 'nav.numbers', path: '/unternehmen/rufnummern' },
    { label: 'nav.groups', path: '/unternehmen/gruppen' },
    { label: 'nav.blockingProfiles', path: '/unternehmen/sperrprofile' },
    { label: 'workplaces.nav', path: '/unternehmen/arbeitsplaetze' },
    { label: 'import.nav', path: '/unternehmen/arbeitsplaetze/listenimport' },
    { label: 'orders.nav.admin', path: '/unternehmen/auftraege' },
    { label: 'nav.auditLog', path: '/unternehmen/protokoll' },
  ],
  user: [
    { label: 'myportal.nav.overview', path: '/arbeitsplatz' },
    { label: 'myportal.nav.devices', path: '/arbeitsplatz/endgeraete' },
    { label: 'myportal.nav.downloads', path: '/arbeitsplatz/downloads' },
  ],
  onboarding: [{ label: 'nav.unlock', path: '/freischalten' }],
};

/** Shown below the view's links for every signed-in user. */
export const PROFILE_ITEM: NavItem = { label: 'nav.profile', path: '/profil' };

const HOME_BY_ROLE: Record<Role, string> = {
  operator: '/betreiber/unternehmen',
  admin: '/',
  portal: '/freischalten',
  end_user: '/arbeitsplatz',
};

/** Where a user lands after signing in (and when a page is not for their role). */
export function homeOfRole(role: Role): string {
  return HOME_BY_ROLE[role];
}

function covers(itemPath: string, pathname: string): boolean {
  return itemPath === '/'
    ? pathname === '/'
    : pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}

/** The navbar entry a page belongs to: the longest path that covers it (detail pages included). */
export function navItemOfPath(items: readonly NavItem[], pathname: string): NavItem | null {
  let best: NavItem | null = null;
  for (const item of items) {
    if (covers(item.path, pathname) && (best === null || item.path.length > best.path.length)) {
      best = item;
    }
  }
  return best;
}

/** The view whose navbar contains `pathname`, if any. */
export function viewOfPath(pathname: string): View | null {
  for (const [view, items] of Object.entries(NAV_ITEMS) as [View, readonly NavItem[]][]) {
    if (navItemOfPath(items, pathname) !== null) {
      return view;
    }
  }
  return null;
}

export function homeOfView(view: View): string {
  return NAV_ITEMS[view][0]?.path ?? '/';
}
