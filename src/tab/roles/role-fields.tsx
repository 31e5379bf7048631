import { Caption1, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { RoleDescription } from '../api/client';
import type { Role, RoleDescriptionForm } from '../api/types';
import { NARROW_MEDIA } from '../shared/breakpoints';
import { GuidanceText } from './guidance-text';

/** One field of the template, with the organisation's guidance for it. */
export type DescriptionField = RoleDescriptionForm['fields'][number];

/** What the person has typed or picked in each field, by the server's names. */
export type Draft = Readonly<Record<string, string | readonly string[]>>;

/** A field's value as held, in the form's terms: text, or the choices picked. */
function valueOf(field: DescriptionField, role: Role | null): string | readonly string[] {
  const held = role?.[field.id];
  if (field.multiSelect) return Array.isArray(held) ? held : [];
  return held === null || held === undefined ? '' : String(held);
}

/** The form's starting point: the role as read, or nothing for a new role. */
export function draftOf(fields: readonly DescriptionField[], role: Role | null): Draft {
  return Object.fromEntries(fields.map((field) => [field.id, valueOf(field, role)]));
}

/** A field's typed value as the server takes it: text trimmed, a level as a number, nothing as null. */
function sent(field: DescriptionField, value: string | readonly string[]): unknown {
  if (typeof value !== 'string') return value.length > 0 ? value : null;
  const typed = value.trim();
  if (typed === '') return field.required ? '' : null;
  return field.kind === 'level' ? Number(typed) : typed;
}

/**
 * Only what differs from the role as read (for a new role, what was filled in), so a
 * step pressed with nothing typed changes the description not at all.
 */
export function changesOf(fields: readonly DescriptionField[], role: Role | null, draft: Draft): RoleDescription {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const before = sent(field, valueOf(field, role));
    const now = sent(field, draft[field.id]);
    if (JSON.stringify(now) !== JSON.stringify(role ? before : null)) changes[field.id] = now;
  }
  return changes as RoleDescription;
}

const useStyles = makeStyles({
  // The guidance sits beside its field where there is room, below its label on a phone.
  field: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    columnGap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    [NARROW_MEDIA]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
    },
  },
  main: {
    gridColumn: '1',
  },
  help: {
    gridColumn: '2',
    gridRow: '1 / span 3',
    color: tokens.colorNeutralForeground2,
    [NARROW_MEDIA]: {
      gridColumn: '1',
      gridRow: 'auto',
    },
  },
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  choices: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
  },
  refused: {
    color: tokens.colorPaletteRedForeground1,
  },
});

/** Props for {@link RoleFields}. */
export interface RoleFieldsProps {
  readonly fields: readonly DescriptionField[];
  readonly draft: Draft;
  readonly onChange: (id: string, value: string | readonly string[]) => void;
  /** The server's message for each field it refused, by name. */
  readonly refused: Readonly<Record<string, string>>;
}

/** The choices of a field that takes several, as a group of ticks under its name. */
function ChoiceGroup({
  field,
  picked,
  onChange,
  message,
}: {
  readonly field: DescriptionField;
  readonly picked: readonly string[];
  readonly onChange: (value: readonly string[]) => void;
  readonly message?: string;
}) {
  const styles = useStyles();
  const helpId = useId();
  const messageId = useId();
  return (
    <fieldset
      className={`${styles.group} ${styles.field}`}
      aria-describedby={[message ? messageId : '', field.help ? helpId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className={styles.legend}>
        <Text>{field.label}</Text>
      </legend>
      <div className={`${styles.main} ${styles.choices}`}>
        {field.choices.map((choice) => (
          <Checkbox
            key={choice}
            label={choice}
            checked={picked.includes(choice)}
            onChange={(_event, data) => onChange(data.checked ? [...picked, choice] : picked.filter((item) => item !== choice))}
          />
        ))}
      </div>
      {message && (
        <Caption1 id={messageId} className={`${styles.main} ${styles.refused}`}>
          {message}
        </Caption1>
      )}
      {field.help && (
        <Caption1 id={helpId} className={styles.help}>
          <GuidanceText text={field.help} />
        </Caption1>
      )}
    </fieldset>
  );
}

/**
 * The whole role description as a form, field by field in the template's order, each
 * with the organisation's guidance beside it and the server's message under it when
 * it refused that field. The browser's own checks are off: the server decides.
 */
export function RoleFields({ fields, draft, onChange, refused }: RoleFieldsProps) {
  const styles = useStyles();
  return (
    <>
      {fields.map((field) => {
        const value = draft[field.id];
        if (field.multiSelect) {
          return (
            <ChoiceGroup
              key={field.id}
              field={field}
              picked={typeof value === 'string' ? [] : value}
              onChange={(picked) => onChange(field.id, picked)}
              message={refused[field.id]}
            />
          );
        }
        const text = typeof value === 'string' ? value : '';
        const set = (_event: unknown, data: { value: string }) => onChange(field.id, data.value);
        return (
          <Field
            key={field.id}
            className={styles.field}
            label={{ children: field.label, className: styles.main }}
            required={field.required}
            hint={field.help ? { children: <GuidanceText text={field.help} />, className: styles.help } : undefined}
            validationMessage={refused[field.id] ? { children: refused[field.id], className: styles.main } : undefined}
          >
            {field.kind === 'text' && field.multiline ? (
              <Textarea className={styles.main} value={text} onChange={set} resize="vertical" />
            ) : field.kind === 'text' ? (
              <Input className={styles.main} value={text} onChange={set} autoComplete="off" />
            ) : field.kind === 'date' ? (
              <Input className={styles.main} type="date" value={text} onChange={set} />
            ) : (
              <Select className={styles.main} value={text} onChange={set}>
                <option value="">Not chosen yet</option>
                {field.choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        );
      })}
    </>
  );
}
