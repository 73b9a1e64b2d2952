import { lazy, type ComponentType } from 'react';
import { loadNamespace } from './setupI18n.ts';
import type { Namespace } from './languages.ts';

/**
 * A screen that loads on first use together with its strings, so neither
 * weighs on the first screen; the service worker precaches both for offline
 * use. The screen renders only once its namespaces are in, never with raw keys.
 */
export function lazyScreen<P extends object>(
  namespaces: readonly Namespace[],
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  return lazy(async () => {
    const [component] = await Promise.all([load(), ...namespaces.map((ns) => loadNamespace(ns))]);
    return { default: component };
  });
}
