import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useCallback, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiClient, RoleMove } from '../api/client';
import type { RoleDescriptionForm, TabRole } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { ChooseMember } from '../shared/choose-member';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { LoadError } from '../shared/load-error';
import { Section } from '../shared/section';
import { useAction, useChangeKeys, type Action } from '../shared/use-action';
import { useLoad } from '../shared/use-load';
import { useReturnFocus } from '../shared/use-return-focus';
import { AdvertText } from './advert-text';
import { GuidanceText } from './guidance-text';
import { changesOf, draftOf, RoleFields, type Draft } from './role-fields';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '64rem',
  },
  heading: {
    ...typographyStyles.subtitle1,
    margin: 0,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  quiet: {
    color: tokens.colorNeutralForeground2,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
  },
  value: {
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    whiteSpace: 'pre-wrap',
  },
  back: {
    alignSelf: 'flex-start',
  },
  lead: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
  choose: {
    alignSelf: 'stretch',
  },
});

/** The steps a role's actions may offer, in the order shown, with their words and what is said once done. */
const STEPS: ReadonlyArray<{
  readonly move: RoleMove;
  readonly open: keyof TabRole['actions'];
  readonly title: string;
  readonly done: string;
}> = [
  { move: 'markRoleReady', open: 'markReady', title: 'Mark Ready', done: 'The role is Ready.' },
  { move: 'sendAdvert', open: 'sendAdvert', title: 'Send advert to the Engagement team', done: 'The advert is sent.' },
  { move: 'roleBackToDraft', open: 'backToDraft', title: 'Back to Draft', done: 'The role is back to Draft.' },
  { move: 'markRoleFilled', open: 'markFilled', title: 'Mark Filled', done: 'The role is Filled.' },
  { move: 'closeRole', open: 'close', title: 'Close the role', done: 'The role is Closed.' },
];

/** Props for {@link RoleSheet}. */
interface RoleSheetProps {
  readonly form: RoleDescriptionForm;
  /** The role as read, or null for a new one. */
  readonly role: TabRole | null;
  readonly action: Action;
  /** The refusal of the sheet's own last save or step: a refused change of lead is said by its own form. */
  readonly refusal: Refusal | null;
  readonly onSave: (draft: Draft) => void;
  /** A step, with the form as it is (null where the description is not a form). */
  readonly onStep: (move: RoleMove, draft: Draft | null) => void;
}

/**
 * One role as read (or a new one): what the domain says of it, then its description,
 * as a form while it may be edited, and the steps open to it. The form starts from
 * the version read, and a step carries what was typed and not yet saved.
 */
function RoleSheet({ form, role, action, refusal, onSave, onStep }: RoleSheetProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(form.fields, role?.role ?? null));
  const [closing, setClosing] = useState(false);
  const editable = role ? role.actions.edit : true;
  const busy = action.outcome.kind === 'busy';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  const steps = role ? STEPS.filter((step) => role.actions[step.open]) : [];
  const stepButtons = steps.map((step) => (
    <Button
      key={step.move}
      disabledFocusable={busy}
      onClick={() => (step.move === 'closeRole' ? setClosing(true) : onStep(step.move, editable ? draft : null))}
    >
      {step.title}
    </Button>
  ));
  return (
    <>
      {role && role.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Before you go on</MessageBarTitle>
            <ul className={styles.list}>
              {role.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {role && role.missing.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Still needed before this role can be Ready</MessageBarTitle>
            <div>{role.missing.join(', ')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {editable ? (
        <form className={formStyles.form} aria-label="Role description" onSubmit={submit} noValidate>
          <RoleFields
            fields={form.fields}
            draft={draft}
            onChange={(id, value) => setDraft((current) => ({ ...current, [id]: value }))}
            refused={refusal?.fields ?? {}}
          />
          <FormRefusal refusal={refusal} fields={form.fields.map((field) => field.id)} />
          <div className={formStyles.buttons}>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              {role ? 'Save changes' : 'Save as Draft'}
            </Button>
            {stepButtons}
          </div>
        </form>
      ) : (
        role && (
          <>
            <dl className={styles.facts}>
              {form.fields.map((field) => {
                const held = role.role[field.id];
                const shown = Array.isArray(held) ? held.join(', ') : held === null ? '' : String(held);
                return (
                  <div key={field.id}>
                    <dt className={styles.term}>{field.label}</dt>
                    <dd className={styles.value}>{shown || <Text className={styles.quiet}>Not given</Text>}</dd>
                  </div>
                );
              })}
            </dl>
            {steps.length > 0 && <div className={formStyles.buttons}>{stepButtons}</div>}
          </>
        )
      )}
      {role && (
        <ConfirmDialog
          open={closing}
          title={`Close ${role.role.title}?`}
          confirmLabel="Close the role"
          cancelLabel="Keep it open"
          onConfirm={() => {
            setClosing(false);
            onStep('closeRole', editable ? draft : null);
          }}
          onCancel={() => setClosing(false)}
        >
          A closed role takes no more interest. People already in it stay where they are on their pathway.
        </ConfirmDialog>
      )}
    </>
  );
}

/** Props for {@link RoleEditor}. */
export interface RoleEditorProps {
  readonly api: ApiClient;
  readonly workstreamId: number;
  /** The role to open, or null to plan a new one. */
  readonly roleId: number | null;
  /** Called after every change the server answered, so the list of roles is read again. */
  readonly onChanged: () => void;
  /** Back to the list of roles. */
  readonly onBack: () => void;
}

/**
 * Plans a new role or opens one: the role description with the guidance beside each
 * field, the domain's warnings and what is still missing before Ready, and the steps
 * open to the role (Mark Ready, Back to Draft, Send advert, Mark Filled, Close). Every
 * change carries the version read, so an edit made from a stale read is refused and
 * nothing is overwritten; the view then reads the role again.
 */
export function RoleEditor({ api, workstreamId, roleId: opened, onChanged, onBack }: RoleEditorProps) {
  const styles = useStyles();
  const [roleId, setRoleId] = useState(opened);
  const [choosingLead, setChoosingLead] = useState(false);
  // Which part made the last change, so that its refusal is said once, where it was made.
  const [changedBy, setChangedBy] = useState<'lead' | 'sheet'>('sheet');
  const { opener: leadOpener, returnFocus: returnToLead } = useReturnFocus<HTMLButtonElement>();
  const template = useLoad('role-description', (signal) => api.roleDescription(signal));
  const read = useLoad(`role:${roleId ?? 'new'}`, (signal) => (roleId === null ? Promise.resolve(null) : api.role(roleId, signal)));
  const { refresh } = read;
  const saved = useCallback(() => {
    refresh();
    onChanged();
  }, [refresh, onChanged]);
  const action = useAction(saved);
  const keys = useChangeKeys();
  const outcome = useRef<HTMLDivElement>(null);
  const settled = action.outcome.kind === 'done' || action.outcome.kind === 'refused';
  useFocusIfLost(outcome, settled);
  // The heading takes the focus as the role opens (and as a new one is saved and opens), so the person starts at its top.
  const heading = useRef<HTMLHeadingElement>(null);
  const [headingFocused, setHeadingFocused] = useState<number | null | undefined>(undefined);
  const shownId = read.status === 'ready' && template.status === 'ready' ? (read.data?.role.id ?? null) : undefined;
  useLayoutEffect(() => {
    if (shownId === undefined || shownId === headingFocused) return;
    heading.current?.focus();
    setHeadingFocused(shownId);
  }, [shownId, headingFocused]);

  if (template.status === 'loading' || read.status === 'loading') return <Spinner label="Loading the role…" />;
  if (template.status === 'error') return <LoadError title="Could not load the role description" failure={template} />;
  if (read.status === 'error') return <LoadError title="Could not load this role" failure={read} />;
  const form = template.data;
  const role = read.data;

  const change = async (what: unknown, send: (key: string) => Promise<{ role: { id: number } }>, done: string): Promise<boolean> => {
    const key = keys.keyFor(what);
    let planned: number | null = null;
    const ok = await action.run(async () => {
      const answer = await send(key);
      planned = answer.role.id;
    }, done);
    if (!ok) return false;
    keys.succeeded();
    // A role just planned opens as saved, its heading taking the focus; otherwise the focus goes to what was done.
    if (roleId === null) setRoleId(planned);
    else outcome.current?.focus();
    return true;
  };
  const refusal = action.outcome.kind === 'refused' ? action.outcome : null;
  const save = (draft: Draft) => {
    setChangedBy('sheet');
    const changes = changesOf(form.fields, role?.role ?? null, draft);
    if (role === null) return void change({ plan: changes }, (key) => api.planRole(workstreamId, changes, key), 'Saved as Draft.');
    const ref = { id: role.role.id, version: role.role.version };
    void change({ ref, changes }, (key) => api.updateRole(ref, changes, key), 'Saved.');
  };
  const step = (move: RoleMove, draft: Draft | null) => {
    if (role === null) return;
    setChangedBy('sheet');
    const changes = draft ? changesOf(form.fields, role.role, draft) : {};
    const ref = { id: role.role.id, version: role.role.version };
    const done = STEPS.find((candidate) => candidate.move === move)?.done ?? '';
    void change({ ref, move, changes }, (key) => api.moveRole(ref, move, changes, key), done);
  };

  return (
    <div className={styles.root}>
      <Button className={styles.back} appearance="subtle" icon={<ArrowLeft16Regular />} onClick={onBack}>
        All roles
      </Button>
      <h3 ref={heading} tabIndex={-1} className={styles.heading}>
        {role ? role.role.title : 'Plan a role'}
      </h3>
      {role ? (
        <Body1 role="status">
          {role.role.status}
          {role.role.ownerName ? `, recruiting lead ${role.role.ownerName}` : ''}. {role.advertNote}
        </Body1>
      ) : (
        form.intro && (
          <Body1>
            <GuidanceText text={form.intro} />
          </Body1>
        )
      )}
      {role?.actions.reassign && (
        <div className={styles.lead}>
          {choosingLead ? (
            <ChooseMember
              className={styles.choose}
              workstreamId={workstreamId}
              currentId={role.role.ownerId}
              change="Change recruiting lead"
              label="New recruiting lead"
              hint="Only members of the workstream can be chosen. People who show interest from now on have them as their named contact."
              busy={action.outcome.kind === 'busy'}
              refusal={changedBy === 'lead' ? refusal : null}
              loadMembers={(signal) => api.members({ workstreamId }, signal)}
              onChoose={async (member) => {
                const ref = { id: role.role.id, version: role.role.version };
                setChangedBy('lead');
                const changed = await change(
                  { ref, lead: member.userId },
                  (key) => api.changeRoleLead(ref, member.userId, key),
                  `${member.userName} is now the recruiting lead.`,
                );
                if (changed) setChoosingLead(false);
                return changed;
              }}
              onDismiss={() => {
                setChoosingLead(false);
                returnToLead();
              }}
            />
          ) : (
            <Button ref={leadOpener} onClick={() => setChoosingLead(true)}>
              Change recruiting lead
            </Button>
          )}
        </div>
      )}
      <RoleSheet
        key={role ? `${role.role.id}:${role.role.version}` : 'new'}
        form={form}
        role={role}
        action={action}
        refusal={changedBy === 'sheet' ? refusal : null}
        onSave={save}
        onStep={step}
      />
      {/* A refusal shows in the form that made the change: the description's, by its buttons, or the lead's; here only a step's when the description is not a form. */}
      <OutcomeRegion
        ref={outcome}
        outcome={action.outcome}
        shown={refusal === null || (changedBy === 'sheet' && role?.actions.edit === false)}
      />
      {role && (
        <Section title="Advert" level={3}>
          <AdvertText
            text={role.advert}
            download={() => api.download('advertText', { roleId: role.role.id })}
            downloadPage={() => api.download('advertHtml', { roleId: role.role.id })}
          />
        </Section>
      )}
    </div>
  );
}
