import { useMemo } from 'react';
import { linkify } from './linkify';

/**
 * Chat text as text nodes: never HTML. http(s) URLs become links that open outside the app with
 * no referrer; anything else that looks like a link stays inert text.
 */
export function ChatText({ text }: { text: string }) {
  const parts = useMemo(() => linkify(text), [text]);
  return (
    <span className="chat-text">
      {parts.map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
