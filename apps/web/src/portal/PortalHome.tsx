import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { KnowledgeSearch } from './KnowledgeSearch';
import { SubmitRequestForm } from './SubmitRequestForm';

/** The portal's front page: answers first (public articles), then the service catalog, then a way to ask us. */
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
      <section className="card portal-section" aria-labelledby="portal-services-title">
        <h2 id="portal-services-title">Need something?</h2>
        <p>
          New equipment, an account, access: <Link to="/portal/services">Request a service</Link> from our catalog.
        </p>
      </section>
      <SubmitRequestForm />
    </>
  );
}
