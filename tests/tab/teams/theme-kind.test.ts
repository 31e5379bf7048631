import { standaloneThemeKind, themeKindFor } from '../../../src/tab/teams/theme-kind';

describe('themeKindFor', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
  ])('follows the Teams theme %p with the %p theme', (teamsTheme, expected) => {
    expect(themeKindFor(teamsTheme)).toBe(expected);
  });

  it('falls back to light for a theme name Teams has not used before, or none', () => {
    expect(themeKindFor('glow')).toBe('light');
    expect(themeKindFor(undefined)).toBe('light');
  });
});

describe('standaloneThemeKind', () => {
  it('follows the system preference outside Teams', () => {
    expect(standaloneThemeKind(true)).toBe('dark');
    expect(standaloneThemeKind(false)).toBe('light');
  });
});
