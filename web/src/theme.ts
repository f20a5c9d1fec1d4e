import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Shade 8 of the default blue keeps white text on filled buttons and blue link text on white
// above the WCAG AA contrast ratio of 4.5:1 (the default shade 6 is about 3.5:1).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'sm',
  // Modals and drawers appear without animation for users who asked for less motion.
  respectReducedMotion: true,
});

// Error texts and invalid inputs use red 8 by default (4.4:1 on white); red 9 reaches 5.4:1.
// Dimmed text (descriptions, captions) is gray 6 by default (3.3:1); gray 7 reaches 7:1.
// Light variants (active nav link) write in shade 6 on a tint, and hover on shade 2; shade 9
// text on shade 1 reaches 5:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
  },
  dark: {},
});
