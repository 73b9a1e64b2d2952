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

/**
 * The profile for a case whose school is not on the device yet (it arrives
 * with a later pull): that of the country most of the device's schools are
 * in, Kosovo on a device with none. One rule for every screen, so Today and
 * the case list never disagree about a case's deadlines.
 */
export function fallbackProfileId(schools: Iterable<{ country: ProfileId }>): ProfileId {
  let kosovo = 0;
  let serbia = 0;
  for (const school of schools) {
    if (school.country === 'RS') serbia += 1;
    else kosovo += 1;
  }
  return serbia > kosovo ? 'RS' : 'XK';
}
