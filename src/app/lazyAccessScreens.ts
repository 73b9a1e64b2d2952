import { lazyScreen } from '../i18n/lazyScreen.ts';

// Screens a signed-in, unlocked phone never opens at start: signing in, invitations, choosing a PIN, recovering
// it. Loaded on first use (the service worker precaches them for offline use), so the first load of the app a
// person uses every day carries only the unlock screen and the cipher (docs/benchmarks.md, bundle budget).
export const LazySignInPage = lazyScreen(
  ['account'],
  async () => (await import('../features/account/SignInPage.tsx')).SignInPage,
);
export const LazyAcceptInvitationPage = lazyScreen(
  ['account', 'invitation'],
  async () => (await import('../features/account/AcceptInvitationPage.tsx')).AcceptInvitationPage,
);
export const LazyPinSetupPage = lazyScreen(
  ['lock'],
  async () => (await import('../features/lock/PinSetupPage.tsx')).PinSetupPage,
);
export const LazyRecoverPage = lazyScreen(
  ['lock', 'account'],
  async () => (await import('../features/lock/RecoverPage.tsx')).RecoverPage,
);
