import { Template } from 'adaptivecards-templating';
import type { Card } from './messages';

/** Teams refuses messages over about 28 KB; cards stay under this. */
export const CARD_SIZE_LIMIT = 28 * 1024;

/** The verb of the "Next step" button every card carries. */
export const NEXT_STEP_VERB = 'next';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Gives each `Action.Execute` (Universal Actions) an `Action.Submit` fallback
 * carrying the same data and verb, for clients without Universal Actions.
 */
function withFallbacks(node: Json): Json {
  if (Array.isArray(node)) return node.filter((item) => item !== null).map(withFallbacks);
  if (!isObject(node)) return node;
  const copy: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withFallbacks(value);
  if (copy.type === 'Action.Execute') {
    const data = isObject(copy.data) ? copy.data : {};
    copy.fallback = { type: 'Action.Submit', title: copy.title, data: { ...data, verb: copy.verb } };
  }
  return copy;
}

function hasVerb(node: Json, verb: string): boolean {
  if (Array.isArray(node)) return node.some((item) => hasVerb(item, verb));
  if (!isObject(node)) return false;
  return node.verb === verb || Object.values(node).some((value) => hasVerb(value, verb));
}

/**
 * Builds Adaptive Cards (schema 1.5) from templates with adaptivecards-templating.
 * Values from data are never expanded again, so what people typed cannot inject
 * template expressions. Every card gets a "Next step" button, and a card that would
 * exceed Teams' size limit is an error in the template, not something to send.
 */
export class Cards {
  /**
   * Each template parsed once: parsing its expressions is most of the cost of a card
   * (about 10 ms for the help card, 100 ms for a partner's), expanding it is little.
   * Card templates are module constants, so they are never changed once parsed.
   */
  private readonly parsed = new WeakMap<object, Template>();

  /** Expands a card template with `data` as its `$root`. */
  render(template: object, data: object): Card {
    const expanded = this.parsedOf(template).expand({ $root: data }) as Record<string, Json>;
    const body = Array.isArray(expanded.body) ? expanded.body : [];
    const actions = Array.isArray(expanded.actions) ? expanded.actions : [];
    const card = withFallbacks({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      ...expanded,
      body,
      actions: hasVerb(expanded, NEXT_STEP_VERB)
        ? actions
        : [...actions, { type: 'Action.Execute', title: 'Next step', verb: NEXT_STEP_VERB, data: {} }],
    }) as Card;
    const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (size > CARD_SIZE_LIMIT) throw new Error(`A card came to ${size} bytes, over the ${CARD_SIZE_LIMIT} byte limit`);
    return card;
  }

  private parsedOf(template: object): Template {
    let parsed = this.parsed.get(template);
    if (!parsed) {
      parsed = new Template(template);
      this.parsed.set(template, parsed);
    }
    return parsed;
  }
}
