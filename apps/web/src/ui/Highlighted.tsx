import { highlightParts } from '../lib/highlight-parts';

/** A search hit's highlighted text (the API's escaped text with <mark>), the matched words in <mark>, never as HTML. */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
