import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstInvalid } from '../../../src/ui/focusFirstInvalid.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusFirstInvalid', () => {
  it('focuses the first wrong control in page order, a radio group included', () => {
    document.body.innerHTML = `
      <form>
        <fieldset aria-describedby="hint"><p id="hint">hint</p><input type="checkbox" id="fine" /></fieldset>
        <fieldset data-invalid="true"><input type="radio" id="first-radio" /><input type="radio" /></fieldset>
        <input id="wrong-text" aria-invalid="true" />
      </form>`;
    focusFirstInvalid(document.querySelector('form'));
    expect(document.activeElement?.id).toBe('first-radio');
  });

  it('focuses a marked input before a later wrong group, and does nothing when all is right', () => {
    document.body.innerHTML = `
      <form>
        <input id="wrong-text" aria-invalid="true" />
        <fieldset data-invalid="true"><input type="radio" /></fieldset>
      </form>`;
    focusFirstInvalid(document.querySelector('form'));
    expect(document.activeElement?.id).toBe('wrong-text');

    document.body.innerHTML = '<form><input id="right" /></form>';
    focusFirstInvalid(document.querySelector('form'));
    expect(document.activeElement).toBe(document.body);
  });
});
