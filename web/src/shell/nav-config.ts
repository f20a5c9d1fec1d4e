import type { ParseKeys } from 'i18next';
import type { View } from './views.ts';

export interface NavItem {
  /** i18n key of the link text. */
  label: ParseKeys;
  path: string;
}

/** The navbar per view; the first entry of a view is where switching to it lands. */
export const NAV_ITEMS: Record<View, readonly NavItem[]> = {
  admin: [
    { label: 'nav.overview', path: '/' },
    { label: 'nav.company', path: '/unternehmen' },
  ],
  user: [{ label: 'nav.workplace', path: '/arbeitsplatz' }],
};

/** The view whose navbar contains `pathname`, if any. */
export function viewOfPath(pathname: string): View | null {
  for (const [view, items] of Object.entries(NAV_ITEMS) as [View, readonly NavItem[]][]) {
    if (items.some((item) => item.path === pathname)) {
      return view;
    }
  }
  return null;
}

export function homeOfView(view: View): string {
  return NAV_ITEMS[view][0]?.path ?? '/';
}
