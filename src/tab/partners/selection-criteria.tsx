import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { Judged, SelectionQuestion, SelectionVerdict } from '../api/types';

/** Props for {@link SelectionCriteria}. */
export interface SelectionCriteriaProps {
  /** The role's criteria and what to do, in the server's words. */
  readonly selection: SelectionQuestion;
  readonly judged: Judged;
  readonly onChange: (judged: Judged) => void;
}

/**
 * How the partner was judged against each of the role's criteria, asked at an offer
 * or a "not this time": the server's guidance, then one choice per criterion (met,
 * not met, not assessed). With no criteria, only the guidance, which asks for the
 * reason in full. The server decides whether what is sent is enough.
 */
export function SelectionCriteria({ selection, judged, onChange }: SelectionCriteriaProps) {
  return (
    <>
      <Text as="p">{selection.guidance}</Text>
      {selection.criteria.map((criterion) => (
        <Field key={criterion} label={criterion} required>
          <RadioGroup
            value={judged[criterion] ?? ''}
            onChange={(_e, data) => onChange({ ...judged, [criterion]: data.value as SelectionVerdict })}
          >
            {selection.verdicts.map((verdict) => (
              <Radio key={verdict} value={verdict} label={verdict} />
            ))}
          </RadioGroup>
        </Field>
      ))}
    </>
  );
}
