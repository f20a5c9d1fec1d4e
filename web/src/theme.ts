import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Shade 8 of the default blue keeps white text on filled buttons and blue link text on white
// above the WCAG AA contrast ratio of 4.5:1 (the default shade 6 is about 3.5:1).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'sm',
});

// Error texts and invalid inputs use red 8 by default (4.4:1 on white); red 9 reaches 5.4:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
