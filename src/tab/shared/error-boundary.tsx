import { Component, type ReactNode } from 'react';
import { LoadError } from './load-error';
import { messageOf } from './use-load';

/** Props for {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** What this area is, for the error title: "Could not show the workstream". */
  readonly title: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  /** The fault's message, or null while the area renders normally. */
  readonly message: string | null;
}

/**
 * Keeps a rendering fault in one area of the tab from blanking the whole tab: the
 * area shows the fault with a Retry that renders it again. React itself logs the fault.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { message: messageOf(error) };
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <LoadError
        title={this.props.title}
        failure={{ message: this.state.message, noAccess: false, retry: () => this.setState({ message: null }) }}
      />
    );
  }
}
