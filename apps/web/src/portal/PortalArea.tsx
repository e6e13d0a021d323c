import { Link, Route, Routes } from 'react-router';
import { ArticlePage } from './ArticlePage';
import { PortalHome } from './PortalHome';
import { RequestPage } from './RequestPage';
import { ServiceCatalogPage } from './ServiceCatalogPage';
import { ServiceItemPage } from './ServiceItemPage';
import './portal.css';

/** The customer portal below /portal: no login; a request's page is reached through the link mailed to its requester. */
export function PortalArea() {
  return (
    <div className="portal">
      <a className="skip-link" href="#portal-main">
        Skip to content
      </a>
      <header className="portal-header">
        <Link to="/portal" className="portal-brand">
          Help center
        </Link>
      </header>
      <main id="portal-main" className="portal-main">
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="requests/:token" element={<RequestPage />} />
          <Route path="articles/:id" element={<ArticlePage />} />
          <Route path="services" element={<ServiceCatalogPage />} />
          <Route path="services/:itemId" element={<ServiceItemPage />} />
          <Route path="*" element={<PortalNotFound />} />
        </Routes>
      </main>
    </div>
  );
}

function PortalNotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no such page. <Link to="/portal">Search our articles or send us a request</Link>.
      </p>
    </>
  );
}
