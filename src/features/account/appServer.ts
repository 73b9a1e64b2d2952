import { platformFetch, type FetchLike } from '../../sync/postSync.ts';

/** The app's own server, on the app's origin: the same one main.tsx starts the sync loop with. */
export const APP_SERVER: { fetch: FetchLike; baseUrl: string } = { fetch: platformFetch, baseUrl: '' };
