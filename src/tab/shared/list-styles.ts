import { makeStyles, tokens } from '@fluentui/react-components';

/** A list without bullets or indent, its items stacked closely: tasks, people. */
export const usePlainListStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/** A description list as two columns, terms in semibold: a partner's details, their consents. */
export const useTermListStyles = makeStyles({
  list: {
    display: 'grid',
    // The values may wrap anywhere (a long email address), so the list is never wider than a phone's side panel; a long
    // term wraps within half the width rather than squeezing its value out of sight.
    gridTemplateColumns: 'fit-content(50%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
  },
  value: {
    margin: 0,
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
});
