import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { RolloutsReviewsQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { formatKpi, formatKpiChange, kpiLabel } from './kpi-format';
import { formatDay } from './timeline-layout';

/** A review as the panel shows it, whether recorded on its day or asked for now. */
export const RolloutsReviewFieldsFragment = graphql(`
  fragment RolloutsReviewFields on RolloutReview {
    day
    at
    from
    to
    comparison {
      kpi
      baseline
      actual
      change
      improved
    }
    roi {
      benefits
      costs
      roi
    }
  }
`);

const RolloutsReviewsDocument = graphql(`
  query RolloutsReviews($id: ID!) {
    rollout(id: $id) {
      id
      reviews {
        ...RolloutsReviewFields
      }
    }
  }
`);

const RolloutsReviewNowDocument = graphql(`
  query RolloutsReviewNow($rolloutId: ID!) {
    rolloutReviewNow(rolloutId: $rolloutId) {
      ...RolloutsReviewFields
    }
  }
`);

type Review = RolloutsReviewsQuery['rollout']['reviews'][number];

/** The +7/+30/+90-day reviews after go-live: each KPI against the baseline, and the ROI; a review measured now on demand. */
export function ReviewsPanel({ rolloutId }: { rolloutId: string }) {
  const [{ data, error }] = useQuery({ query: RolloutsReviewsDocument, variables: { id: rolloutId } });
  const [measureNow, setMeasureNow] = useState(false);
  const [now] = useQuery({ query: RolloutsReviewNowDocument, variables: { rolloutId }, pause: !measureNow, requestPolicy: 'network-only' });

  return (
    <section className="card stack" aria-labelledby="reviews-heading">
      <div className="page-header">
        <h2 id="reviews-heading">Reviews against the baseline</h2>
        <button type="button" className="secondary" onClick={() => setMeasureNow(true)} disabled={now.fetching}>
          {now.fetching ? 'Measuring…' : 'Measure now'}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {!data && !error && <Loading what="Loading the reviews" />}
      {data && data.rollout.reviews.length === 0 && <p className="muted">The reviews come 7, 30 and 90 days after go-live; none is due yet.</p>}
      {data?.rollout.reviews.map((review) => <ReviewTable key={review.day} review={review} title={`Day ${review.day} review`} />)}
      {now.error && <ErrorNotice error={now.error} />}
      {now.data && <ReviewTable review={now.data.rolloutReviewNow} title="Measured now" />}
    </section>
  );
}

function ReviewTable({ review, title }: { review: Review; title: string }) {
  const roi = review.roi.roi === null || review.roi.roi === undefined ? 'not known (no cost recorded)' : `${Math.round(review.roi.roi * 100)} %`;
  return (
    <article className="stack">
      <h3>
        {title} <span className="muted">({formatDay(review.from.slice(0, 10))} to {formatDay(review.to.slice(0, 10))})</span>
      </h3>
      <table className="rollout-table" aria-label={`${title}: KPIs against the baseline`}>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Baseline</th>
            <th scope="col">Now</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {review.comparison.map((entry) => (
            <tr key={entry.kpi}>
              <th scope="row">{kpiLabel(entry.kpi)}</th>
              <td>{formatKpi(entry.kpi, entry.baseline)}</td>
              <td>{formatKpi(entry.kpi, entry.actual)}</td>
              <td>
                {formatKpiChange(entry.kpi, entry.change)}
                {entry.improved !== null && entry.improved !== undefined && (
                  <span className={`badge review-verdict ${entry.improved ? 'badge-ok' : 'badge-danger'}`}>{entry.improved ? 'better' : 'worse'}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Costs {review.roi.costs.toLocaleString()} · benefits {review.roi.benefits.toLocaleString()} · ROI {roi}
      </p>
    </article>
  );
}
