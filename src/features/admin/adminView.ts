/** Which administration screen an address opens (`#/admin/...`); the app's routes carry it. */
export type AdminView =
  | { screen: 'home' }
  | { screen: 'organisations' }
  | { screen: 'people' }
  | { screen: 'newPerson' }
  | { screen: 'person'; userId: string }
  | { screen: 'cases' };

/** `#/admin/<area>/<id>`: an unknown area opens administration's first screen. */
export function adminViewOf(area: string | undefined, id: string | undefined): AdminView {
  if (area === 'organisations') return { screen: 'organisations' };
  if (area === 'cases') return { screen: 'cases' };
  if (area === 'people' && id === 'new') return { screen: 'newPerson' };
  if (area === 'people' && id !== undefined) return { screen: 'person', userId: id };
  if (area === 'people') return { screen: 'people' };
  return { screen: 'home' };
}
