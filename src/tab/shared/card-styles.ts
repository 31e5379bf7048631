import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A table shown as cards on a narrow window: one bordered card per row, its facts as a
 * description list of two columns (quiet terms, values that wrap anywhere).
 */
export const useCardListStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    // Inside the item, so a measured height includes the space before the next card.
    paddingBlockEnd: tokens.spacingVerticalS,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignSelf: 'stretch',
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
  },
  value: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
    // A card may be narrower than a badge's words ("Overdue, nothing booked" at 320 px): they wrap inside the pill.
    '& .fui-Badge': {
      maxWidth: '100%',
      whiteSpace: 'normal',
      textAlign: 'start',
    },
  },
});
