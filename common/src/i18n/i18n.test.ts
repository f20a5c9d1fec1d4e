import { describe, expect, it } from 'vitest';
import { pickLanguage } from './index.ts';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr', 'de'],
    ['de;q=0.3,en;q=0.7', 'en'],
    ['en;q=0', 'de'],
  ])('Accept-Language %j → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });
});
