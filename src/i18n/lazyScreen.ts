import { lazy, type ComponentType } from 'react';
import { loadNamespace } from './setupI18n.ts';
import type { Namespace } from './languages.ts';

/** A lazily loaded screen that can also be fetched ahead of its first render. */
export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Starts fetching the screen's code (safe before i18n is set up). */
  preloadCode: () => void;
  /** Starts fetching the code and the strings (once i18n is set up). */
  preload: () => void;
};

/**
 * A screen that loads on first use together with its strings, so neither
 * weighs on the first screen; the service worker precaches both for offline
 * use. The screen renders only once its namespaces are in, never with raw keys.
 * `preload` lets the app start the screen it opens on while it boots, instead
 * of after its first render (docs/benchmarks.md: the chunk waterfall).
 */
export function lazyScreen<P extends object>(
  namespaces: readonly Namespace[],
  load: () => Promise<ComponentType<P>>,
): LazyScreen<P> {
  let code: Promise<ComponentType<P>> | undefined;
  let everything: Promise<{ default: ComponentType<P> }> | undefined;
  const loadCode = () => (code ??= load());
  const loadAll = () =>
    (everything ??= Promise.all([loadCode(), ...namespaces.map((ns) => loadNamespace(ns))]).then(([component]) => ({
      default: component,
    })));
  // A failed preload is not an error of its own: the render that needs the screen retries and reports it.
  const ignore = () => undefined;
  return Object.assign(lazy(loadAll), {
    preloadCode: () => void loadCode().catch(ignore),
    preload: () => void loadAll().catch(ignore),
  });
}
