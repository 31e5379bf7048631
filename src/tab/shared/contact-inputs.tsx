import { Input, Select } from '@fluentui/react-components';
import type { ContactMethod } from '../api/types';

const CONTACT_METHODS: readonly ContactMethod[] = ['Email', 'Phone', 'Text message', 'Post', 'Teams'];

/** Props for the contact inputs, each for a `Field` to label. */
export interface ContactInputProps {
  /** What is entered or chosen, or an empty string for none. */
  readonly value: string;
  readonly onChange: (event: unknown, data: { value: string }) => void;
}

/** A partner's preferred way to be contacted, or "Not given"; for a `Field` to label. */
export function ContactMethodSelect({ value, onChange }: ContactInputProps) {
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

/** An email address: the phone's email keyboard, no spelling fixes, nothing remembered by the browser. */
export function EmailInput({ value, onChange }: ContactInputProps) {
  return <Input type="email" inputMode="email" autoComplete="off" spellCheck={false} value={value} onChange={onChange} />;
}

/** A phone number: the phone's number pad, nothing remembered by the browser. */
export function PhoneInput({ value, onChange }: ContactInputProps) {
  return <Input type="tel" inputMode="tel" autoComplete="off" value={value} onChange={onChange} />;
}
