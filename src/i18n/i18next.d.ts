import 'i18next';
import type casework from '../../locales/en/casework.json';
import type common from '../../locales/en/common.json';
import type students from '../../locales/en/students.json';

// Keys are typed from the English files: a missing or misspelt key fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      students: typeof students;
      casework: typeof casework;
    };
  }
}
