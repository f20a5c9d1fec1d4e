import { createTheme } from '@mantine/core';

// Shade 8 of the default blue keeps white text on filled buttons and blue link text on white
// above the WCAG AA contrast ratio of 4.5:1 (the default shade 6 is about 3.5:1).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'sm',
});
