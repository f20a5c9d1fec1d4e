import { useCallback, useSyncExternalStore } from 'react';
import { type CompanyRef, useCurrentUser } from './auth.ts';

const STORAGE_KEY = 'zentrale.company';
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let stored = readStored();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Remembers the company an admin works on (several companies: one at a time). */
export function selectCompany(companyId: string): void {
  stored = companyId;
  try {
    window.localStorage.setItem(STORAGE_KEY, companyId);
  } catch {
    // Not persisted; the choice holds for this page.
  }
  for (const listener of listeners) {
    listener();
  }
}

export interface SelectedCompany {
  /** The chosen company, or the first one when nothing (valid) was chosen; null without any. */
  company: CompanyRef | null;
  companies: readonly CompanyRef[];
  select: (companyId: string) => void;
}

export function useSelectedCompany(): SelectedCompany {
  const chosen = useSyncExternalStore(subscribe, () => stored);
  const companies = useCurrentUser()?.companies ?? [];
  const company = companies.find((entry) => entry.id === chosen) ?? companies[0] ?? null;
  const select = useCallback((companyId: string) => selectCompany(companyId), []);
  return { company, companies, select };
}
