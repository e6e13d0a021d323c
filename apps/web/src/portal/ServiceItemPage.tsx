import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { PortalCatalogQuery } from './service-catalog-query';
import { ServiceRequestForm } from './ServiceRequestForm';

/** /portal/services/:itemId: one catalog item and its form. */
export function ServiceItemPage() {
  const { itemId = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: PortalCatalogQuery });
  const service = data?.portalServiceCatalog.find((candidate) => candidate.items.some((item) => item.id === itemId));
  const item = service?.items.find((candidate) => candidate.id === itemId);

  return (
    <>
      <p className="portal-breadcrumb">
        <Link to="/portal/services">← All services</Link>
      </p>
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the form" />}
      {data && !item && (
        <>
          <h1>Not available</h1>
          <p>
            This cannot be requested (any more). <Link to="/portal/services">See what can be</Link>.
          </p>
        </>
      )}
      {service && item && (
        <>
          <p className="muted portal-kicker">{service.name}</p>
          <h1>{item.name}</h1>
          {item.description && <p>{item.description}</p>}
          <ServiceRequestForm itemId={item.id} fields={item.formFields} />
        </>
      )}
    </>
  );
}
