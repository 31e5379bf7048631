import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ActionOutcome } from './use-action';

/** The outcome of the last change: a plain refusal with its reason, or what was done. Nothing while idle or busy. */
export function ActionMessage({ outcome }: { readonly outcome: ActionOutcome }) {
  if (outcome.kind === 'refused') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Not done</MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === 'done') {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{outcome.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
