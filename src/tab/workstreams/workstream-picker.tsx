import { Field, Select, makeStyles } from '@fluentui/react-components';
import type { Workstream } from '../api/types';

const useStyles = makeStyles({
  field: {
    maxWidth: '28rem',
  },
  select: {
    // A native select is as wide as its longest workstream; on a phone it must fit the window instead.
    minWidth: 0,
    '& > select': {
      minWidth: 0,
      textOverflow: 'ellipsis',
    },
  },
});

/** Props for {@link WorkstreamPicker}. */
export interface WorkstreamPickerProps {
  readonly workstreams: readonly Workstream[];
  readonly selectedId: number | null;
  readonly onSelect: (workstreamId: number) => void;
}

/** Chooses which workstream the tab shows; a native select, so it works with every keyboard and screen reader. */
export function WorkstreamPicker({ workstreams, selectedId, onSelect }: WorkstreamPickerProps) {
  const styles = useStyles();
  return (
    <Field label="Workstream" className={styles.field}>
      <Select
        className={styles.select}
        value={selectedId === null ? '' : String(selectedId)}
        onChange={(_event, data) => onSelect(Number(data.value))}
      >
        {workstreams.map((workstream) => (
          <option key={workstream.id} value={String(workstream.id)}>
            {workstream.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}
