// Call information (Anrufinformationen) is inherited company → group → area → workplace unless a
// level overrides it (issue 5; seed 001: "Arbeitsplätze innerhalb einer Gruppe … erhalten die
// gleichen Anrufinformationen").

export interface CallInfoValue {
  numberMode: 'workplace' | 'number';
  number: string | null;
  displayName: string | null;
}

export type CallInfoLevel = 'company' | 'group' | 'area' | 'workplace';

export const DEFAULT_CALL_INFO: CallInfoValue = {
  numberMode: 'workplace',
  number: null,
  displayName: null,
};

/** The effective call information and the level it comes from (most specific set level wins). */
export function effectiveCallInfo(
  levels: { level: CallInfoLevel; value: CallInfoValue | null }[],
): {
  value: CallInfoValue;
  source: CallInfoLevel | 'default';
} {
  for (const level of ['workplace', 'area', 'group', 'company'] as const) {
    const found = levels.find((l) => l.level === level && l.value);
    if (found?.value) {
      return { value: found.value, source: level };
    }
  }
  return { value: DEFAULT_CALL_INFO, source: 'default' };
}
