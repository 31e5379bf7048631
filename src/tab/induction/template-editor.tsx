import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiClient, TemplateOwner } from '../api/client';
import type { InductionTemplate, TaskKind, TemplateItem } from '../api/types';
import { ActionMessage } from '../shared/action-message';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { LoadError } from '../shared/load-error';
import { useAction } from '../shared/use-action';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  form: {
    maxWidth: '40rem',
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    paddingInline: tokens.spacingHorizontalXS,
  },
  // Read by screen readers, not drawn: a move keeps the focus on its button, so nothing else tells them the list changed.
  spoken: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** How an item is named when the list says what happened to it: its label, or its place while it has none. */
const named = (item: TemplateItem, place: number): string => (item.label.trim() === '' ? `Item ${place}` : `"${item.label.trim()}"`);

/** Each kind's place in the list offered: a kind added to the domain fails the typecheck here until it has one. */
const KIND_ORDER: Record<TaskKind, number> = { Task: 0, Agreement: 1, 'One-to-one booked': 2, 'Peer Support Network invitation': 3 };
const KINDS = (Object.keys(KIND_ORDER) as TaskKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

/** The fields of an item, by the names the server gives them in its messages (`items.2.label`). */
const FIELDS = ['label', 'kind', 'required'] as const;

/** An item being edited, with an id of its own so that it keeps its place on screen (and the focus) as it moves. */
interface DraftItem extends TemplateItem {
  readonly id: number;
}

/** The control to focus once the list has been drawn again: an item's button or label, or the Add button. */
type FocusTarget = { readonly id: number; readonly control: 'up' | 'down' | 'remove' | 'label' } | 'add';

/** Props for {@link TemplateEditor}. */
export interface TemplateEditorProps {
  readonly api: ApiClient;
  readonly owner: TemplateOwner;
  /** Whose template, as named in sentences: "Maternity", "the organisation". */
  readonly ownerName: string;
}

/**
 * The induction template in force for a workstream, or the organisation's, read in one
 * call when the view opens, then edited as a whole: labels, kinds, required, order (by
 * buttons), items added and removed, and saved in one call. The server decides who may
 * save and what a template may hold; its refusals show under the fields they concern.
 */
export function TemplateEditor({ api, owner, ownerName }: TemplateEditorProps) {
  const key = owner === 'organisation' ? owner : `workstream:${owner.workstreamId}`;
  const template = useLoad(`induction-template:${key}`, (signal) => api.inductionTemplate(owner, signal));
  if (template.status === 'loading') return <Spinner label="Loading the induction template…" />;
  if (template.status === 'error') return <LoadError title="Could not load the induction template" failure={template} />;
  return (
    <>
      {template.data.guidance.map((sentence) => (
        <Text key={sentence} block>
          {sentence}
        </Text>
      ))}
      <TemplateForm key={key} api={api} owner={owner} ownerName={ownerName} latest={template.data} onSaved={template.refresh} />
    </>
  );
}

/** Props for the form: the template as last read, and what to do once a save is answered (read it again). */
interface TemplateFormProps extends TemplateEditorProps {
  readonly latest: InductionTemplate;
  readonly onSaved: () => void;
}

/** The template's items as the form edits them, each with an id of its own for focus and keys. */
const draftsOf = (items: readonly TemplateItem[]): readonly DraftItem[] => items.map((item, index) => ({ ...item, id: index }));

// The items on screen stay as they are when the template is read again (after a save they are what was sent). When what is read
// is a revision other than the one being edited (someone else saved meanwhile), the form says so and offers to show it.
function TemplateForm({ api, owner, ownerName, latest, onSaved }: TemplateFormProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const nextId = useRef(latest.items.length);
  const [items, setItems] = useState<readonly DraftItem[]>(() => draftsOf(latest.items));
  const [basedOn, setBasedOn] = useState(latest.revision);
  // The items last sent: the server's field messages are by place, so they show under the fields only while nothing has changed since.
  const [sent, setSent] = useState<readonly DraftItem[] | null>(null);
  const action = useAction(onSaved);
  const busy = action.outcome.kind === 'busy';

  const controls = useRef(new Map<string, HTMLElement>());
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  // What the last move, addition or removal did to the list, said to screen readers.
  const [listChange, setListChange] = useState('');
  useLayoutEffect(() => {
    if (focusTarget === null) return;
    const name = focusTarget === 'add' ? 'add' : `${focusTarget.id}:${focusTarget.control}`;
    controls.current.get(name)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const register = (name: string) => (element: HTMLElement | null) => {
    if (element) controls.current.set(name, element);
    else controls.current.delete(name);
  };

  const change = (id: number, values: Partial<TemplateItem>) =>
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...values } : item)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const moved = [...items];
    [moved[index], moved[target]] = [moved[target], moved[index]];
    setItems(moved);
    setFocusTarget({ id: items[index].id, control: by < 0 ? 'up' : 'down' });
    setListChange(`${named(items[index], index + 1)} is now item ${target + 1} of ${items.length}.`);
  };
  const remove = (index: number) => {
    const next = items[index + 1] ?? items[index - 1];
    setItems(items.filter((_item, at) => at !== index));
    setFocusTarget(next ? { id: next.id, control: 'remove' } : 'add');
    setListChange(`${named(items[index], index + 1)} removed. ${items.length - 1} ${items.length === 2 ? 'item' : 'items'} left.`);
  };
  const add = () => {
    const id = nextId.current++;
    setItems([...items, { id, label: '', kind: 'Task', required: false }]);
    setFocusTarget({ id, control: 'label' });
    setListChange(`Item ${items.length + 1} added at the end.`);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSent(items);
    await action.run(async () => setBasedOn((await api.setInductionTemplate(owner, items, basedOn)).revision), 'Template saved.');
  };
  const showLatest = () => {
    nextId.current = latest.items.length;
    setItems(draftsOf(latest.items));
    setBasedOn(latest.revision);
    setSent(null);
    setFocusTarget(latest.items.length > 0 ? { id: 0, control: 'label' } : 'add');
  };
  const savedElsewhere = !busy && latest.revision !== basedOn;
  const refusal: Refusal | null = action.outcome.kind === 'refused' ? action.outcome : null;
  const placed = refusal !== null && sent === items;
  const fieldErrors = placed ? refusal.fields : {};
  const fieldNames = placed ? items.flatMap((_item, index) => FIELDS.map((field) => `items.${index}.${field}`)) : [];

  return (
    <form
      className={mergeClasses(formStyles.form, styles.form)}
      onSubmit={save}
      aria-label={`Induction template for ${ownerName}`}
      noValidate
    >
      <ol className={styles.list}>
        {items.map((item, index) => {
          const position = `item ${index + 1}`;
          return (
            <li key={item.id}>
              <fieldset className={styles.item}>
                <legend className={styles.legend}>Item {index + 1}</legend>
                <Field label="Label" required validationMessage={fieldErrors[`items.${index}.label`]}>
                  <Input
                    ref={register(`${item.id}:label`)}
                    value={item.label}
                    onChange={(_e, data) => change(item.id, { label: data.value })}
                  />
                </Field>
                <Field label="Kind" validationMessage={fieldErrors[`items.${index}.kind`]}>
                  <Select value={item.kind} onChange={(_e, data) => change(item.id, { kind: data.value as TaskKind })}>
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field validationMessage={fieldErrors[`items.${index}.required`]}>
                  <Checkbox
                    label="Required before Active"
                    checked={item.required}
                    onChange={(_e, data) => change(item.id, { required: data.checked === true })}
                  />
                </Field>
                <div className={formStyles.buttons}>
                  <Button
                    ref={register(`${item.id}:up`)}
                    size="small"
                    aria-label={`Move up ${position}`}
                    disabledFocusable={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    Move up
                  </Button>
                  <Button
                    ref={register(`${item.id}:down`)}
                    size="small"
                    aria-label={`Move down ${position}`}
                    disabledFocusable={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    Move down
                  </Button>
                  <Button ref={register(`${item.id}:remove`)} size="small" aria-label={`Remove ${position}`} onClick={() => remove(index)}>
                    Remove
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className={styles.spoken} aria-live="polite">
        {listChange}
      </div>
      {savedElsewhere && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Someone else has saved this template since you opened it.</MessageBarTitle>
            Your changes are still here and have not been saved. Show the template as it is now saved, then make your changes again.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={showLatest}>Show the saved template</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <FormRefusal refusal={refusal} fields={fieldNames} />
      <div aria-live="polite">{refusal === null && <ActionMessage outcome={action.outcome} />}</div>
      <div className={formStyles.buttons}>
        <Button ref={register('add')} icon={<Add20Regular />} onClick={add}>
          Add an item
        </Button>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Save template
        </Button>
      </div>
    </form>
  );
}
