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
