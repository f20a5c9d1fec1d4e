import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';

interface NoticeProps {
  kind: 'warning' | 'success';
  title?: string;
  children: ReactNode;
  role?: 'status' | 'alert';
}

// The light yellow and teal alerts write their title in shade 6, below the WCAG AA contrast on
// their tint; the title here takes the text colour, the tint still tells the kind.
const TITLE = { title: { color: 'var(--mantine-color-text)' } };

/** A warning (seed notes that need attention) or a success message, with a readable title. */
export function Notice({ kind, title, children, role }: NoticeProps) {
  return (
    <Alert
      color={kind === 'warning' ? 'yellow' : 'teal'}
      variant="light"
      title={title}
      styles={TITLE}
      role={role}
    >
      {children}
    </Alert>
  );
}
