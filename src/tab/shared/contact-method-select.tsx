import { Select } from '@fluentui/react-components';
import type { ContactMethod } from '../api/types';

const CONTACT_METHODS: readonly ContactMethod[] = ['Email', 'Phone', 'Text message', 'Post', 'Teams'];

/** Props for {@link ContactMethodSelect}. */
export interface ContactMethodSelectProps {
  /** The way chosen, or an empty string for none. */
  readonly value: string;
  readonly onChange: (event: unknown, data: { value: string }) => void;
}

/** A partner's preferred way to be contacted, or "Not given"; for a `Field` to label. */
export function ContactMethodSelect({ value, onChange }: ContactMethodSelectProps) {
  return (
    <Select value={value} onChange={onChange}>
      <option value="">Not given</option>
      {CONTACT_METHODS.map((method) => (
        <option key={method} value={method}>
          {method}
        </option>
      ))}
    </Select>
  );
}
