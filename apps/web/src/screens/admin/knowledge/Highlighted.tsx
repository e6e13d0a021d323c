import { highlightParts } from './highlight';

/** A search hit's highlighted text, the matched words in <mark>. */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
