/**
 * Lets Enter in any field submit the form it sits in, as people expect from a keyboard-first app:
 * browsers only submit on Enter when a form has a submit button, and dialogs keep theirs outside.
 */
export function EnterSubmits() {
  return <button type="submit" hidden tabIndex={-1} aria-hidden="true" />;
}
