import { Component, type ErrorInfo, type ReactNode } from 'react';
import { logger, type RendererLogger } from './logger';
import './errorBoundary.css';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Where the crash is reported; the page's logger unless a test passes its own. */
  log?: RendererLogger;
  /** Reloads the page; injected for tests. */
  reload?: () => void;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Around each app: a render error shows a calm panel with the message and a Reload button instead
 * of a blank window, and the error (with the component stack) goes to the log.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The innermost component of the stack says where; the whole stack is too long for one line.
    const where = info.componentStack?.trim().split('\n', 1)[0]?.trim();
    (this.props.log ?? logger).error(where ? `The page stopped rendering (${where})` : 'The page stopped rendering', error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const reload = this.props.reload ?? (() => location.reload());
    return (
      <div className="crash-panel" role="alert">
        <h1>Something went wrong</h1>
        <p className="crash-message">{error.message || 'An unexpected error stopped this page.'}</p>
        <button type="button" onClick={reload}>
          Reload
        </button>
      </div>
    );
  }
}
