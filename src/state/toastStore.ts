import { create } from 'zustand';

interface ToastState {
  message: string | undefined;
}

/** One short confirmation at a time ("Saved on this phone…"), announced politely to screen readers. */
export const useToastStore = create<ToastState>(() => ({ message: undefined }));

let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string, durationMs = 4000): void {
  if (timer !== undefined) clearTimeout(timer);
  useToastStore.setState({ message });
  timer = setTimeout(() => useToastStore.setState({ message: undefined }), durationMs);
}
