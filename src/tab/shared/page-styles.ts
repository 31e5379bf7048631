import { makeStyles, tokens } from '@fluentui/react-components';

/** The page's main area under the header: its views stacked with room around them. */
export const usePageStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
  },
});
