import { MarkdownBody } from '../../../ui/MarkdownBody';

/** An article body as customers will see it on the portal; its headings sit below the preview's own (h2) heading. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  return (
    <div className="markdown-preview">
      {markdown.trim() === '' ? <p className="muted">Nothing to preview yet.</p> : <MarkdownBody markdown={markdown} topHeading={3} />}
    </div>
  );
}
