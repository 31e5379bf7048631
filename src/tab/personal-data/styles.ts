import { makeStyles, tokens } from '@fluentui/react-components';

/** The personal data parts of the partner panel: sentences and buttons stacked, buttons at their own width. */
export const useStackStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
});
