import { Cards } from '../../../src/bot/pathway/cards';

const template = {
  body: [
    { type: 'TextBlock', text: 'Hello ${name}' },
    { type: 'TextBlock', $data: '${items}', text: '${title}' },
    { type: 'TextBlock', text: 'Nothing yet', $when: '${count(items) == 0}' },
  ],
};

function texts(card: object): unknown[] {
  return (card as { body: Array<{ text: unknown }> }).body.map((block) => block.text);
}

describe('Cards', () => {
  it('fills the same template afresh for each card, whatever an earlier card held', () => {
    const cards = new Cards();
    const first = cards.render(template, { name: 'Ada', items: [{ title: 'One' }, { title: 'Two' }] });
    const second = cards.render(template, { name: 'Grace', items: [] });
    const third = cards.render(template, { name: 'Ada', items: [{ title: 'Three' }] });

    expect(texts(first)).toEqual(['Hello Ada', 'One', 'Two']);
    expect(texts(second)).toEqual(['Hello Grace', 'Nothing yet']);
    expect(texts(third)).toEqual(['Hello Ada', 'Three']);
  });

  it('shows what people typed as it is, never as a template expression, however often the card is made', () => {
    const cards = new Cards();
    for (let card = 0; card < 2; card += 1) {
      expect(texts(cards.render(template, { name: '${items}', items: [] }))).toEqual(['Hello ${items}', 'Nothing yet']);
    }
  });
});
