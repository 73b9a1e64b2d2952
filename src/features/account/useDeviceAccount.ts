import { loadAccount, type DeviceAccount } from '../../storage/accountRepository.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

/**
 * The account signed in on this phone: undefined while it loads, null when
 * nobody is. Live, so a sign-in, a sign-out or a wipe of a revoked device
 * switches the app at once.
 */
export function useDeviceAccount(): DeviceAccount | null | undefined {
  return useLiveQuery(() => loadAccount(db), []);
}
