import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { invitationUrl, personalDataUrl, type ApiClient } from './api/client';
import type { CalendarDate, PartnerDetail } from './api/types';
import { InductionChecklist } from './induction/induction-checklist';
import { OneToOneSchedule } from './one-to-ones/one-to-one-schedule';
import { PartnerContact } from './partners/partner-contact';
import { StageActions } from './partners/stage-actions';
import { Consents, NotesNeedConsent } from './personal-data/consents';
import { DataProtection } from './personal-data/data-protection';
import { ActionMessage } from './shared/action-message';
import { useWordBadgeStyles } from './shared/badge-styles';
import { shortDate } from './shared/format';
import { LoadError } from './shared/load-error';
import { useAction } from './shared/use-action';
import { useLoad } from './shared/use-load';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    paddingBlockEnd: tokens.spacingVerticalXXL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  outcome: {
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

const ONE_TO_ONE_STAGES = ['Induction', 'Active', 'Paused'];

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

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
        Their personal data was erased on {shortDate(erasedDate)}. Only what names no one is kept: stages, dates and counts. If
        they come back, record them as a new partner, with their consent.
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

function Details({ detail, api, today, engagementTeam, onSaved }: DetailsProps) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  const action = useAction(onSaved);
  const busy = action.outcome.kind === 'busy';
  const settled = action.outcome.kind === 'done' || action.outcome.kind === 'refused';
  const outcome = useRef<HTMLDivElement>(null);
  // Controls stay focusable while a change is saved, but the one that made it may be gone once the partner is read
  // again (a one-to-one recorded as held, an involvement with no further stages). Focus then goes to what was done,
  // in the same commit, before Tabster would hand it to the table behind; outside the panel, Escape would not close it.
  useLayoutEffect(() => {
    if (settled && focusLost()) outcome.current?.focus();
  });
  const { involvement, partner, checklist, induction } = detail;
  const recordNotesConsent = () =>
    void action.run(() => api.recordNotesConsent(partner), `Consent to notes recorded for ${detail.name}, dated today.`);
  const notesBlocked = partner.notesConsent ? null : <NotesNeedConsent name={detail.name} busy={busy} onRecordNotesConsent={recordNotesConsent} />;
  return (
    <div className={styles.body}>
      <div className={styles.summary}>
        <Text>{detail.role.title}</Text>
        <Badge appearance="tint" color="brand" className={badge.badge}>
          Stage: {involvement.stage}
        </Badge>
        {involvement.ownerName && <Text>Named contact: {involvement.ownerName}</Text>}
      </div>
      <div ref={outcome} tabIndex={-1} className={styles.outcome} aria-live="polite">
        <ActionMessage outcome={action.outcome} />
      </div>
      {partner.erasedDate ? (
        <ErasedNotice erasedDate={partner.erasedDate} />
      ) : (
        <>
          <Section title="Stage">
            {involvement.stage === 'Interested' && !involvement.acknowledgedDate && (
              <div>
                <Text block>Their interest has not been acknowledged yet: people should hear back promptly.</Text>
                <Button
                  disabledFocusable={busy}
                  onClick={() => void action.run(() => api.acknowledgeInterest(involvement), `Interest acknowledged for ${detail.name}.`)}
                >
                  Record interest acknowledged today
                </Button>
              </div>
            )}
            <StageActions
              stage={involvement.stage}
              nextStages={detail.nextStages}
              busy={busy}
              notesBlocked={notesBlocked}
              onChange={(change) => action.run(() => api.changeStage(involvement, change), `${detail.name} moved on: ${change.to}.`)}
            />
          </Section>
          <Section title="Contact and access needs">
            <PartnerContact partner={partner} />
          </Section>
          <Section title="Consent">
            <Consents
              partner={partner}
              name={detail.name}
              busy={busy}
              onRecordNotesConsent={recordNotesConsent}
              onWithdrawNotesConsent={() =>
                void action.run(() => api.withdrawNotesConsent(partner), `Consent to notes withdrawn for ${detail.name}: notes about their experience were deleted.`)
              }
            />
          </Section>
          {induction && (
            <Section title="Induction checklist">
              <InductionChecklist
                tasks={checklist}
                progress={induction}
                editable={involvement.stage === 'Induction'}
                busy={busy}
                today={today}
                onComplete={(task, date) => void action.run(() => api.completeTask(task, date), `Ticked: ${task.label}.`)}
                onReopen={(task) => void action.run(() => api.reopenTask(task), `Unticked: ${task.label}.`)}
              />
            </Section>
          )}
          <Section title="One-to-ones">
            <OneToOneSchedule
              oneToOnes={detail.oneToOnes}
              next={detail.nextOneToOne}
              open={ONE_TO_ONE_STAGES.includes(involvement.stage)}
              busy={busy}
              today={today}
              notesBlocked={notesBlocked}
              onBook={(booking) => action.run(() => api.bookOneToOne(involvement.id, booking), 'One-to-one booked.')}
              onRecordHeld={(held) => action.run(() => api.recordHeld(involvement.id, held), 'One-to-one recorded as held.')}
              downloadInvitation={(oneToOneId) => api.download(invitationUrl(oneToOneId))}
            />
          </Section>
          {engagementTeam && (
            <Section title="Their data (Engagement team)">
              <DataProtection
                partner={partner}
                busy={busy}
                download={(format) => api.download(personalDataUrl(partner.id, format))}
                onErase={() => void action.run(() => api.erasePartner(partner), `Personal data erased: they are now listed as Erased partner ${partner.id}.`)}
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
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
        >
          {detail.status === 'ready' ? detail.data.partner.fullName : name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {detail.status === 'loading' && <Spinner label="Loading their details…" />}
        {detail.status === 'error' && <LoadError title="Could not load this partner" failure={detail} />}
        {detail.status === 'ready' && <Details detail={detail.data} api={api} today={today} engagementTeam={engagementTeam} onSaved={saved} />}
      </DrawerBody>
    </>
  );
}

/** The panel for one partner in one role: contact, checklist, one-to-ones and stage actions, read in one call. */
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
