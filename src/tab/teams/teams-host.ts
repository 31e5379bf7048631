import { app, authentication, ErrorCode, pages, people } from '@microsoft/teams-js';
import type { Person, TokenSource } from '../api/client';
import { withTimeout } from '../shared/with-timeout';
import { themeKindFor, type ThemeKind } from './theme-kind';

/** What a channel tab saves in Teams: which page it shows, and the name Teams suggests for it. */
export interface TabSettings {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

/** The configuration page's side of Teams' tab settings dialog. */
export interface TabConfigHost {
  /** Enables or disables Teams' Save button. */
  setValid(valid: boolean): void;
  /** When the person presses Save: asks `settings` for the tab to save, and tells Teams how it went. */
  onSave(settings: () => Promise<TabSettings> | TabSettings): void;
  /** When the person removes the tab: nothing to clean up, so removal always succeeds. */
  onRemove(): void;
}

/** What the tab needs from Teams when it runs inside it. */
export interface TeamsHost {
  /** The theme Teams shows now. */
  readonly theme: ThemeKind;
  /** The channel the tab was added to, if it is a channel tab. */
  readonly channelId: string | null;
  /** Where Teams shows this page: `content`, `settings` (configuring a tab), `remove`, or null when Teams did not say. */
  readonly frameContext: string | null;
  /** The saved tab's entity id (`workstream-12`), when Teams opens a saved tab or its configuration page. */
  readonly pageId: string | null;
  /** The part of the tab a deep link asked for (`partner-34`), or null. */
  readonly subPageId: string | null;
  readonly tabConfig: TabConfigHost;
  /**
   * Teams' people picker, titled `title`, searching the whole organisation: the
   * colleagues chosen, or none when the person closed it. Null where Teams has no picker.
   */
  readonly pickPeople: ((title: string) => Promise<Person[]>) | null;
  /** Asks Teams to follow a deep link (a chat, another tab); rejects when Teams refuses it. */
  openLink(url: string): Promise<void>;
  /** Calls `listener` whenever the person switches Teams theme. */
  onThemeChange(listener: (theme: ThemeKind) => void): void;
  /** The Teams single sign-on token for the API, or null when Teams cannot give one. */
  readonly getToken: TokenSource;
  /** Tells Teams the tab has shown its first data. Only the first report counts. */
  reportLoaded(): void;
  /** Tells Teams the tab could not load. Only the first report counts. */
  reportFailed(message: string): void;
}

/**
 * Long enough for a slow Teams client to answer, short enough that someone opening
 * the tab in a plain browser is not kept waiting if `initialize` neither resolves nor rejects.
 */
const INITIALIZE_TIMEOUT_MS = 2500;

function pickPeople(title: string): Promise<Person[]> {
  return people.selectPeople({ title, openOrgWideSearchInChatOrChannel: true }).then(
    (picked) =>
      picked.map((person) => ({
        userId: person.objectId,
        userName: person.displayName?.trim() || person.email?.trim() || person.objectId,
      })),
    (error: unknown) => {
      // teams-js rejects with an `SdkError`, not an Error; closing the picker is not a failure.
      if ((error as { errorCode?: unknown } | null)?.errorCode === ErrorCode.USER_ABORT) return [];
      console.warn('The Teams people picker failed.', error);
      throw new Error('Teams could not open its people picker. Try again in a moment.');
    },
  );
}

/** Teams being connected to: the host once known, and the sign-in token for the page's first call as soon as Teams can give it. */
export interface TeamsConnection {
  /** The host, or null when Teams did not answer `initialize` (standalone); rejects when Teams answered it but not `getContext`. */
  readonly host: Promise<TeamsHost | null>;
  /** The SSO token, asked for as soon as `initialize` has answered, alongside the context; null standalone or when Teams has none. */
  readonly firstToken: Promise<string | null>;
}

/** Whether Teams answered `initialize` in time. */
async function initialize(): Promise<boolean> {
  try {
    return await withTimeout(
      app.initialize().then(() => true),
      INITIALIZE_TIMEOUT_MS,
      false,
    );
  } catch {
    // Outside Teams `initialize` rejects ("No Parent window found"): that is how standalone is detected.
    return false;
  }
}

async function ssoToken(): Promise<string | null> {
  try {
    return await authentication.getAuthToken();
  } catch (error) {
    // Without an Entra app (local development) Teams has no token to give; the server decides.
    console.warn('Teams gave no sign-in token; calling the API without one.', error);
    return null;
  }
}

/** Connects to Teams (or finds the tab is standalone), asking for the context and the sign-in token at once. */
export function connectToTeams(): TeamsConnection {
  const connected = initialize();
  return {
    host: connected.then((inTeams) => (inTeams ? hostFromContext() : null)),
    firstToken: connected.then((inTeams) => (inTeams ? ssoToken() : null)),
  };
}

async function hostFromContext(): Promise<TeamsHost> {
  const context = await app.getContext();
  let reported = false;
  const reportOnce = (report: () => void): void => {
    if (reported) return;
    reported = true;
    report();
  };
  return {
    theme: themeKindFor(context.app.theme),
    channelId: context.channel?.id ?? null,
    frameContext: context.page.frameContext ?? null,
    pageId: context.page.id || null,
    subPageId: context.page.subPageId || null,
    tabConfig: {
      setValid: (valid) => pages.config.setValidityState(valid),
      onSave: (settings) =>
        pages.config.registerOnSaveHandler((event) => {
          Promise.resolve()
            .then(settings)
            .then((chosen) => pages.config.setConfig(chosen))
            .then(
              () => event.notifySuccess(),
              (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : 'Teams did not save the tab.'),
            );
        }),
      onRemove: () => pages.config.registerOnRemoveHandler((event) => event.notifySuccess()),
    },
    pickPeople: people.isSupported() ? pickPeople : null,
    openLink: (url) => app.openLink(url),
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(themeKindFor(theme))),
    getToken: ssoToken,
    reportLoaded: () =>
      reportOnce(() => {
        app.notifySuccess().catch((error: unknown) => console.warn('Teams did not take the loaded report.', error));
      }),
    reportFailed: (message) => reportOnce(() => app.notifyFailure({ reason: app.FailedReason.Other, message })),
  };
}
