import type { ProfileId, ProtocolProfile } from '../protocolProfile.ts';
import { KOSOVO_PROFILE } from './kosovoProfile.ts';
import { SERBIA_PROFILE } from './serbiaProfile.ts';

/** The built-in profiles, before any administrator's overrides (profileOverrides.ts). */
export const PROFILES: Readonly<Record<ProfileId, ProtocolProfile>> = {
  XK: KOSOVO_PROFILE,
  RS: SERBIA_PROFILE,
};

/** The built-in profile a deployment or school uses; screens and scoring never pick values themselves. */
export function getProfile(id: ProfileId): ProtocolProfile {
  return PROFILES[id];
}
