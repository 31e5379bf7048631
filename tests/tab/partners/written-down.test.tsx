/** @jest-environment jsdom */
import { within } from '@testing-library/react';
import { activeActions, bookedOn, detail } from '../builders';
import { openPanel, section } from '../panel';

const WRITTEN = detail({
  involvement: {
    ...detail().involvement,
    stage: 'Paused',
    stageReason: 'Caring for a relative until the summer',
    chatAdjustments: 'Captions on; a break every half hour',
    chatNotes: 'Keen on the maternity voices work',
  },
  checklist: [],
  induction: null,
  oneToOnes: [
    bookedOn('2026-02-20', { id: 32, status: 'Held', heldBy: 'Jo Bloggs', notes: 'Settling in well' }),
    bookedOn('2026-01-09', { id: 30, status: 'Held', heldBy: 'Jo Bloggs', notes: 'Would like a mentor' }),
    bookedOn('2025-12-01', { id: 29, status: 'Held', heldBy: 'Jo Bloggs', notes: null }),
  ],
  actions: activeActions(false, { nextStages: ['Active', 'Ended'], pause: false, resume: true }),
  chatAdjustmentsTitle: 'Adjustments agreed at the informal chat',
});

function written(dialog: HTMLElement): Record<string, string> {
  const list = section(dialog, 'What staff wrote');
  return Object.fromEntries(
    within(list)
      .queryAllByRole('term')
      .map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? '']),
  );
}

describe('what staff wrote, read again in the partner panel', () => {
  it("shows the adjustments, the reason for the pause, the chat notes and every held one-to-one's notes with its date", async () => {
    const { dialog } = await openPanel(WRITTEN);
    expect(written(dialog)).toEqual({
      'Adjustments agreed at the informal chat': 'Captions on; a break every half hour',
      'Why they paused': 'Caring for a relative until the summer',
      'Informal chat notes': 'Keen on the maternity voices work',
      'One-to-one, Fri 20 Feb 2026': 'Settling in well',
      'One-to-one, Fri 9 Jan 2026': 'Would like a mentor',
    });
  });

  it('shows no notes about their experience without their consent to notes, and says why', async () => {
    const { dialog } = await openPanel({ ...WRITTEN, partner: { ...WRITTEN.partner, notesConsent: false, notesConsentDate: null } });
    expect(written(dialog)).toEqual({
      'Adjustments agreed at the informal chat': 'Captions on; a break every half hour',
      'Why they paused': 'Caring for a relative until the summer',
    });
    expect(within(section(dialog, 'What staff wrote')).getByText(/they have not given consent to notes/)).toBeInTheDocument();
  });

  it('says when nothing is written down', async () => {
    const { dialog } = await openPanel(detail());
    expect(within(section(dialog, 'What staff wrote')).getByText('Nothing written down yet.')).toBeInTheDocument();
  });
});
