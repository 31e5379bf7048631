import { createDarkTheme, createLightTheme, webDarkTheme, webLightTheme, type BrandVariants, type Theme } from '@fluentui/react-components';

/** What the web part reads of the SharePoint page's theme: its theme colours, and whether it is dark (inverted). */
export interface PageTheme {
  readonly isInverted?: boolean;
  readonly palette?: {
    readonly themeDarker?: string;
    readonly themeDark?: string;
    readonly themeDarkAlt?: string;
    readonly themePrimary?: string;
    readonly themeSecondary?: string;
    readonly themeTertiary?: string;
    readonly themeLight?: string;
    readonly themeLighter?: string;
    readonly themeLighterAlt?: string;
  };
}

type Shade = keyof NonNullable<PageTheme['palette']>;

/**
 * Fluent v9's brand ramp (10 darkest to 160 lightest) from the page's nine theme shades,
 * each step taking the nearest shade, with the page's primary colour at 80, where v9
 * reads its own brand colour.
 */
const RAMP: ReadonlyArray<readonly [keyof BrandVariants, Shade]> = [
  [10, 'themeDarker'],
  [20, 'themeDarker'],
  [30, 'themeDarker'],
  [40, 'themeDark'],
  [50, 'themeDark'],
  [60, 'themeDarkAlt'],
  [70, 'themeDarkAlt'],
  [80, 'themePrimary'],
  [90, 'themeSecondary'],
  [100, 'themeSecondary'],
  [110, 'themeTertiary'],
  [120, 'themeTertiary'],
  [130, 'themeLight'],
  [140, 'themeLight'],
  [150, 'themeLighter'],
  [160, 'themeLighterAlt'],
];

/**
 * The Fluent v9 theme that matches the SharePoint page: the page's theme colours as the
 * brand, light or dark as the page (or its section) is. Fluent's own web theme when the
 * page gives no colours.
 */
export function fluentThemeOf(page: PageTheme | undefined): Theme {
  const palette = page?.palette;
  if (!palette || RAMP.some(([, shade]) => !palette[shade])) return page?.isInverted ? webDarkTheme : webLightTheme;
  const brand = {} as Record<keyof BrandVariants, string>;
  for (const [step, shade] of RAMP) brand[step] = palette[shade] as string;
  return page?.isInverted ? createDarkTheme(brand) : createLightTheme(brand);
}
