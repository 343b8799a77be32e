import type { PageTextCatalog } from './catalog.js';

export const plPageText: PageTextCatalog = {
  reasons: {
    MEMBER_CALENDAR_ERROR:
      'Połączenie kalendarza jednego z członków zgłasza błąd, więc nie można odczytać jego dostępności.',
    OWNER_LOCATION_ERROR:
      'Połączenie właściciela dla lokalizacji strony zgłasza błąd, więc nie można tworzyć spotkań.',
    NO_MEMBER_CALENDAR_AVAILABLE:
      'Żaden członek nie ma działającego kalendarza: połączenia kalendarzy zgłaszają błąd lub ich brak.',
    NO_MEMBER_LOCATION_AVAILABLE:
      'Żaden członek nie może użyć lokalizacji strony: połączenia lokalizacji zgłaszają błąd lub ich brak.',
    NO_ELIGIBLE_HOST:
      'Żaden członek nie ma jednocześnie działającego kalendarza i dostępnej lokalizacji, więc nikt nie może prowadzić spotkań.',
  },
  warnings: {
    HOSTS_UNAVAILABLE: ({ count, total }) => `${count} z ${total} prowadzących niedostępnych`,
    MEMBERS_WITHOUT_CALENDAR: ({ count, total }) => `${count} z ${total} członków bez połączonego kalendarza`,
  },
};
