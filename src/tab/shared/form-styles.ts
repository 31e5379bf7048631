import { makeStyles, tokens } from '@fluentui/react-components';

/** A form: its fields stacked, its buttons side by side, wrapping on a narrow window. */
export const useFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});
