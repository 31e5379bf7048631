import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient } from './api/client';
import type { CalendarDate, OneToOne, PartnerDetail, StageChange } from './api/types';
import { PartnerClaims } from './claims/partner-claims';
import { EqualityMonitoring } from './equality/monitoring-section';
import { InductionChecklist } from './induction/induction-checklist';
import { AcknowledgeInterest } from './interest/acknowledge-interest';
import { CadenceForm } from './one-to-ones/cadence-form';
import { OneToOneSchedule } from './one-to-ones/one-to-one-schedule';
import { NamedContact } from './partners/named-contact';
import { ChatGuide } from './partners/chat-guide';
import { ContactAndAccessNeeds } from './partners/partner-contact';
import { PeerNetwork } from './partners/peer-network';
import { StageActions } from './partners/stage-actions';
import { WrittenDown } from './partners/written-down';
import { Consents, NotesNeedConsent } from './personal-data/consents';
import { ReviewsSection } from './reviews/reviews-section';
import { DataProtection } from './personal-data/data-protection';
import { OutcomeRegion } from './shared/action-message';
import { useWordBadgeStyles } from './shared/badge-styles';
import type { Refusal } from './shared/form-refusal';
import { shortDate } from './shared/format';
import { LoadError } from './shared/load-error';
import { Section } from './shared/section';
import { useAction, useChangeKeys, type ActionOutcome } from './shared/use-action';
import { useLoad } from './shared/use-load';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    paddingBlockEnd: tokens.spacingVerticalXXL,
  },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * Says the partner's personal data was erased. It takes focus when shown: after an
 * erasure the button that asked for it is gone, and focus must stay in the panel
 * rather than fall back to the table behind it.
 */
function ErasedNotice({ erasedDate }: { readonly erasedDate: CalendarDate }) {
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    notice.current?.focus();
  }, []);
  return (
    <div ref={notice} tabIndex={-1}>
      <Text block>
        Their personal data was erased on {shortDate(erasedDate)}. Only what names no one is kept: stages, dates and counts. If they come
        back, record them as a new partner, with their consent.
      </Text>
    </div>
  );
}

interface DetailsProps {
  readonly detail: PartnerDetail;
  readonly api: ApiClient;
  readonly today: CalendarDate;
  readonly engagementTeam: boolean;
  readonly onSaved: () => void;
}

/** Whether the keyboard focus has fallen out of every open dialog: to the page, or to the table behind the panel. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.closest('[role="dialog"], [role="alertdialog"]') === null;
}

/** A form of the panel that is open: correcting details, changing the named contact, or moving a one-to-one. */
type OpenForm = { readonly kind: 'details' } | { readonly kind: 'named-contact' } | { readonly kind: 'move'; readonly oneToOneId: number };

/** A form a change can come from: one opened, or the cadence's (shown whenever the cadence can be set). */
type ChangeForm = OpenForm | { readonly kind: 'cadence' };

const formName = (form: ChangeForm): string => (form.kind === 'move' ? `move:${form.oneToOneId}` : form.kind);

/** The form still open once the partner is read again: one whose step the server no longer offers has gone. */
function stillOpen(form: OpenForm | null, detail: PartnerDetail): OpenForm | null {
  if (!form) return null;
  const { actions } = detail;
  switch (form.kind) {
    case 'details':
      return actions.editDetails ? form : null;
    case 'named-contact':
      return actions.reassign ? form : null;
    case 'move':
      return actions.changeBookedOneToOne && detail.oneToOnes.some((item) => item.id === form.oneToOneId && item.status === 'Booked')
        ? form
        : null;
  }
}

/**
 * What cancelling the booked one-to-one also changes: during induction, with no other
 * one-to-one booked or held, the checklist's "First one-to-one booked" is unticked.
 */
function cancellingAlso(detail: PartnerDetail, booked: OneToOne | undefined): string | null {
  if (!booked || detail.involvement.stage !== 'Induction') return null;
  const item = detail.checklist.find((task) => task.kind === 'One-to-one booked' && task.done);
  const others = detail.oneToOnes.some((other) => other.id !== booked.id && other.status !== 'Cancelled');
  if (!item || others) return null;
  const again = item.required ? ', to be done again before they can become Active' : '';
  return `As it is their only one-to-one so far, "${item.label}" on their induction checklist is unticked${again}.`;
}

function Details({ detail, api, today, engagementTeam, onSaved }: DetailsProps) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  const action = useAction(onSaved);
  const keys = useChangeKeys();
  const busy = action.outcome.kind === 'busy';
  const settled = action.outcome.kind === 'done' || action.outcome.kind === 'refused';
  const outcome = useRef<HTMLDivElement>(null);
  const bookDateId = useId();
  const monitoringHeadingId = useId();
  const [monitoringAsked, setMonitoringAsked] = useState(0);
  const [opened, setOpened] = useState<OpenForm | null>(null);
  // Which form the last change came from, so its refusal shows in that form while it is open.
  const [answering, setAnswering] = useState<string | null>(null);
  // The last change settled, and the partner as shown then, until they are read again after it.
  const answered = useRef<ActionOutcome | null>(null);
  const shownWhenSettled = useRef<PartnerDetail | null>(null);
  // Controls stay focusable while a change is saved, but the one that made it may be gone once the partner is read
  // again (a one-to-one recorded as held, an involvement with no further stages, a form closed). Focus then goes to what
  // was done, in the same commit, before Tabster would hand it to the table behind; outside the panel, Escape would not close it.
  // A change confirmed in a dialog may be read again while the dialog is still closing, with the focus in it: the button
  // it would give the focus back to is gone by then, so the focus goes to what was done too.
  useLayoutEffect(() => {
    if (!settled) return;
    if (answered.current !== action.outcome) {
      answered.current = action.outcome;
      shownWhenSettled.current = detail;
    }
    const readAgain = shownWhenSettled.current !== null && shownWhenSettled.current !== detail;
    if (readAgain) shownWhenSettled.current = null;
    const panel = outcome.current?.closest('[role="dialog"]');
    const outsidePanel = !panel?.contains(document.activeElement);
    if (focusLost() || (readAgain && outsidePanel)) outcome.current?.focus();
  });
  const { involvement, partner, checklist, induction, actions } = detail;
  const open = stillOpen(opened, detail);
  const refusal = action.outcome.kind === 'refused' ? action.outcome : null;
  const refusalIn = (form: ChangeForm): Refusal | null => (refusal && answering === formName(form) ? refusal : null);
  const refusedInForm = (open !== null && refusalIn(open) !== null) || (actions.setCadence && refusalIn({ kind: 'cadence' }) !== null);
  const booked = detail.oneToOnes.find((item) => item.status === 'Booked');

  /**
   * Runs one change under the key for `what` (the same press tried again keeps its key),
   * saying `done` when it is made; `from` names the form it came from, if any, and an opened one closes once it is made.
   */
  const change = async <T,>(
    what: unknown,
    request: (key: string) => Promise<T>,
    done: string | ((result: T) => string),
    from: ChangeForm | null = null,
  ) => {
    setAnswering(from ? formName(from) : null);
    const key = keys.keyFor(what);
    const made = await action.run(() => request(key), done);
    if (made) {
      keys.succeeded();
      if (from && from.kind !== 'cadence') setOpened(null);
    }
    return made;
  };
  const openForm = (form: OpenForm) => {
    setOpened(form);
    setAnswering(null);
  };

  const recordNotesConsent = () =>
    void action.run(() => api.recordNotesConsent(partner), `Consent to notes recorded for ${detail.name}, dated today.`);
  const notesBlocked = partner.notesConsent ? null : (
    <NotesNeedConsent name={detail.name} busy={busy} canRecord={actions.editDetails} onRecordNotesConsent={recordNotesConsent} />
  );
  const stageDone = (next: StageChange): string => {
    if (next.to === 'Chat booked' && involvement.stage === 'Chat booked') return `Informal chat moved for ${detail.name}.`;
    const cancelled =
      'cancelBooked' in next && next.cancelBooked && booked ? ` The one-to-one booked for ${shortDate(booked.date)} was cancelled.` : '';
    const decided = next.to === 'Chat held' && next.outcome ? ` Chat recorded, then: ${next.outcome.to}.` : '';
    return `${detail.name} moved on: ${next.to}.${decided}${cancelled}`;
  };
  // The form opens in its section, whose heading takes the focus (and so comes into view).
  const goToMonitoring = () => {
    setMonitoringAsked((times) => times + 1);
    document.getElementById(monitoringHeadingId)?.focus();
  };
  // Focusing the booking form's date brings it into view too.
  const goToBooking = () => document.getElementById(bookDateId)?.focus();
  return (
    <div className={styles.body}>
      <div className={styles.summary}>
        <Text>{detail.role.title}</Text>
        <Badge appearance="tint" color="brand" className={badge.badge}>
          Stage: {involvement.stage}
        </Badge>
        {involvement.ownerName && <Text>Named contact: {involvement.ownerName}</Text>}
        {actions.fillMonitoring && !partner.erasedDate && (
          <Button size="small" onClick={goToMonitoring}>
            Equality monitoring form
          </Button>
        )}
      </div>
      <OutcomeRegion ref={outcome} outcome={action.outcome} shown={!refusedInForm} />
      {partner.erasedDate ? (
        <ErasedNotice erasedDate={partner.erasedDate} />
      ) : (
        <>
          <Section level={3} title="Stage">
            {actions.acknowledgeInterest && (
              <AcknowledgeInterest
                involvementId={involvement.id}
                load={(signal) => api.acknowledgement(involvement.id, signal)}
                busy={busy}
                onRecord={() =>
                  void change(
                    ['acknowledge', involvement.id],
                    (key) => api.acknowledgeInterest(involvement, key),
                    `Interest acknowledged for ${detail.name}.`,
                  )
                }
              />
            )}
            {(actions.bookChat || actions.holdChat) && <ChatGuide load={(signal) => api.chatGuide(signal)} />}
            <StageActions
              involvement={involvement}
              actions={actions}
              booked={booked ?? null}
              busy={busy}
              notesBlocked={notesBlocked}
              selection={detail.selection}
              onChange={(next) =>
                change(['stage', involvement.id, next], (key) => api.changeStage(involvement, next, key), stageDone(next))
              }
            />
          </Section>
          <Section level={3} title="Named contact">
            <NamedContact
              workstreamId={involvement.workstreamId}
              ownerId={involvement.ownerId}
              ownerName={involvement.ownerName}
              name={detail.name}
              canChange={actions.reassign}
              choosing={open?.kind === 'named-contact'}
              onStart={() => openForm({ kind: 'named-contact' })}
              onStop={() => setOpened(null)}
              busy={busy}
              refusal={refusalIn({ kind: 'named-contact' })}
              loadMembers={(signal) => api.members({ workstreamId: involvement.workstreamId }, signal)}
              onChoose={(member) =>
                change(
                  ['named-contact', involvement.id, member.userId],
                  (key) => api.changeNamedContact(involvement, member.userId, key),
                  `${member.userName} is now ${detail.name}'s named contact.`,
                  { kind: 'named-contact' },
                )
              }
            />
          </Section>
          <Section level={3} title="Contact and access needs">
            <ContactAndAccessNeeds
              partner={partner}
              canCorrect={actions.editDetails}
              correcting={open?.kind === 'details'}
              onStart={() => openForm({ kind: 'details' })}
              onStop={() => setOpened(null)}
              busy={busy}
              refusal={refusalIn({ kind: 'details' })}
              onSave={(corrections) =>
                Object.keys(corrections).length === 0
                  ? change(
                      ['details', partner.id, 'unchanged'],
                      async () => undefined,
                      `Nothing to correct: ${detail.name}'s details are as they were.`,
                      { kind: 'details' },
                    )
                  : change(
                      ['details', partner.id, corrections],
                      (key) => api.correctPartner(partner, corrections, key),
                      `${detail.name}'s details corrected.`,
                      { kind: 'details' },
                    )
              }
            />
          </Section>
          <Section level={3} title="Peer Support Network">
            <PeerNetwork
              partner={partner}
              name={detail.name}
              actions={actions}
              busy={busy}
              onInvite={() =>
                void change(
                  ['peer-invite', partner.id],
                  (key) => api.invitePeerNetwork(partner, key),
                  `The invitation to the Peer Support Network is recorded for ${detail.name}.`,
                )
              }
              onAnswer={(answer) =>
                void change(
                  ['peer-answer', partner.id, answer],
                  (key) => api.recordPeerNetworkAnswer(partner, answer, key),
                  `Recorded: ${detail.name} ${answer === 'Joined' ? 'joined' : 'declined'} the Peer Support Network.`,
                )
              }
              onWithdraw={() =>
                void change(
                  ['peer-withdraw', partner.id],
                  (key) => api.withdrawPeerNetworkInvitation(partner, key),
                  `The invitation to the Peer Support Network is taken back for ${detail.name}.`,
                )
              }
            />
          </Section>
          <Section level={3} title="What staff wrote">
            <WrittenDown
              involvement={involvement}
              partner={partner}
              oneToOnes={detail.oneToOnes}
              name={detail.name}
              chatAdjustmentsTitle={detail.chatAdjustmentsTitle}
            />
          </Section>
          <Section level={3} title="Consent">
            <Consents
              partner={partner}
              name={detail.name}
              busy={busy}
              canChange={actions.editDetails}
              onRecordNotesConsent={recordNotesConsent}
              onWithdrawNotesConsent={() =>
                void action.run(
                  () => api.withdrawNotesConsent(partner),
                  `Consent to notes withdrawn for ${detail.name}: notes about their experience were deleted.`,
                )
              }
            />
          </Section>
          {(involvement.termEndDate || involvement.agreementsDue || involvement.accessReviewDue) && (
            <Section level={3} title="Reviews">
              <ReviewsSection involvement={involvement} api={api} onSaved={onSaved} />
            </Section>
          )}
          <Section level={3} title="Equality monitoring" headingId={monitoringHeadingId} focusableHeading>
            <EqualityMonitoring
              involvement={involvement}
              name={detail.name}
              api={api}
              onSaved={onSaved}
              canFill={actions.fillMonitoring}
              asked={monitoringAsked}
            />
          </Section>
          <Section level={3} title="Claims and payment">
            <PartnerClaims
              api={api}
              involvementId={involvement.id}
              partnerId={partner.id}
              name={detail.name}
              today={today}
              engagementTeam={engagementTeam}
            />
          </Section>
          {induction && (
            <Section level={3} title="Induction checklist">
              <InductionChecklist
                tasks={checklist}
                documents={detail.documents}
                progress={induction}
                editable={actions.changeChecklist}
                busy={busy}
                today={today}
                onGoToBooking={actions.bookOneToOne ? goToBooking : null}
                onComplete={(task, date) =>
                  void change(
                    ['tick', task.id, date],
                    (key) => api.completeTask(task, key, date),
                    task.kind === 'Peer Support Network invitation'
                      ? `Ticked: ${task.label}. The invitation to the Peer Support Network is recorded for ${detail.name}.`
                      : `Ticked: ${task.label}.`,
                  )
                }
                onReopen={(task) =>
                  void change(
                    ['untick', task.id],
                    (key) => api.reopenTask(task, key),
                    task.kind === 'Peer Support Network invitation'
                      ? `Unticked: ${task.label}. The invitation to the Peer Support Network is taken back.`
                      : `Unticked: ${task.label}.`,
                  )
                }
              />
            </Section>
          )}
          <Section level={3} title="One-to-ones">
            {actions.setCadence && (
              <CadenceForm
                cadenceWeeks={involvement.cadenceWeeks}
                busy={busy}
                refusal={refusalIn({ kind: 'cadence' })}
                onSet={(cadenceWeeks) =>
                  change(
                    ['cadence', involvement.id, cadenceWeeks],
                    (key) => api.setCadence(involvement, cadenceWeeks, key),
                    `One-to-ones for ${detail.name} are now every ${cadenceWeeks} weeks.`,
                    { kind: 'cadence' },
                  )
                }
              />
            )}
            <OneToOneSchedule
              oneToOnes={detail.oneToOnes}
              next={detail.nextOneToOne}
              can={actions}
              busy={busy}
              today={today}
              bookDateId={bookDateId}
              cancelAlso={cancellingAlso(detail, booked)}
              moving={open?.kind === 'move' ? open.oneToOneId : null}
              onStartMove={(oneToOne) => openForm({ kind: 'move', oneToOneId: oneToOne.id })}
              onStopMove={() => setOpened(null)}
              moveRefusal={open?.kind === 'move' ? refusalIn(open) : null}
              notesBlocked={notesBlocked}
              onBook={(booking) =>
                change(['book', involvement.id, booking], (key) => api.bookOneToOne(involvement.id, booking, key), 'One-to-one booked.')
              }
              onMove={(oneToOne, moved) =>
                change(
                  ['move', oneToOne.id, moved],
                  (key) => api.moveOneToOne(oneToOne, moved, key),
                  `One-to-one moved to ${shortDate(moved.date)}${moved.time ? ` at ${moved.time}` : ''}.`,
                  { kind: 'move', oneToOneId: oneToOne.id },
                )
              }
              onCancel={(oneToOne) =>
                void change(
                  ['cancel', oneToOne.id],
                  (key) => api.cancelOneToOne(oneToOne, key),
                  `One-to-one on ${shortDate(oneToOne.date)} cancelled.`,
                )
              }
              onRecordHeld={(held) =>
                change(['held', involvement.id, held], (key) => api.recordHeld(involvement.id, held, key), 'One-to-one recorded as held.')
              }
              downloadInvitation={(oneToOneId) => api.download('invitation', { oneToOneId })}
            />
          </Section>
          {engagementTeam && (
            <Section level={3} title="Their data (Engagement team)">
              <DataProtection
                partner={partner}
                claimsKept={detail.claimsKeptOnErasure}
                busy={busy}
                download={(format) => api.download(format === 'json' ? 'personalDataJson' : 'personalDataText', { partnerId: partner.id })}
                onErase={() =>
                  void action.run(
                    () => api.erasePartner(partner),
                    (kept) => `Personal data erased: they are now listed as Erased partner ${partner.id}. ${kept}`,
                  )
                }
              />
            </Section>
          )}
        </>
      )}
    </div>
  );
}

/** Props for {@link PartnerDrawer}. */
export interface PartnerDrawerProps {
  readonly api: ApiClient;
  /** Whether the panel is open; it stays mounted while closed, so it can animate out and hand focus back. */
  readonly open: boolean;
  /** The involvement shown. */
  readonly involvementId: number;
  /** The name from the table, shown while the detail loads. */
  readonly name: string;
  readonly today: CalendarDate;
  /** Whether the person is in the Engagement team, who alone may download or erase a person's data. */
  readonly engagementTeam?: boolean;
  readonly onClose: () => void;
  /** Called after every change, so the table behind shows it too. */
  readonly onChanged: () => void;
}

function DrawerContent({ api, involvementId, name, today, engagementTeam = false, onClose, onChanged }: PartnerDrawerProps) {
  const detail = useLoad(`partner:${involvementId}`, (signal) => api.partnerDetail(involvementId, signal));
  const { refresh } = detail;
  const saved = useCallback(() => {
    refresh();
    onChanged();
  }, [refresh, onChanged]);
  return (
    <>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}>
          {detail.status === 'ready' ? detail.data.partner.fullName : name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {detail.status === 'loading' && <Spinner label="Loading their details…" />}
        {detail.status === 'error' && <LoadError title="Could not load this partner" failure={detail} />}
        {detail.status === 'ready' && (
          <Details detail={detail.data} api={api} today={today} engagementTeam={engagementTeam} onSaved={saved} />
        )}
      </DrawerBody>
    </>
  );
}

/**
 * The panel for one partner in one role, read in one call: what can be done next as the
 * server says (stage steps, named contact, corrections, checklist, one-to-ones), what
 * staff wrote, consent and, for the Engagement team, their data.
 */
export function PartnerDrawer(props: PartnerDrawerProps) {
  const { open, onClose } = props;
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerContent {...props} />
    </OverlayDrawer>
  );
}
