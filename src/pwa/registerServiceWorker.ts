// The plugin's virtual module exists only when vite-plugin-pwa runs (a build, not vitest); through this module
// tests can stand in for it.
export { useRegisterSW } from 'virtual:pwa-register/react';
