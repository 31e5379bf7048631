import fs from 'node:fs';
import { z } from 'zod';
import { wholeNumber } from './variables';

/** The bot's own settings: where its guidance is, who the Engagement team is, documents and reminders. */
export interface BotSettings {
  /** Folder of the organisation's guidance files (Markdown, one per topic). */
  readonly guidanceDir: string;
  /** The Teams channel id of the Engagement team's channel, for adverts, questions and escalations. */
  readonly engagementChannelId: string | undefined;
  /** Links to the organisation's own documents, shown in guidance. */
  readonly documents: {
    readonly guideToPpp?: string;
    readonly expensesPolicy?: string;
    readonly confidentialityAgreement?: string;
    readonly involvementAgreement?: string;
    readonly coProductionFramework?: string;
  };
  readonly reminders: {
    /** Whether the in-process schedule runs; the HTTP trigger works either way. */
    readonly schedule: boolean;
    /** The hour of the day (in the organisation's time zone) from which reminders go out. */
    readonly hour: number;
    readonly dueWithinDays: number;
    readonly escalateAfterDays: number;
    readonly inductionStallDays: number;
    readonly closingWithinDays: number;
    /** The bearer token a hosted scheduler sends to `POST /api/reminders/run`. */
    readonly triggerToken: string | undefined;
  };
}

function link(name: string) {
  return z
    .url({
      protocol: /^https$/,
      error: (issue) => `${name}: "${String(issue.input)}" is not an https link. Set the document's https address, or leave it unset.`,
    })
    .optional();
}

/** The bot's variables, read by `loadConfig` with the server's. */
export const botVariables = z.object({
  GUIDANCE_DIR: z
    .string()
    .default('content/guidance')
    .refine((folder) => fs.existsSync(folder) && fs.statSync(folder).isDirectory(), {
      error: (issue) =>
        `GUIDANCE_DIR: there is no folder at "${String(issue.input)}". Point it at the guidance files (content/guidance in this repository).`,
    }),
  ENGAGEMENT_CHANNEL_ID: z
    .string()
    .regex(/^19:[^\s;]+$/, {
      error: (issue) => `ENGAGEMENT_CHANNEL_ID: "${String(issue.input)}" is not a Teams channel id like 19:abc@thread.tacv2.`,
    })
    .optional(),
  DOC_GUIDE_TO_PPP_URL: link('DOC_GUIDE_TO_PPP_URL'),
  DOC_EXPENSES_POLICY_URL: link('DOC_EXPENSES_POLICY_URL'),
  DOC_CONFIDENTIALITY_AGREEMENT_URL: link('DOC_CONFIDENTIALITY_AGREEMENT_URL'),
  DOC_INVOLVEMENT_AGREEMENT_URL: link('DOC_INVOLVEMENT_AGREEMENT_URL'),
  DOC_CO_PRODUCTION_FRAMEWORK_URL: link('DOC_CO_PRODUCTION_FRAMEWORK_URL'),
  REMINDERS: z.enum(['on', 'off'], { error: (issue) => `REMINDERS: "${String(issue.input)}" is not on or off.` }).default('on'),
  REMINDER_HOUR: wholeNumber('REMINDER_HOUR', 0, 23, 9),
  REMINDER_DUE_WITHIN_DAYS: wholeNumber('REMINDER_DUE_WITHIN_DAYS', 0, 60, 7),
  REMINDER_ESCALATE_AFTER_DAYS: wholeNumber('REMINDER_ESCALATE_AFTER_DAYS', 1, 365, 14),
  REMINDER_INDUCTION_STALL_DAYS: wholeNumber('REMINDER_INDUCTION_STALL_DAYS', 1, 365, 14),
  REMINDER_CLOSING_WITHIN_DAYS: wholeNumber('REMINDER_CLOSING_WITHIN_DAYS', 0, 60, 7),
  REMINDERS_TOKEN: z.string().min(24, { error: 'REMINDERS_TOKEN: use at least 24 random characters, or leave it unset.' }).optional(),
});

/** The bot's settings from its variables, parsed. */
export function botSettingsOf(values: z.infer<typeof botVariables>): BotSettings {
  return {
    guidanceDir: values.GUIDANCE_DIR,
    engagementChannelId: values.ENGAGEMENT_CHANNEL_ID,
    documents: {
      guideToPpp: values.DOC_GUIDE_TO_PPP_URL,
      expensesPolicy: values.DOC_EXPENSES_POLICY_URL,
      confidentialityAgreement: values.DOC_CONFIDENTIALITY_AGREEMENT_URL,
      involvementAgreement: values.DOC_INVOLVEMENT_AGREEMENT_URL,
      coProductionFramework: values.DOC_CO_PRODUCTION_FRAMEWORK_URL,
    },
    reminders: {
      schedule: values.REMINDERS === 'on',
      hour: values.REMINDER_HOUR,
      dueWithinDays: values.REMINDER_DUE_WITHIN_DAYS,
      escalateAfterDays: values.REMINDER_ESCALATE_AFTER_DAYS,
      inductionStallDays: values.REMINDER_INDUCTION_STALL_DAYS,
      closingWithinDays: values.REMINDER_CLOSING_WITHIN_DAYS,
      triggerToken: values.REMINDERS_TOKEN,
    },
  };
}
