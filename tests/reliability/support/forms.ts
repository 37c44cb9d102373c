import { parse, type HTMLElement } from 'node-html-parser';

export interface FormSnapshot {
  /** The form's action attribute as written ('' posts back to the page). */
  action: string;
  method: string;
  /** Every successful control, as a browser would submit it without changes. */
  fields: [string, string][];
  /** Names of the text-like controls a person types into. */
  textFields: string[];
  /** Non-empty option values of each select. */
  options: Record<string, string[]>;
}

const TEXT_TYPES = new Set(['text', 'email', 'search', 'url', 'tel', 'number', 'date', '']);

/** Reads the forms of a page the way a browser would submit them. */
export function readForms(html: string): FormSnapshot[] {
  return parse(html)
    .querySelectorAll('form')
    .map((form) => readForm(form));
}

function readForm(form: HTMLElement): FormSnapshot {
  const fields: [string, string][] = [];
  const textFields: string[] = [];
  const options: Record<string, string[]> = {};
  for (const control of form.querySelectorAll('input, select, textarea')) {
    const name = control.getAttribute('name');
    if (!name || control.hasAttribute('disabled')) continue;
    const tag = control.tagName.toLowerCase();
    if (tag === 'textarea') {
      fields.push([name, control.textContent]);
      textFields.push(name);
    } else if (tag === 'select') {
      const choices = control.querySelectorAll('option');
      options[name] = choices.map((o) => o.getAttribute('value') ?? '').filter(Boolean);
      const chosen = choices.find((o) => o.hasAttribute('selected')) ?? choices[0];
      if (chosen) fields.push([name, chosen.getAttribute('value') ?? chosen.textContent]);
    } else {
      const type = (control.getAttribute('type') ?? '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') {
        if (control.hasAttribute('checked'))
          fields.push([name, control.getAttribute('value') ?? 'on']);
      } else if (type === 'file' || type === 'submit' || type === 'button') {
        continue;
      } else {
        fields.push([name, control.getAttribute('value') ?? '']);
        if (TEXT_TYPES.has(type)) textFields.push(name);
      }
    }
  }
  return {
    action: form.getAttribute('action') ?? '',
    method: (form.getAttribute('method') ?? 'get').toLowerCase(),
    fields,
    textFields,
    options
  };
}

/** The fields with some values replaced (every field of that name). */
export function withValues(fields: [string, string][], changes: Record<string, string>) {
  return fields.map(([name, value]): [string, string] => [
    name,
    name in changes ? changes[name]! : value
  ]);
}

/** The messages of a GOV.UK error summary, if the page has one. */
export function errorMessages(html: string): string[] {
  return parse(html)
    .querySelectorAll('.govuk-error-summary__list li, .govuk-error-message')
    .map((el) => el.textContent.replace(/\s+/g, ' ').trim());
}
