import {
  FluentProvider,
  Spinner,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { TeamsConnection, TeamsHost } from './teams-host';
import type { ThemeKind } from './theme-kind';
import { useTeamsHost, useThemeKind } from './use-host';

const THEMES: Record<ThemeKind, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
  },
  starting: {
    paddingBlock: tokens.spacingVerticalXXXL,
  },
});

/** Props for {@link Hosted}. */
export interface HostedProps {
  /** Teams being connected to (see `startTeams`), started before the page first renders. */
  readonly teams: TeamsConnection;
  /** The page, once it is known whether it runs in Teams (a host) or standalone (null). */
  readonly children: (host: TeamsHost | null) => ReactNode;
}

/**
 * Waits for the connection to Teams (or finds the page standalone) and provides the Fluent theme:
 * Teams' theme inside Teams, switching live, else the system's light or dark.
 */
export function Hosted({ teams, children }: HostedProps) {
  const styles = useStyles();
  const host = useTeamsHost(teams.host);
  const theme = useThemeKind(host);
  return (
    <FluentProvider theme={THEMES[theme]} className={styles.provider} data-theme={theme}>
      {host === undefined ? <Spinner className={styles.starting} label="Starting Partner Pathway…" /> : children(host)}
    </FluentProvider>
  );
}
