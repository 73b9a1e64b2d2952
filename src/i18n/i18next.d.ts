import 'i18next';
import type account from '../../locales/en/account.json';
import type audit from '../../locales/en/audit.json';
import type admin from '../../locales/en/admin.json';
import type cases from '../../locales/en/cases.json';
import type casework from '../../locales/en/casework.json';
import type dashboard from '../../locales/en/dashboard.json';
import type exportFiles from '../../locales/en/exports.json';
import type roster from '../../locales/en/roster.json';
import type map from '../../locales/en/map.json';
import type mapReport from '../../locales/en/mapReport.json';
import type common from '../../locales/en/common.json';
import type invitation from '../../locales/en/invitation.json';
import type lock from '../../locales/en/lock.json';
import type outbox from '../../locales/en/outbox.json';
import type plans from '../../locales/en/plans.json';
import type screening from '../../locales/en/screening.json';
import type students from '../../locales/en/students.json';
import type today from '../../locales/en/today.json';
import type visits from '../../locales/en/visits.json';

// Keys are typed from the English files: a missing or misspelt key fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      students: typeof students;
      casework: typeof casework;
      today: typeof today;
      cases: typeof cases;
      visits: typeof visits;
      screening: typeof screening;
      plans: typeof plans;
      outbox: typeof outbox;
      account: typeof account;
      invitation: typeof invitation;
      lock: typeof lock;
      audit: typeof audit;
      admin: typeof admin;
      dashboard: typeof dashboard;
      roster: typeof roster;
      map: typeof map;
      mapReport: typeof mapReport;
      exports: typeof exportFiles;
    };
  }
}
