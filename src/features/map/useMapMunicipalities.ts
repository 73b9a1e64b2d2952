import { useTranslation } from 'react-i18next';
import { displayName, isLanguage, type LocalizedName } from '../../domain/localizedName.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';

export interface MapMunicipality {
  id: string;
  /** The name in the interface language; the id's place is not on the phone yet when absent. */
  name: string | undefined;
  country: 'XK' | 'RS' | undefined;
}

export interface MapAccess {
  municipalities: MapMunicipality[];
  /** Who signs progress reports. */
  displayName: string;
}

/** The interface language as a name language (English when the tag is anything else). */
export function useNameLanguage() {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export function nameIn(name: LocalizedName | undefined, language: ReturnType<typeof useNameLanguage>) {
  return name === undefined ? undefined : displayName(name, language);
}

/**
 * The municipalities whose Action Plan the signed-in person keeps (a
 * coordinator's scope), with their names and countries from the places on
 * the phone. Undefined while loading; null for a role that keeps no plan.
 */
export function useMapMunicipalities(): MapAccess | null | undefined {
  const account = useDeviceAccount();
  const language = useNameLanguage();
  const ids = account?.scope.municipalityIds ?? [];
  const idList = ids.join(',');
  const places = useLiveQuery(
    async () => ({ idList, records: await db.municipalities.bulkGet(idList === '' ? [] : idList.split(',')) }),
    [idList],
  );
  if (account === undefined) return undefined;
  if (account === null || ids.length === 0) return null;
  if (places?.idList !== idList) return undefined;
  return {
    displayName: account.user.displayName,
    municipalities: ids.map((id, index) => {
      const record = places.records[index];
      return { id, name: nameIn(record?.name, language), country: record?.country };
    }),
  };
}
