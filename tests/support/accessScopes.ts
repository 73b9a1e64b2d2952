import { EMPTY_SCOPE, type AccessScope } from '../../src/domain/accessScope.ts';
import { withVersion } from '../../src/server/sync/accessScopeStore.ts';

/** A scope with only what `over` gives (nothing else reached), versioned as the server versions scopes. */
export function scopeOf(over: Partial<Omit<AccessScope, 'version'>>): AccessScope {
  const { version, ...empty } = EMPTY_SCOPE;
  void version;
  return withVersion({ ...empty, ...over });
}
