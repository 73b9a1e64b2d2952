import { AdminHomePage } from './AdminHomePage.tsx';
import type { AdminView } from './adminView.ts';
import { CaseAssignmentPage } from './CaseAssignmentPage.tsx';
import { NewPersonPage } from './NewPersonPage.tsx';
import { OrganisationsPage } from './OrganisationsPage.tsx';
import { PeoplePage } from './PeoplePage.tsx';
import { PersonPage } from './PersonPage.tsx';

/**
 * Every administration screen, loaded as one chunk: few people use them, and
 * one lazy entry in the app shell weighs less on everyone's first load than six.
 */
export function AdminScreen({ view }: { view: AdminView }) {
  switch (view.screen) {
    case 'home':
      return <AdminHomePage />;
    case 'organisations':
      return <OrganisationsPage />;
    case 'people':
      return <PeoplePage />;
    case 'newPerson':
      return <NewPersonPage />;
    case 'person':
      return <PersonPage userId={view.userId} />;
    case 'cases':
      return <CaseAssignmentPage />;
  }
}
