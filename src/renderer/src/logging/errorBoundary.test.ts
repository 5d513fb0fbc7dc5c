import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { reportUncaughtErrors } from './uncaughtErrors';

const fakeLog = () => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() });

describe('the error boundary', () => {
  it('renders its children while nothing failed', () => {
    const html = renderToStaticMarkup(createElement(ErrorBoundary, { log: fakeLog(), children: createElement('p', null, 'the app') }));
    expect(html).toBe('<p>the app</p>');
  });

  it('after a render error shows the calm panel with the message and a Reload button, and logs the error', () => {
    const log = fakeLog();
    const reload = vi.fn();
    const boundary = new ErrorBoundary({ children: null, log, reload });
    const error = new Error('Cannot read properties of undefined');
    boundary.state = ErrorBoundary.getDerivedStateFromError(error);
    boundary.componentDidCatch(error, { componentStack: '\n    at ProgramView\n    at WatchApp' });
    const html = renderToStaticMarkup(createElement(() => boundary.render()));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Something went wrong');
    expect(html).toContain('Cannot read properties of undefined');
    expect(html).toContain('>Reload</button>');
    expect(log.error).toHaveBeenCalledWith('The page stopped rendering (at ProgramView)', error);
  });
});

describe('uncaught errors', () => {
  it('sends window errors and unhandled rejections to the logger', () => {
    const target = new EventTarget();
    const log = fakeLog();
    reportUncaughtErrors(target, log);
    const thrown = new Error('timer blew up');
    target.dispatchEvent(Object.assign(new Event('error'), { error: thrown, message: thrown.message }));
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'nobody awaited me' }));
    expect(log.error).toHaveBeenCalledWith('Uncaught error', thrown);
    expect(log.error).toHaveBeenCalledWith('Unhandled promise rejection', 'nobody awaited me');
  });
});
