/** The ids of an ordered list (rules, policies) after moving one a step up (-1) or down (+1); unchanged at either end. */
export function movedOrder(ids: readonly string[], id: string, step: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const order = [...ids];
  [order[from], order[to]] = [order[to], order[from]];
  return order;
}
