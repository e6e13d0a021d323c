import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { KnowledgeSearch } from './KnowledgeSearch';
import { SubmitRequestForm } from './SubmitRequestForm';

/** The portal's front page: answers first (public articles), then a way to ask us. */
export function PortalHome() {
  const { hash } = useLocation();
  // The router does not scroll to an anchor (e.g. an article's "Send us a request"): do it once the page is there.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);

  return (
    <>
      <h1>How can we help?</h1>
      <KnowledgeSearch />
      <SubmitRequestForm />
    </>
  );
}
