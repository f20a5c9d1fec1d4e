import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { formatNational } from '../../../../common/src/numbers/parse.ts';

/** One label/value pair of a <dl>. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** "+4922812340" → "0228 12340"; anything else as it is. */
export function phone(value: string): string {
  return value.startsWith('+49') ? formatNational(value) : value;
}
