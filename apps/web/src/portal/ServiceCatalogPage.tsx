import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { PortalCatalogQuery } from './service-catalog-query';

/** /portal/services: what customers can ask for, by service; an item leads to its form. */
export function ServiceCatalogPage() {
  const [{ data, error, fetching }] = useQuery({ query: PortalCatalogQuery });
  return (
    <>
      <p className="portal-breadcrumb">
        <Link to="/portal">← Help center</Link>
      </p>
      <h1>Request a service</h1>
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the services" />}
      {data?.portalServiceCatalog.length === 0 && (
        <p>
          There is nothing to request here yet. <Link to="/portal#portal-request-title">Send us a request</Link> instead.
        </p>
      )}
      {data?.portalServiceCatalog.map((service) => (
        <section key={service.id} className="card portal-section" aria-labelledby={`service-${service.id}`}>
          <h2 id={`service-${service.id}`}>{service.name}</h2>
          {service.description && <p className="muted">{service.description}</p>}
          <ul className="portal-hits" aria-label={`What you can request of ${service.name}`}>
            {service.items.map((item) => (
              <li key={item.id}>
                <Link to={`/portal/services/${item.id}`}>{item.name}</Link>
                {item.description && <p className="muted">{item.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
