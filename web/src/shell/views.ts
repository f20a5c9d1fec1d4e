import { useCallback, useState } from 'react';
import type { Role, SessionUser } from '../api/auth.ts';

/** operator: Betreiber-Konsole; admin/user: the two views of seed 003; onboarding: portal accounts. */
export const VIEWS = ['operator', 'admin', 'user', 'onboarding'] as const;
export type View = (typeof VIEWS)[number];

const STORAGE_KEY = 'zentrale.view';

const VIEWS_BY_ROLE: Record<Role, readonly View[]> = {
  operator: ['operator'],
  admin: ['admin', 'user'],
  end_user: ['user'],
  portal: ['onboarding'],
};

/** The views a user may use; only admins have two and so see the switch. */
export function allowedViewsFor(user: SessionUser | null): readonly View[] {
  return user === null ? [] : VIEWS_BY_ROLE[user.role];
}

function isView(value: unknown): value is View {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

function readStoredView(): View | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isView(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The chosen view, persisted in localStorage and always one of `allowed`. */
export function useStoredView(allowed: readonly View[]): [View, (view: View) => void] {
  const [stored, setStored] = useState<View | null>(readStoredView);
  const fallback = allowed[0] ?? 'user';
  const view = stored !== null && allowed.includes(stored) ? stored : fallback;

  const setView = useCallback((next: View) => {
    setStored(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);

  return [view, setView];
}
