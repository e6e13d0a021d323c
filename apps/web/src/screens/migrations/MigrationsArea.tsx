import { Route, Routes } from 'react-router';
import { NewRunScreen } from './NewRunScreen';
import { RunDetailScreen } from './RunDetailScreen';
import { RunListScreen } from './RunListScreen';
import './migrations.css';

/** The migration operator's runs: the list at /app/migrations, starting one at /new, a run's progress at /:runId. */
export function MigrationsArea() {
  return (
    <Routes>
      <Route index element={<RunListScreen />} />
      <Route path="new" element={<NewRunScreen />} />
      <Route path=":runId" element={<RunDetailScreen />} />
    </Routes>
  );
}
