import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * For badges with words in them. A Fluent badge is a pill of fixed height, and words
 * that wrapped in a narrow table column ran out of it. Here the words stay on one line,
 * so a table column makes room for them, and the pill grows round them if they do wrap
 * (a card narrower than its words lets them: see `useCardListStyles`).
 */
export const useWordBadgeStyles = makeStyles({
  badge: {
    height: 'auto',
    whiteSpace: 'nowrap',
    paddingBlock: tokens.spacingVerticalXXS,
  },
});
