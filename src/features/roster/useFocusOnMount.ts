import { useEffect, useRef } from 'react';

/**
 * Focus on a step's heading when the step appears: the control that led there
 * (the file field, a button) is gone, and focus left on nothing sends a
 * screen reader back to the top of the page.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
