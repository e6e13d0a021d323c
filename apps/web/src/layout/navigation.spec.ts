import { areasFor, homePathFor, mayOpen } from './navigation';

describe('console navigation', () => {
  it('offers an agent the tickets only', () => {
    expect(areasFor(['AGENT']).map((area) => area.id)).toEqual(['tickets']);
    expect(mayOpen('board', ['AGENT'])).toBe(false);
  });

  it('offers each role the areas whose data the API gives it', () => {
    expect(areasFor(['SUPERVISOR']).map((area) => area.id)).toEqual(['tickets', 'board']);
    expect(areasFor(['IMPLEMENTATION_LEAD']).map((area) => area.id)).toEqual(['rollouts']);
    expect(areasFor(['MIGRATION_OPERATOR']).map((area) => area.id)).toEqual(['migrations']);
    expect(areasFor(['ADMIN']).map((area) => area.id)).toEqual(['tickets', 'board', 'rollouts', 'migrations', 'admin']);
  });

  it('joins the areas of several roles and lands on the first', () => {
    expect(areasFor(['MIGRATION_OPERATOR', 'IMPLEMENTATION_LEAD']).map((area) => area.id)).toEqual(['rollouts', 'migrations']);
    expect(homePathFor(['MIGRATION_OPERATOR', 'IMPLEMENTATION_LEAD'])).toBe('/app/rollouts');
    expect(homePathFor([])).toBeUndefined();
  });
});
