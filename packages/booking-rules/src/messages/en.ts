import type { PageTextCatalog } from './catalog.js';

export const enPageText: PageTextCatalog = {
  reasons: {
    MEMBER_CALENDAR_ERROR:
      "A member's calendar connection has an error, so their availability cannot be read.",
    OWNER_LOCATION_ERROR:
      "The owner's connection for the page's location has an error, so meetings cannot be created.",
    NO_MEMBER_CALENDAR_AVAILABLE:
      "No member's calendar can be used: every member's calendar connection is in error or missing.",
    NO_MEMBER_LOCATION_AVAILABLE:
      "No member can use any of the page's locations: their location connections are in error or missing.",
    NO_ELIGIBLE_HOST: 'No member has both a working calendar and a usable location, so nobody can host.',
  },
  warnings: {
    HOSTS_UNAVAILABLE: ({ count, total }) => `${count} of ${total} hosts unavailable`,
    MEMBERS_WITHOUT_CALENDAR: ({ count, total }) => `${count} of ${total} members have no connected calendar`,
  },
};
