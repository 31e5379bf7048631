import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Props for {@link LoadError}. */
export interface LoadErrorProps {
  /** What could not be loaded, as a short title: "Could not load the workstreams". */
  readonly title: string;
  /** The server's plain-language message. */
  readonly message: string;
  readonly onRetry: () => void;
}

/** A failed load: what failed, the server's message, and a Retry button. */
export function LoadError({ title, message, onRetry }: LoadErrorProps) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Retry</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
