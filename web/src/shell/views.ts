import { useCallback, useState } from 'react';
import type { SessionUser } from '../api/auth.ts';

export const VIEWS = ['admin', 'user'] as const;
export type View = (typeof VIEWS)[number];

const STORAGE_KEY = 'zentrale.view';

/**
 * The views a user may switch between. Everybody gets both for now; the role issue
 * limits end users to ['user'] here.
 */
export function allowedViewsFor(_user: SessionUser | null): readonly View[] {
  return VIEWS;
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
