import { advertisedRole, at, interested, workstream } from '../arrange';
import { button, buttonsOf, textOf, LEAD_PRINCIPAL, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

async function offered() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id);
  return at(t.service, await interested(t.service, role.id), 'Offered');
}

function item(card: unknown, label: string) {
  const found = buttonsOf(card).find(
    (candidate) =>
      candidate.verb === 'induction.tick' &&
      String(JSON.stringify(candidate.data)).includes(`"taskId"`) &&
      labelOf(card, candidate.data.taskId) === label,
  );
  if (!found) throw new Error(`No tick button for ${label}`);
  return found.data;
}

function labelOf(card: unknown, taskId: unknown): string | undefined {
  const columnSets: any[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'ColumnSet') columnSets.push(node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  const set = columnSets.find((candidate) => buttonsOf(candidate).some((b) => b.data.taskId === taskId));
  return set?.columns[0].items[0].text.replace(/^\S+ /, '');
}

describe('Induction', () => {
  it('lead starts induction / the card shows the checklist from the template, with what is left', async () => {
    const involvement = await offered();
    const { updated, replies } = await t.presses('induction.start', { involvementId: involvement.id, version: involvement.version });
    const text = textOf(updated);
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/^Induction started/)]);
    expect(text).toContain('Induction checklist: 0 of 12 done');
    expect(text).toContain('Still needed before Maya Jones can be Active: Welcome and introductions;');
    expect(text).toContain('Confidentiality agreement signed');
  });

  it("lead opens a partner in induction / the items about the organisation's documents link to those with a link set", async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    const text = textOf((await t.presses('partner.open', { involvementId: involvement.id })).updated);
    expect(text).toContain('Open the [expenses policy](https://example.org/expenses)');
    expect(text).not.toContain('Open the confidentiality agreement');
  });

  it('lead ticks an agreement with the date signed / the item shows that date', async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const data = item(card, 'Confidentiality agreement signed');
    const { updated } = await t.presses('induction.tick', { ...data, date: '2026-03-09' });
    expect(textOf(updated)).toContain('Signed Monday 9 March 2026');
    expect(textOf(updated)).toContain('1 of 12 done');
  });

  it('lead opens an agreement to tick / its "Date signed" starts at today, not a placeholder', async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const dates: unknown[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const element = node as Record<string, unknown>;
        if (element.type === 'Input.Date' && element.label === 'Date signed') dates.push(element.value);
        Object.values(element).forEach(walk);
      }
    };
    walk(card);
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(['2026-03-10']));
  });

  it('lead ticks an agreement with a date still to come / refused, item stays open', async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const { invoke } = await t.presses('induction.tick', { ...item(card, 'Involvement agreement signed'), date: '2026-03-20' });
    expect(invoke?.body.value).toBe('"Involvement agreement signed" cannot be recorded as done on a date that has not come yet.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).induction?.done).toBe(0);
  });

  it('lead presses Make Active with required items open / refusal names what is missing, stage stays Induction', async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const { invoke, updated } = await t.presses('induction.activate', button(card, 'induction.activate'));
    expect(updated).toBeUndefined();
    expect(invoke?.body.value).toMatch(/^Maya Jones cannot become Active: .*the confidentiality agreement is not signed yet/);
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.stage).toBe('Induction');
  });

  it('lead ticks every required item and presses Make Active / partner is Active with one-to-ones due', async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    let card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const detail = await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id);
    for (const task of detail.checklist.filter((candidate) => candidate.required)) {
      card =
        task.kind === 'One-to-one booked'
          ? (await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-17' })).updated
          : (await t.presses('induction.tick', { ...item(card, task.label), date: '2026-03-10' })).updated;
    }
    expect(textOf(card)).toContain('Every required item is done');
    const { updated, replies } = await t.presses('induction.activate', button(card, 'induction.activate'));
    expect(textOf(updated)).toContain('Active');
    expect(replies.map((reply) => reply.text)).toEqual(['Maya Jones is now Active. Their one-to-ones are due every 8 weeks.']);
  });

  it('lead unticks an item ticked by mistake / it is open again', async () => {
    const involvement = await at(t.service, await offered(), 'Induction');
    let card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    card = (await t.presses('induction.tick', item(card, 'Welcome and introductions'))).updated;
    const undo = buttonsOf(card).find((candidate) => candidate.verb === 'induction.reopen');
    const { updated } = await t.presses('induction.reopen', undo?.data ?? {});
    expect(textOf(updated)).toContain('0 of 12 done');
  });
});
