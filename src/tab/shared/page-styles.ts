import { makeStyles, tokens } from '@fluentui/react-components';
import { NARROW_MEDIA } from './breakpoints';

/** The page's main area under the header: its views stacked with room around them. */
export const usePageStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
    // Nothing in the page may be wider than the window: wide tables scroll inside their own region.
    minWidth: 0,
    [NARROW_MEDIA]: {
      gap: tokens.spacingVerticalM,
      paddingBlock: tokens.spacingVerticalM,
      paddingInline: tokens.spacingHorizontalM,
    },
  },
});
