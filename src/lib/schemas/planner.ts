/** The planner's form fields; the same names in the page's query string and the accept form. */
export const FIELD = {
  planned: 'planned',
  include: (id: string) => `area-${id}`,
  priority: (id: string) => `priority-${id}`,
  size: (id: string) => `size-${id}`,
  capacity: (year: number) => `capacity-${year}`,
  dependency: 'dependency',
  addBefore: 'addBefore',
  addAfter: 'addAfter'
} as const;
