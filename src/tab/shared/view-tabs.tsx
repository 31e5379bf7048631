import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { NARROW, useMediaQuery } from './breakpoints';

const useStyles = makeStyles({
  tabs: {
    // On a phone the tabs go onto a second line rather than past the edge of the window.
    flexWrap: 'wrap',
  },
  // As low as the page's other buttons on a phone, so a second row of tabs takes little of the first screen.
  narrowTab: {
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/** Props for {@link ViewTabs}. */
export interface ViewTabsProps<V extends string> {
  /** Names the set of tabs for assistive technology: "Workstream views". */
  readonly label: string;
  /** Each view's tab text, in the order shown. */
  readonly names: Readonly<Record<V, string>>;
  readonly view: V;
  readonly onSelect: (view: V) => void;
  /** The chosen view, given the id of its tab to label what it shows. */
  readonly children: (labelledBy: string) => ReactNode;
}

/** Tabs that switch between views of one page, and the panel showing the chosen view. */
export function ViewTabs<V extends string>({ label, names, view, onSelect, children }: ViewTabsProps<V>) {
  const styles = useStyles();
  const narrow = useMediaQuery(NARROW);
  const panelId = useId();
  const tabId = (name: V) => `${panelId}-${name}`;
  return (
    <>
      <TabList
        className={styles.tabs}
        size={narrow ? 'small' : 'medium'}
        selectedValue={view}
        onTabSelect={(_event, data) => onSelect(data.value as V)}
        aria-label={label}
      >
        {(Object.keys(names) as V[]).map((name) => (
          <Tab key={name} value={name} id={tabId(name)} aria-controls={panelId} className={narrow ? styles.narrowTab : undefined}>
            {names[name]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" id={panelId} aria-labelledby={tabId(view)}>
        {children(tabId(view))}
      </div>
    </>
  );
}
