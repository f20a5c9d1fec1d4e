import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type SectionContext, sectionIssues } from '../../../../common/src/workplaces/sections.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import { ApiError } from '../../api/client.ts';
import {
  type Draft,
  type DraftData,
  type Notice,
  SECTIONS,
  type Section,
  type SectionData,
  saveSection,
  workplacesKey,
} from '../../api/workplaces.ts';
import { berlinToday, type FieldMessages, serverSectionErrors } from './workplace-labels.ts';

/** Typing is saved to the server draft this long after the last keystroke (and on leaving a field). */
const SAVE_DELAY_MS = 500;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** What "Weiter" answered: ok, refused with field errors, or failed for another reason. */
export type NextResult = { ok: true } | { ok: false; message: string | null };

/** The rules' context the browser knows: today's Berlin day and the workplace's own choices. */
export function contextOf(data: DraftData): SectionContext {
  return {
    today: berlinToday(),
    mobileIntegration: data.mobile?.mode === 'integration',
    internalNumber: data.number?.internalNumber ?? '',
  };
}

/** The shared rules of one section, run on what is typed now (the server runs the same). */
export function liveIssues(section: Section, data: DraftData): RuleIssue[] {
  return sectionIssues(section, data[section] as never, contextOf(data));
}

export function nextSection(section: Section): Section | null {
  return SECTIONS[SECTIONS.indexOf(section) + 1] ?? null;
}

/**
 * The wizard's state: a local copy of the draft that every change updates at once and saves to
 * the server shortly after (so nothing is lost on an error, a reload or a logout), the sections
 * that passed "Weiter", the open accordion items and the messages per section.
 */
export function useWizard(companyId: string, draft: Draft) {
  const queryClient = useQueryClient();
  const [data, setData] = useState<DraftData>(draft.data);
  const dataRef = useRef<DraftData>(draft.data);
  const [completed, setCompleted] = useState<Section[]>(draft.completed);
  const firstOpen = SECTIONS.find((section) => !draft.completed.includes(section)) ?? 'activation';
  const [open, setOpen] = useState<Section[]>([firstOpen]);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Section, FieldMessages>>>({});
  const [warnings, setWarnings] = useState<Partial<Record<Section, Notice[]>>>({});
  const [touched, setTouched] = useState<Partial<Record<Section, string[]>>>({});
  const [attempted, setAttempted] = useState<Section[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [version, setVersion] = useState(draft.updatedAt);
  const timers = useRef(new Map<Section, number>());
  const dirty = useRef(new Set<Section>());
  // Saves run one after the other so an older state never overwrites a newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // "Entwurf gespeichert" only once nothing waits any more (another section may still be typed in).
  const settled = useCallback(
    () => setSaveState(dirty.current.size === 0 && timers.current.size === 0 ? 'saved' : 'pending'),
    [],
  );

  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(work, work);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const accept = useCallback(
    (saved: Draft) => {
      setCompleted(saved.completed);
      setVersion(saved.updatedAt);
      queryClient.setQueryData([...workplacesKey(companyId), 'draft', saved.id], {
        ...saved,
        data: dataRef.current,
      });
    },
    [companyId, queryClient],
  );

  const saveNow = useCallback(
    (section: Section): Promise<void> => {
      const timer = timers.current.get(section);
      if (timer !== undefined) {
        window.clearTimeout(timer);
        timers.current.delete(section);
      }
      if (!dirty.current.has(section)) {
        return queue.current.then(() => undefined);
      }
      dirty.current.delete(section);
      setSaveState('saving');
      return enqueue(async () => {
        try {
          const answer = await saveSection(
            companyId,
            draft.id,
            section,
            dataRef.current[section] ?? {},
            false,
          );
          accept(answer.draft);
          settled();
        } catch {
          dirty.current.add(section);
          setSaveState('failed');
        }
      });
    },
    [accept, companyId, draft.id, enqueue, settled],
  );

  const saveAll = useCallback(
    () => Promise.all(SECTIONS.map((section) => saveNow(section))).then(() => undefined),
    [saveNow],
  );

  const update = useCallback(
    <S extends Section>(section: S, patch: Partial<SectionData[S]>) => {
      const next: DraftData = {
        ...dataRef.current,
        [section]: { ...(dataRef.current[section] ?? {}), ...patch },
      };
      dataRef.current = next;
      setData(next);
      setServerErrors((current) => {
        const own: FieldMessages = { ...(current[section] ?? {}) };
        for (const key of Object.keys(own)) {
          if (Object.keys(patch).some((field) => key === field || key.startsWith(`${field}.`))) {
            delete own[key];
          }
        }
        return { ...current, [section]: own };
      });
      dirty.current.add(section);
      setSaveState('pending');
      const timer = timers.current.get(section);
      if (timer !== undefined) {
        window.clearTimeout(timer);
      }
      timers.current.set(
        section,
        window.setTimeout(() => void saveNow(section), SAVE_DELAY_MS),
      );
    },
    [saveNow],
  );

  /** Leaving a field shows its live messages and saves at once. */
  const touch = useCallback(
    (section: Section, field: string) => {
      setTouched((current) => {
        const own = current[section] ?? [];
        return own.includes(field) ? current : { ...current, [section]: [...own, field] };
      });
      void saveNow(section);
    },
    [saveNow],
  );

  /** Applies a refusal's field errors to their sections; true when the error named fields. */
  const showErrors = useCallback((error: unknown): boolean => {
    const grouped = serverSectionErrors(error);
    const sections = Object.keys(grouped).filter((key): key is Section =>
      (SECTIONS as readonly string[]).includes(key),
    );
    if (sections.length === 0) {
      return false;
    }
    setServerErrors((current) => ({ ...current, ...grouped }));
    setAttempted((current) => [...new Set([...current, ...sections])]);
    setOpen((current) => [...new Set([...current, ...sections])]);
    return true;
  }, []);

  /** "Weiter": saves with validate=true; on success the next section opens. */
  const next = useCallback(
    async (section: Section, openNext = true): Promise<NextResult> => {
      const timer = timers.current.get(section);
      if (timer !== undefined) {
        window.clearTimeout(timer);
        timers.current.delete(section);
      }
      dirty.current.delete(section);
      setAttempted((current) => (current.includes(section) ? current : [...current, section]));
      setSaveState('saving');
      try {
        const answer = await enqueue(() =>
          saveSection(companyId, draft.id, section, dataRef.current[section] ?? {}, true),
        );
        accept(answer.draft);
        settled();
        setServerErrors((current) => ({ ...current, [section]: {} }));
        setWarnings((current) => ({ ...current, [section]: answer.warnings }));
        const following = nextSection(section);
        if (openNext && following !== null) {
          setOpen([following]);
        }
        return { ok: true };
      } catch (error) {
        // A refusal still saved the data (the server keeps what was typed).
        if (error instanceof ApiError && error.status === 400) {
          settled();
        } else {
          setSaveState('failed');
        }
        const named = showErrors(error);
        setCompleted((current) => current.filter((entry) => entry !== section));
        const message = error instanceof Error ? error.message : null;
        return { ok: false, message: named ? null : message };
      }
    },
    [accept, companyId, draft.id, enqueue, settled, showErrors],
  );

  // Leaving the page (another page, logout) saves what is still waiting.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const [section, timer] of pending) {
        window.clearTimeout(timer);
        void saveNow(section);
      }
    };
  }, [saveNow]);

  const live = useMemo(() => {
    const all: Partial<Record<Section, RuleIssue[]>> = {};
    for (const section of SECTIONS) {
      all[section] = liveIssues(section, data);
    }
    return all as Record<Section, RuleIssue[]>;
  }, [data]);

  return {
    data,
    update,
    touch,
    next,
    saveAll,
    showErrors,
    completed,
    open,
    setOpen,
    serverErrors,
    warnings,
    touched,
    attempted,
    live,
    saveState,
    version,
  };
}

export type Wizard = ReturnType<typeof useWizard>;
