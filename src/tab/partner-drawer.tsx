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
import { useCallback, useId, type ReactNode } from 'react';
import { invitationUrl, type ApiClient } from './api/client';
import type { CalendarDate, PartnerDetail } from './api/types';
import { InductionChecklist } from './induction/induction-checklist';
import { OneToOneSchedule } from './one-to-ones/one-to-one-schedule';
import { PartnerContact } from './partners/partner-contact';
import { StageActions } from './partners/stage-actions';
import { ActionMessage } from './shared/action-message';
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

function Details({ detail, api, today, onSaved }: { readonly detail: PartnerDetail; readonly api: ApiClient; readonly today: CalendarDate; readonly onSaved: () => void }) {
  const styles = useStyles();
  const action = useAction(onSaved);
  const busy = action.outcome.kind === 'busy';
  const { involvement, partner, checklist, induction } = detail;
  return (
    <div className={styles.body}>
      <div className={styles.summary}>
        <Text>{detail.role.title}</Text>
        <Badge appearance="tint" color="brand">
          Stage: {involvement.stage}
        </Badge>
        {involvement.ownerName && <Text>Named contact: {involvement.ownerName}</Text>}
      </div>
      <div aria-live="polite">
        <ActionMessage outcome={action.outcome} />
      </div>
      <Section title="Stage">
        {involvement.stage === 'Interested' && !involvement.acknowledgedDate && (
          <div>
            <Text block>Their interest has not been acknowledged yet: people should hear back promptly.</Text>
            <Button
              disabled={busy}
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
          onChange={(change) => action.run(() => api.changeStage(involvement, change), `${detail.name} moved on: ${change.to}.`)}
        />
      </Section>
      <Section title="Contact and access needs">
        <PartnerContact partner={partner} />
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
          onBook={(booking) => action.run(() => api.bookOneToOne(involvement.id, booking), 'One-to-one booked.')}
          onRecordHeld={(held) => action.run(() => api.recordHeld(involvement.id, held), 'One-to-one recorded as held.')}
          downloadInvitation={(oneToOneId) => api.download(invitationUrl(oneToOneId))}
        />
      </Section>
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
  readonly onClose: () => void;
  /** Called after every change, so the table behind shows it too. */
  readonly onChanged: () => void;
}

function DrawerContent({ api, involvementId, name, today, onClose, onChanged }: PartnerDrawerProps) {
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
        {detail.status === 'ready' && <Details detail={detail.data} api={api} today={today} onSaved={saved} />}
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
