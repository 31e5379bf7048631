import { makeStyles, tokens } from '@fluentui/react-components';

/** A form: its fields stacked, its buttons side by side, wrapping on a narrow window. */
export const useFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  // A drop-down shrinks to its form however long its options (a role's title, say); the chosen one is cut short, not the page widened.
  choice: {
    minWidth: 0,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});
