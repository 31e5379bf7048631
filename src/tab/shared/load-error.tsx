import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A read that failed, as {@link useLoad} reports it. */
export interface LoadFailure {
  /** The server's plain-language message. */
  readonly message: string;
  /** True when the server refused the person access (403) rather than failing. */
  readonly noAccess: boolean;
  readonly retry: () => void;
}

/** Props for {@link LoadError}. */
export interface LoadErrorProps {
  /** What could not be loaded, as a short title: "Could not load the workstreams". */
  readonly title: string;
  readonly failure: LoadFailure;
}

/**
 * A failed load: what failed, the server's message, and a Retry button. A refusal
 * of access is not a fault: it is titled as such and shows the server's sentence,
 * which says whom to ask; Try again is for once they have been added.
 */
export function LoadError({ title, failure }: LoadErrorProps) {
  return (
    <MessageBar intent={failure.noAccess ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{failure.noAccess ? 'You do not have access to this' : title}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={failure.retry}>{failure.noAccess ? 'Try again' : 'Retry'}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
