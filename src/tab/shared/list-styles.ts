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
