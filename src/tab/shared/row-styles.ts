import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * For table rows: a hovered row takes Fluent's hover background, and in high contrast
 * link and quiet text colours would not read on it, so they take the hover foreground.
 */
export const useRowStyles = makeStyles({
  row: {
    ':hover .fui-Link': { color: tokens.colorNeutralForeground1Hover },
    ':hover .fui-Text': { color: tokens.colorNeutralForeground1Hover },
    ':hover .fui-Caption1': { color: tokens.colorNeutralForeground1Hover },
  },
});
