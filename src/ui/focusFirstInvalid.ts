/**
 * Moves focus to the first control marked wrong, so a screen reader and a
 * thumb both land on what needs correcting: an input with `aria-invalid`
 * (TextField, SelectField, TextAreaField, MultiChoiceField), or the first
 * option of a ChoiceField group marked `data-invalid` (radios cannot carry
 * aria-invalid), whichever comes first on the page.
 */
export function focusFirstInvalid(container: ParentNode | null | undefined): void {
  container?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input')?.focus();
}

/** Inputs that take no typing: moving the focus away from one loses nothing. */
const NOT_TYPED = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

function takesTyping(element: Element | null): boolean {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && !NOT_TYPED.has(element.type);
}

/**
 * The same, a frame later, once the marks are drawn — unless the person has
 * already gone on to type in another field by then: on a slow phone they may
 * be correcting the first field they saw marked, and taking the focus away
 * would send the rest of their typing into another field.
 */
export function focusFirstInvalidNextFrame(container: ParentNode | null | undefined): void {
  const focusedBefore = document.activeElement;
  requestAnimationFrame(() => {
    const focused = document.activeElement;
    if (focused === focusedBefore || !takesTyping(focused)) focusFirstInvalid(container);
  });
}
