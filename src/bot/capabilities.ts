import { advertReviewCapability } from './capabilities/advert-review/advert-review-handler';
import { askCapability } from './capabilities/ask/ask-handler';
import { claimsCapability } from './capabilities/claims/claims-handler';
import { chatCapability } from './capabilities/chat/chat-handler';
import { dueThisWeekCapability } from './capabilities/due-this-week/due-this-week-handler';
import { helpCapability } from './capabilities/help/help-handler';
import { inductionCapability } from './capabilities/induction/induction-handler';
import { interestCapability } from './capabilities/interest/interest-handler';
import { myPartnersCapability } from './capabilities/my-partners/my-partners-handler';
import { nextStepCapability } from './capabilities/next-step/next-step-handler';
import { notesConsentCapability } from './capabilities/notes-consent/notes-consent-handler';
import { oneToOnesCapability } from './capabilities/one-to-ones/one-to-ones-handler';
import { partnerCapability } from './capabilities/partner/partner-handler';
import { pauseEndCapability } from './capabilities/pause-end/pause-end-handler';
import { peerNetworkCapability } from './capabilities/peer-network/peer-network-handler';
import { reviewsCapability } from './capabilities/reviews/reviews-handler';
import { rolesCapability } from './capabilities/roles/roles-handler';
import { sendRemindersCapability } from './capabilities/send-reminders/send-reminders-handler';
import { workstreamCapability } from './capabilities/workstream/workstream-handler';
import type { Capability } from './pathway/turn';

/** Everything the bot can do, one line each. */
export const CAPABILITIES: readonly Capability[] = [
  helpCapability,
  workstreamCapability,
  nextStepCapability,
  myPartnersCapability,
  dueThisWeekCapability,
  rolesCapability,
  advertReviewCapability,
  interestCapability,
  partnerCapability,
  chatCapability,
  inductionCapability,
  oneToOnesCapability,
  claimsCapability,
  pauseEndCapability,
  reviewsCapability,
  peerNetworkCapability,
  notesConsentCapability,
  askCapability,
  sendRemindersCapability,
];
