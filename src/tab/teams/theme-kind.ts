/** The three themes Teams offers, which the tab follows. */
export type ThemeKind = 'light' | 'dark' | 'contrast';

/**
 * The theme for a Teams theme name (`default`, `dark`, `contrast`). Any name Teams
 * adds later falls back to light, the theme every Teams client supports.
 */
export function themeKindFor(teamsTheme: string | undefined): ThemeKind {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/** The theme outside Teams: the person's system preference between light and dark. */
export function standaloneThemeKind(prefersDark: boolean): ThemeKind {
  return prefersDark ? 'dark' : 'light';
}
