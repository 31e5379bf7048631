import { RefusedError } from '../../../domain';
import type { RelayedQuestion } from '../../pathway/memory';
import { optionalText } from '../../pathway/inputs';
import { replace, say, type Capability, type Card, type TurnResult, type TurnScope } from '../../pathway/turn';
import template from './question-card.json';

const MAX_QUESTION = 1000;
const MAX_ANSWER = 2000;

function questionCard(scope: TurnScope, id: string, question: RelayedQuestion, answer: string): Card {
  return scope.cards.render(template, {
    askedBy: question.askedBy,
    workstreamText: question.workstream ? ` (${question.workstream})` : '',
    question: question.question,
    answerText: answer,
    open: answer === '',
    ref: { questionId: id },
  });
}

async function relay(scope: TurnScope, text: string): Promise<TurnResult> {
  const question = text.trim();
  if (question.length > MAX_QUESTION) return say(`Please keep the question to ${MAX_QUESTION} characters or fewer; nothing was sent.`);
  const channel = scope.engagementChannelId;
  if (!channel || (await scope.memory.reference('channel', channel)) === undefined) {
    return say(
      "The Engagement team's channel is not connected to Partner Pathway yet, so I could not pass your question on. Nothing was sent.",
    );
  }
  const id = globalThis.crypto.randomUUID();
  const record: RelayedQuestion = {
    askedBy: scope.turn.actor.name,
    askedIn: scope.turn.conversation.id,
    question,
    workstream: scope.workstream?.title ?? null,
  };
  await scope.memory.saveQuestion(id, record);
  const sent = await scope.messenger.send(
    { teamsChannelId: channel },
    { card: questionCard(scope, id, record, ''), summary: 'A question for the Engagement team' },
  );
  if (!sent) return say('I could not reach the Engagement team just now. Nothing was sent; please try again later.');
  return say('I have passed your question to the Engagement team. Their answer will come back here.');
}

/** `ask <question>`: relays a question to the Engagement team's channel, and brings their answer back. */
export const askCapability: Capability = {
  name: 'ask',
  needsWorkstream: false,
  triggers: ['ask', 'ask the engagement team', 'question'],
  async onText(scope, rest) {
    if (rest.trim() !== '') return relay(scope, rest);
    const { state, etag } = await scope.memory.conversation(scope.turn.conversation.id);
    await scope.memory.saveConversation(scope.turn.conversation.id, { ...state, awaiting: 'ask' }, etag);
    return say('What would you like to ask the Engagement team? Type your question and I will pass it on.');
  },
  onAwaitedText: (scope, text) => relay(scope, text),
  actions: {
    async 'ask.answer'(scope, data) {
      if (!scope.isEngagementTeam)
        throw new RefusedError('engagement-only', 'Only the Engagement team can answer relayed questions, in their own channel.');
      const id = typeof data.questionId === 'string' ? data.questionId : '';
      const stored = id ? await scope.memory.question(id) : undefined;
      if (!stored) return say('I no longer have that question, so the answer was not sent.');
      if (stored.value.answeredBy) return say(`${stored.value.answeredBy} has already answered this question. Nothing more was sent.`);
      const answer = optionalText(data.answer);
      if (typeof answer !== 'string') return say('Type an answer before sending. Nothing was sent.');
      if (answer.length > MAX_ANSWER) return say(`Please keep the answer to ${MAX_ANSWER} characters or fewer. Nothing was sent.`);
      await scope.memory.saveQuestion(id, { ...stored.value, answeredBy: scope.turn.actor.name }, stored.etag);
      await scope.messenger.send(
        { conversationId: stored.value.askedIn },
        { text: `The Engagement team (${scope.turn.actor.name}) answered your question "${stored.value.question}":\n\n${answer}` },
      );
      return replace(questionCard(scope, id, stored.value, `Answered by ${scope.turn.actor.name}: ${answer}`), 'Question answered');
    },
  },
};
