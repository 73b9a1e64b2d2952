import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstInvalid, focusFirstInvalidNextFrame } from '../../../src/ui/focusFirstInvalid.ts';

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

describe('focusFirstInvalidNextFrame', () => {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const FORM = `
    <form>
      <input id="act" aria-invalid="true" />
      <input id="date" aria-invalid="true" />
      <button id="save">Save</button>
    </form>`;

  it('moves the focus from the Save button to the first marked field once the frame is drawn', async () => {
    document.body.innerHTML = FORM;
    document.getElementById('save')?.focus();
    focusFirstInvalidNextFrame(document.querySelector('form'));
    expect(document.activeElement?.id).toBe('save');
    await nextFrame();
    expect(document.activeElement?.id).toBe('act');
  });

  it('leaves the focus where the person already went before the frame, so their typing stays in that field', async () => {
    document.body.innerHTML = FORM;
    document.getElementById('save')?.focus();
    focusFirstInvalidNextFrame(document.querySelector('form'));
    document.getElementById('date')?.focus();
    await nextFrame();
    expect(document.activeElement?.id).toBe('date');
  });

  it('still moves it when the person only went to a control that takes no typing, such as a file chooser', async () => {
    document.body.innerHTML = FORM.replace('<button', '<input type="file" id="file" /><button');
    document.getElementById('save')?.focus();
    focusFirstInvalidNextFrame(document.querySelector('form'));
    document.getElementById('file')?.focus();
    await nextFrame();
    expect(document.activeElement?.id).toBe('act');
  });
});
