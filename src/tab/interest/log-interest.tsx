import { Button, Checkbox, Field, Input, Select, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { ApiClient, NewPerson } from '../api/client';
import { ApiError } from '../api/parse';
import type { Involvement, PartnerMatch, RoleSummary } from '../api/types';
import { ContactMethodSelect, EmailInput, PhoneInput } from '../shared/contact-inputs';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { GuidanceText } from '../shared/guidance-text';
import { LoadError } from '../shared/load-error';
import { useAction, useChangeKeys } from '../shared/use-action';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  match: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke2,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/** The form and the question that replaces it open where the person is, so the focus goes to their start. */
const focusWhenShown = (element: HTMLElement | null): void => element?.focus();

/** The person's details, by the server's names; each is typed as text. */
const FIELDS = ['fullName', 'preferredName', 'email', 'phone', 'preferredContact', 'accessNeeds'] as const;
type DetailField = (typeof FIELDS)[number];

interface Draft extends Record<DetailField, string> {
  readonly roleId: string;
  readonly consentGiven: boolean;
}

/** The fields the server may name in a refusal of this form: the role, and each detail under `partner.`. */
const FIELDS_NAMED = ['roleId', 'partner', ...FIELDS.map((field) => `partner.${field}`), 'partner.consentGiven'];

/** The new person's details as typed: trimmed, and left out when empty. */
function personFrom(draft: Draft): NewPerson {
  const typed = Object.fromEntries(FIELDS.map((field) => [field, draft[field].trim()]).filter(([, value]) => value !== ''));
  return { ...typed, fullName: draft.fullName.trim(), consentGiven: draft.consentGiven } as NewPerson;
}

/** The people already on record that a `possibly-known` refusal names. */
function matchesIn(error: ApiError): PartnerMatch[] {
  const { matches } = error.details;
  return Array.isArray(matches) ? (matches as PartnerMatch[]) : [];
}

/** "Patient partner (Chat held)", for each of a match's roles, named when the role is one of this workstream's. */
function rolesOf(match: PartnerMatch, roles: readonly RoleSummary[]): string {
  if (match.roles.length === 0) return 'no role you can see';
  return match.roles
    .map((role) => `${roles.find((candidate) => candidate.id === role.roleId)?.title ?? 'a role in another workstream'} (${role.stage})`)
    .join('; ');
}

/** What the form shows: the details to fill in, or the people already on record they may be. */
type Step = { readonly kind: 'details' } | { readonly kind: 'known'; readonly message: string; readonly matches: PartnerMatch[] };

/** What logging ended in: the involvement made, or the people the server says they may be. */
type Attempt = { readonly logged: Involvement; readonly name: string } | { readonly known: Step & { readonly kind: 'known' } };

/** Props for {@link LogInterest}. */
export interface LogInterestProps {
  readonly api: Pick<ApiClient, 'interestGuidance' | 'logInterest'>;
  /** The workstream's roles; those taking interest now are offered. */
  readonly roles: readonly RoleSummary[];
  /** Called once the interest is logged, with the involvement made and the person's name. */
  readonly onLogged: (logged: { readonly involvementId: number; readonly name: string }) => void;
  readonly onDismiss: () => void;
}

/**
 * Logs someone's interest in one of the workstream's open roles, as the bot's role
 * card does: their details with their consent to hold them (the organisation's words),
 * checked by the server, which names anyone already on record with the same email or
 * phone before making a second record, so the interest can be linked to them instead,
 * or the person confirmed as someone else.
 */
export function LogInterest({ api, roles, onLogged, onDismiss }: LogInterestProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const open = roles.filter((role) => role.takesInterest);
  const guidance = useLoad('interest-guidance', (signal) => api.interestGuidance(signal));
  const [draft, setDraft] = useState<Draft>(() => ({
    roleId: open.length === 1 ? String(open[0].id) : '',
    fullName: '',
    preferredName: '',
    email: '',
    phone: '',
    preferredContact: '',
    accessNeeds: '',
    consentGiven: false,
  }));
  const [step, setStep] = useState<Step>({ kind: 'details' });
  const knownId = useId();
  const action = useAction(() => undefined);
  const keys = useChangeKeys();
  const busy = action.outcome.kind === 'busy';
  const refusal: Refusal | null = action.outcome.kind === 'refused' ? action.outcome : null;
  const message = (field: string) => refusal?.fields[field];
  const set = (field: DetailField) => (_event: unknown, data: { value: string }) =>
    setDraft((current) => ({ ...current, [field]: data.value }));

  /** Logs the interest; a refusal naming people already on record shows them rather than saying "not done". */
  const log = async (what: unknown, interest: Parameters<ApiClient['logInterest']>[0], name: string) => {
    const ended: { attempt: Attempt | null } = { attempt: null };
    await action.run(
      async () => {
        try {
          ended.attempt = { logged: await api.logInterest(interest, keys.keyFor(what)), name };
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'possibly-known')) throw error;
          ended.attempt = { known: { kind: 'known', message: error.message, matches: matchesIn(error) } };
        }
      },
      () => '',
    );
    const done = ended.attempt;
    if (done === null) return;
    if ('known' in done) {
      setStep(done.known);
      return;
    }
    keys.succeeded();
    onLogged({ involvementId: done.logged.id, name: done.name });
  };
  const roleId = Number(draft.roleId);
  const person = personFrom(draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void log(['new', draft], { roleId, partner: person }, person.preferredName ?? person.fullName);
  };

  if (open.length === 0) {
    return (
      <div className={formStyles.form}>
        <Text>No role of this workstream is open for interest at the moment.</Text>
        <div>
          <Button onClick={onDismiss}>Close</Button>
        </div>
      </div>
    );
  }
  if (guidance.status === 'loading') return <Spinner size="small" label="Opening the form…" />;
  if (guidance.status === 'error') return <LoadError title="Could not open the form" failure={guidance} />;

  if (step.kind === 'known') {
    return (
      <section className={formStyles.form} aria-labelledby={knownId}>
        <Text as="h3" weight="semibold" id={knownId} ref={focusWhenShown} tabIndex={-1}>
          Is this someone already on record?
        </Text>
        <Text block>{step.message}</Text>
        <ul className={styles.list}>
          {step.matches.map((match) => (
            <li key={match.partnerId} className={styles.match}>
              <Text>
                <strong>{match.name}</strong>: {rolesOf(match, roles)}
              </Text>
              <Button
                disabledFocusable={busy}
                onClick={() => void log(['link', roleId, match.partnerId], { roleId, partnerId: match.partnerId }, match.name)}
              >
                Same person: link to {match.name}
              </Button>
            </li>
          ))}
        </ul>
        <FormRefusal refusal={refusal} fields={[]} />
        <div className={formStyles.buttons}>
          <Button
            appearance="primary"
            disabledFocusable={busy}
            onClick={() =>
              void log(['different', draft], { roleId, partner: person, newPerson: true }, person.preferredName ?? person.fullName)
            }
          >
            A different person: log them
          </Button>
          <Button onClick={() => setStep({ kind: 'details' })}>Back to their details</Button>
        </div>
      </section>
    );
  }

  return (
    <form className={formStyles.form} aria-label="Log interest" onSubmit={submit} noValidate>
      <GuidanceText text={guidance.data.log} />
      <Field label="Role" required validationMessage={message('roleId')}>
        <Select
          ref={focusWhenShown}
          className={formStyles.choice}
          value={draft.roleId}
          onChange={(_event, data) => setDraft({ ...draft, roleId: data.value })}
        >
          {open.length > 1 && <option value="">Choose the role</option>}
          {open.map((role) => (
            <option key={role.id} value={role.id}>
              {role.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Full name" required validationMessage={message('partner.fullName')}>
        <Input autoComplete="off" value={draft.fullName} onChange={set('fullName')} />
      </Field>
      <Field label="What they like to be called (optional)" validationMessage={message('partner.preferredName')}>
        <Input autoComplete="off" value={draft.preferredName} onChange={set('preferredName')} />
      </Field>
      <Field label="Email (optional)" validationMessage={message('partner.email')}>
        <EmailInput value={draft.email} onChange={set('email')} />
      </Field>
      <Field label="Phone (optional)" validationMessage={message('partner.phone')}>
        <PhoneInput value={draft.phone} onChange={set('phone')} />
      </Field>
      <Field label="Preferred way to be contacted" validationMessage={message('partner.preferredContact')}>
        <ContactMethodSelect value={draft.preferredContact} onChange={set('preferredContact')} />
      </Field>
      <Field label="Access needs or adjustments (optional)" validationMessage={message('partner.accessNeeds')}>
        <Textarea value={draft.accessNeeds} onChange={set('accessNeeds')} />
      </Field>
      <Field validationMessage={message('partner.consentGiven')}>
        <Checkbox
          label={guidance.data.consent}
          checked={draft.consentGiven}
          onChange={(_event, data) => setDraft({ ...draft, consentGiven: data.checked === true })}
        />
      </Field>
      <FormRefusal refusal={refusal} fields={FIELDS_NAMED} />
      <div className={formStyles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Log interest
        </Button>
        <Button onClick={onDismiss}>Cancel</Button>
      </div>
    </form>
  );
}
