import { useCallback, useEffect, useRef, useState } from 'react';
import { useIsOnline } from '../../state/onlineState.ts';
import { APP_SERVER } from '../account/appServer.ts';
import { fetchAuditPage, type AuditEvent, type AuditFailure, type AuditQuery } from './auditApi.ts';

export interface AuditTrail {
  events: readonly AuditEvent[];
  /** Every name the pages so far gave, so a person filter can offer them. */
  people: Readonly<Record<string, string>>;
  organisations: Readonly<Record<string, string>>;
  hasMore: boolean;
  /** 'first' while the newest page loads, 'older' while a further one does. */
  loading: 'first' | 'older' | null;
  failure: AuditFailure | null;
  online: boolean;
  query: AuditQuery;
  setQuery: (query: AuditQuery) => void;
  showOlder: () => void;
  retry: () => void;
}

interface Loaded {
  events: AuditEvent[];
  people: Record<string, string>;
  organisations: Record<string, string>;
  hasMore: boolean;
}

const NOTHING: Loaded = { events: [], people: {}, organisations: {}, hasMore: false };

/**
 * The audit trail, a page at a time from the server (newest first). A new
 * query starts again from the newest event; "show older" appends the next
 * page. Nothing is fetched while the browser says it is offline, and an
 * answer to a query that has since changed is dropped.
 */
export function useAuditTrail(): AuditTrail {
  const online = useIsOnline();
  const [query, setQueryState] = useState<AuditQuery>({});
  const [loaded, setLoaded] = useState<Loaded>(NOTHING);
  const [loading, setLoading] = useState<AuditTrail['loading']>(null);
  const [failure, setFailure] = useState<AuditFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Bumped by every new query: an older request's answer no longer belongs on screen.
  const generation = useRef(0);
  const names = useRef({ people: {}, organisations: {} });

  const load = useCallback(async (forQuery: AuditQuery, before: number | undefined, previous: Loaded) => {
    const mine = generation.current;
    setLoading(before === undefined ? 'first' : 'older');
    setFailure(null);
    const result = await fetchAuditPage(APP_SERVER.fetch, APP_SERVER.baseUrl, forQuery, before);
    if (mine !== generation.current) return;
    setLoading(null);
    if (!result.ok) {
      setFailure(result.reason);
      return;
    }
    const { page } = result;
    names.current = {
      people: { ...names.current.people, ...page.people },
      organisations: { ...names.current.organisations, ...page.organisations },
    };
    setLoaded({
      events: [...previous.events, ...page.events],
      ...names.current,
      hasMore: page.hasMore,
    });
  }, []);

  useEffect(() => {
    if (!online) return;
    generation.current += 1;
    setLoaded(NOTHING);
    void load(query, undefined, NOTHING);
  }, [online, query, attempt, load]);

  const showOlder = useCallback(() => {
    const oldest = loaded.events.at(-1);
    if (oldest === undefined || loading !== null) return;
    void load(query, oldest.id, loaded);
  }, [load, loaded, loading, query]);

  const retry = useCallback(() => {
    // The newest page failed: start again. A further page failed: ask for it again.
    if (loaded.events.length === 0) setAttempt((count) => count + 1);
    else void load(query, loaded.events.at(-1)?.id, loaded);
  }, [load, loaded, query]);

  const setQuery = useCallback((next: AuditQuery) => setQueryState({ ...next }), []);

  return {
    ...loaded,
    loading: online ? loading : null,
    failure,
    online,
    query,
    setQuery,
    showOlder,
    retry,
  };
}
