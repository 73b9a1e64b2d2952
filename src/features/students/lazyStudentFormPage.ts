import { lazy } from 'react';

/**
 * The form (and zod, which validates it) loads on first use, keeping the first
 * screen's bundle small; the service worker precaches the chunk for offline use.
 */
export const LazyStudentFormPage = lazy(async () => ({
  default: (await import('./StudentFormPage.tsx')).StudentFormPage,
}));
