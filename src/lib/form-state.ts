/** The errors and refill values an action returned with `fail()`, whatever else it returns. */
export function formErrors(form: unknown): Record<string, string> {
  return pick(form, 'errors');
}

export function formValues(form: unknown): Record<string, string> {
  return pick(form, 'values');
}

function pick(form: unknown, key: 'errors' | 'values'): Record<string, string> {
  if (form && typeof form === 'object' && key in form) {
    const value = (form as Record<string, unknown>)[key];
    if (value && typeof value === 'object') return value as Record<string, string>;
  }
  return {};
}
