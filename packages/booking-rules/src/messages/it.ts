import type { PageTextCatalog } from './catalog.js';

export const itPageText: PageTextCatalog = {
  reasons: {
    MEMBER_CALENDAR_ERROR:
      'La connessione del calendario di un membro è in errore: non è possibile leggerne la disponibilità.',
    OWNER_LOCATION_ERROR:
      'La connessione del proprietario per il luogo della pagina è in errore: non è possibile creare le riunioni.',
    NO_MEMBER_CALENDAR_AVAILABLE:
      'Nessun membro ha un calendario utilizzabile: le connessioni dei calendari sono in errore o mancanti.',
    NO_MEMBER_LOCATION_AVAILABLE:
      'Nessun membro può usare i luoghi della pagina: le connessioni dei luoghi sono in errore o mancanti.',
    NO_ELIGIBLE_HOST:
      'Nessun membro ha sia un calendario funzionante sia un luogo utilizzabile: nessuno può ospitare.',
  },
  warnings: {
    HOSTS_UNAVAILABLE: ({ count, total }) => `${count} host su ${total} non disponibili`,
    MEMBERS_WITHOUT_CALENDAR: ({ count, total }) => `${count} membri su ${total} senza calendario connesso`,
  },
};
