import { Route, Routes } from 'react-router';
import { RolloutDetailScreen } from './RolloutDetailScreen';
import { RolloutListScreen } from './RolloutListScreen';
import './rollouts.css';

/** The implementation lead's rollouts: the list (and creating one) at /app/rollouts, a rollout's timeline at /app/rollouts/:id. */
export function RolloutsArea() {
  return (
    <Routes>
      <Route index element={<RolloutListScreen />} />
      <Route path=":rolloutId" element={<RolloutDetailScreen />} />
    </Routes>
  );
}
