import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { fluentThemeOf, type PageTheme } from '../page-theme';

// The shades of a SharePoint site theme ("Teal"), darkest to lightest.
const TEAL: PageTheme['palette'] = {
  themeDarker: '#01433f',
  themeDark: '#015b56',
  themeDarkAlt: '#026d67',
  themePrimary: '#03787c',
  themeSecondary: '#13898d',
  themeTertiary: '#4ba8ac',
  themeLight: '#98d6d8',
  themeLighter: '#c5e9ea',
  themeLighterAlt: '#f0f9fa',
};

describe("the SharePoint page's theme in Fluent v9", () => {
  it("takes the page's primary colour as the brand, on a light page", () => {
    const theme = fluentThemeOf({ isInverted: false, palette: TEAL });
    expect(theme.colorBrandBackground).toBe('#03787c');
    expect(theme.colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  });

  it('is dark on a dark (inverted) page or section, still in its colours', () => {
    const theme = fluentThemeOf({ isInverted: true, palette: TEAL });
    expect(theme.colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
    expect(['#98d6d8', '#c5e9ea', '#4ba8ac', '#13898d']).toContain(theme.colorBrandForeground1);
  });

  it("is Fluent's own web theme when the page gives no colours", () => {
    expect(fluentThemeOf(undefined)).toBe(webLightTheme);
    expect(fluentThemeOf({ isInverted: true })).toBe(webDarkTheme);
    expect(fluentThemeOf({ palette: { themePrimary: '#03787c' } })).toBe(webLightTheme);
  });
});
