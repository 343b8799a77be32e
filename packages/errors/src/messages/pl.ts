import type { LocaleCatalog } from './catalog.js';

// Terminologia z seeds/calendar-api-errors.pl.txt: wzrastający czas do ponowienia (wykładnicze ponawianie),
// token dostępu, token odświeżania, proces OAuth, pełna synchronizacja, limity korzystania z Kalendarza.

export const plCatalog: LocaleCatalog = {
  services: { google: 'Kalendarz Google', microsoft: 'Microsoft 365', exchange: 'Exchange', zoom: 'Zoom' },
  anyService: 'połączona usługa',
  reconnect: {
    google:
      'Otwórz Integracje > Kalendarz Google > Szczegóły, znajdź konto Google z błędem na liście kont kalendarzy i zasobów i kliknij Sprawdź, aby połączyć je ponownie (proces OAuth).',
    microsoft:
      'Otwórz Integracje > Microsoft > Szczegóły, znajdź konto Microsoft z błędem na liście kont kalendarzy i zasobów i kliknij Sprawdź, aby połączyć je ponownie (dla Teams: Integracje > Teams > Szczegóły > Połącz ponownie).',
    exchange:
      'Po poprawieniu ustawień Exchange otwórz Integracje > Exchange > Szczegóły i ponownie sprawdź połączenie.',
    zoom: 'Otwórz Integracje > Zoom > Szczegóły i kliknij Połącz ponownie (proces OAuth).',
    any: 'Otwórz Integracje, kliknij Szczegóły przy integracji z błędem i połącz konto ponownie (proces OAuth).',
  },
  codes: {
    RATE_LIMITED: {
      title: '{service}: zbyt wiele żądań',
      remediation:
        'Nic nie trzeba robić: żądania są ponawiane automatycznie z wzrastającym czasem do ponowienia (wykładnicze ponawianie). Jeśli zdarza się to często, synchronizuj kalendarze rzadziej lub poproś dostawcę o wyższy limit.',
    },
    QUOTA_EXCEEDED: {
      title: '{service}: przekroczono limit korzystania',
      remediation:
        'Żądania są wstrzymane i zostaną ponowione później automatycznie — nie ponawiaj ich ręcznie. Jeśli trwa to dłużej niż dzień, sprawdź limity konta w konsoli administracyjnej usługi {service} i rozłóż operacje zbiorcze w czasie.',
    },
    PROVIDER_UNAVAILABLE: {
      title: '{service}: usługa chwilowo niedostępna',
      remediation:
        'Nic nie trzeba robić: ponawiamy automatycznie z wzrastającym czasem do ponowienia. Jeśli trwa to dłużej niż godzinę, sprawdź stronę statusu usługi {service}.',
    },
    NETWORK_UNREACHABLE: {
      title: '{service}: brak połączenia',
      remediation:
        'Ponawiamy automatycznie. Jeśli problem nie ustępuje, sprawdź połączenie tego serwera z internetem, serwer proxy i reguły zapory dla wychodzącego ruchu HTTPS.',
    },
    AUTH_EXPIRED: {
      title: '{service}: token dostępu wygasł',
      remediation:
        'Nic nie trzeba robić: nowy token dostępu jest uzyskiwany automatycznie za pomocą tokena odświeżania. Jeśli błąd wraca zaraz po odświeżeniu: {reconnect}',
    },
    AUTH_REVOKED: {
      title: '{service}: autoryzacja wygasła lub została cofnięta',
      remediation:
        'Token odświeżania jest już nieważny. {reconnect} Strony rezerwacji wyłączone przez ten błąd włączą się ponownie zaraz po ponownym połączeniu.',
    },
    INTERACTION_REQUIRED: {
      title: '{service}: wymagane ponowne zalogowanie',
      remediation: '{reconnect} Dokończ logowanie, uwierzytelnianie wieloskładnikowe i ekran zgody.',
    },
    INSUFFICIENT_SCOPE: {
      title: '{service}: brak wymaganego uprawnienia',
      remediation: '{reconnect} Na ekranie zgody pozostaw zaznaczone wszystkie uprawnienia.',
    },
    PERMISSION_DENIED: {
      title: '{service}: odmowa dostępu',
      remediation:
        'Poproś administratora usługi {service} o dopuszczenie tej aplikacji (zgoda administratora, zasady dostępu do API lub aplikacji) i o udostępnienie kalendarza połączonemu kontu, a następnie ponownie sprawdź połączenie.',
    },
    MISCONFIGURED: {
      title: '{service}: integracja jest błędnie skonfigurowana',
      remediation:
        'Administrator musi poprawić ustawienia integracji (identyfikator i klucz tajny klienta, włączone interfejsy API, dzierżawa, adres URL serwera), a następnie ponownie sprawdzić połączenie w Integracjach.',
    },
    ACCOUNT_UNAVAILABLE: {
      title: '{service}: konto lub skrzynka pocztowa jest niedostępna — potrzebny administrator',
      remediation:
        'Ponowne połączenie nie pomoże: konto zostało usunięte, wyłączone albo nie ma licencji z kalendarzem. Poproś administratora usługi {service} o przywrócenie lub włączenie konta i przypisanie licencji ze skrzynką pocztową i kalendarzem; po jego zmianie połączenie zacznie działać samo.',
    },
    INSECURE_ENDPOINT: {
      title: 'Adres URL serwera nie jest bezpieczny',
      remediation:
        'Zmień skonfigurowany adres URL serwera tak, aby zaczynał się od https://, i zapisz ustawienia.',
    },
    TLS_ERROR: {
      title: 'Certyfikat SSL/TLS serwera jest nieprawidłowy',
      remediation:
        'Zainstaluj na serwerze ważny certyfikat: wystawiony przez zaufany urząd certyfikacji, niewygasły i zgodny z nazwą hosta w skonfigurowanym adresie URL.',
    },
    DNS_NOT_FOUND: {
      title: 'Nazwa hosta serwera nie istnieje',
      remediation:
        'Popraw nazwę hosta w skonfigurowanym adresie URL serwera (sprawdź pisownię) lub utwórz brakujący rekord DNS.',
    },
    INVALID_REQUEST: {
      title: '{service}: nieprawidłowe żądanie',
      remediation:
        'To błąd trwały aplikacji, nie problem z kontem: nie ponawiaj żądania bez zmian. Przeczytaj komunikat o błędzie i popraw żądanie lub skontaktuj się z pomocą techniczną.',
    },
    NOT_FOUND: {
      title: '{service}: nie znaleziono zasobu',
      remediation:
        'Kalendarz, wydarzenie lub spotkanie już nie istnieje (zostało usunięte) albo nie jest udostępnione połączonemu kontu. Czekanie go nie przywróci: utwórz je ponownie lub sprawdź udostępnianie.',
    },
    ALREADY_DELETED: {
      title: 'Zasób został już usunięty',
      remediation: 'Nie musisz wykonywać żadnych dodatkowych czynności.',
    },
    ALREADY_EXISTS: {
      title: '{service}: żądany identyfikator już istnieje',
      remediation:
        'Nic nie trzeba robić: generowany jest nowy identyfikator albo istniejący zasób jest aktualizowany metodą update.',
    },
    CONFLICT: {
      title: 'Konflikt z innym trwającym żądaniem',
      remediation: 'Nic nie trzeba robić: pozostałe elementy są automatycznie wysyłane ponownie.',
    },
    PRECONDITION_FAILED: {
      title: '{service}: zasób zmienił się w międzyczasie',
      remediation:
        'Nic nie trzeba robić: element jest ponownie pobierany, a zmiany są stosowane ponownie automatycznie.',
    },
    SYNC_TOKEN_INVALID: {
      title: '{service}: token synchronizacji jest już nieważny',
      remediation:
        'Nic nie trzeba robić: pamięć podręczna jest czyszczona i automatycznie wykonywana jest pełna synchronizacja, która może potrwać kilka minut.',
    },
    ORGANIZER_ONLY: {
      title: 'Tylko organizator może zmienić to wydarzenie',
      remediation:
        'Właściwości współdzielone wydarzenia (np. uprawnienia gości) może zmieniać tylko organizator w swojej kopii. Wprowadź zmianę z kalendarza organizatora.',
    },
    UNKNOWN: {
      title: '{service}: nieoczekiwany błąd',
      remediation:
        'Spróbuj ponownie później. Jeśli błąd się powtarza, skontaktuj się z pomocą techniczną i podaj szczegóły błędu.',
    },
  },
  subReasons: {
    INTEROP_CONNECTION_ERROR: {
      title: 'Błąd połączenia: Kalendarz Google nie może połączyć się z serwerem Exchange',
      remediation:
        'Zapora może blokować dostęp albo nazwa hosta lub port są błędne. Sprawdź adres URL serwera Exchange w konsoli administracyjnej Google i zweryfikuj dostępność serwera z internetu za pomocą Microsoft Remote Connectivity Analyzer.',
    },
    INTEROP_EWS_COMMUNICATION_ERROR: {
      title: 'Błąd komunikacji EWS: adres URL serwera Exchange używa HTTP',
      remediation:
        'HTTP nie jest bezpiecznym protokołem. W konsoli administracyjnej Google zmień adres URL serwera Exchange tak, aby zaczynał się od https://.',
    },
    INTEROP_EWS_RESPONSE_ERROR: {
      title: 'Błąd odpowiedzi EWS: adres URL nie odpowiada jak Exchange Web Services',
      remediation:
        'Sprawdź adres URL serwera Exchange (w centrum administracyjnym Exchange: serwery > katalogi wirtualne > EWS), dane logowania do Exchange oraz czy zapora nie blokuje portu EWS z internetu. Konfigurację zweryfikujesz w Microsoft Remote Connectivity Analyzer.',
    },
    INTEROP_USERNAME_NOT_EMAIL: {
      title: 'Nazwa użytkownika Exchange nie jest adresem e-mail',
      remediation:
        'W konsoli administracyjnej Google wpisz konto roli Exchange jako pełny adres e-mail, razem z nazwą domeny.',
    },
    INTEROP_HOST_NOT_FOUND: {
      title: 'Nie znaleziono hosta: nazwa DNS serwera Exchange nie istnieje',
      remediation:
        'Sprawdź pisownię adresu URL Exchange w konsoli administracyjnej Google (krok 5: konfiguracja konsoli administracyjnej) i czy dla tej nazwy hosta istnieje rekord DNS.',
    },
    INTEROP_NOT_CONFIGURED: {
      title: 'Calendar Interop nie jest skonfigurowany',
      remediation:
        'Nie znaleziono ustawień połączenia z Exchange. Włącz Calendar Interop w konsoli administracyjnej Google i wprowadź ustawienia Exchange (krok 5: konfiguracja konsoli administracyjnej).',
    },
    INTEROP_INVALID_PARTICIPANT: {
      title: 'Nieprawidłowy uczestnik: użytkownik nie istnieje w Exchange',
      remediation:
        'Sprawdź, czy użytkownik, którego dostępność jest sprawdzana, istnieje w Microsoft Active Directory, albo usuń tego członka ze strony rezerwacji.',
    },
    INTEROP_MALFORMED_URL: {
      title: 'Nieprawidłowy format adresu URL Exchange',
      remediation:
        'Sprawdź ustawienia w konsoli administracyjnej Google i wpisz pełny adres URL Exchange, np. https://mail.example.com/EWS/Exchange.asmx (krok 5: konfiguracja konsoli administracyjnej).',
    },
    INTEROP_SSL_ERROR: {
      title: 'Błąd SSL: certyfikat Exchange nie jest ważny dla tego hosta',
      remediation:
        'Użyj w adresie URL nazwy hosta, a nie adresu IP, i upewnij się, że certyfikat SSL serwera Exchange jest ważny, niewygasły, wystawiony przez zaufany główny urząd certyfikacji i obejmuje tę nazwę hosta (a nie nierozpoznany alias).',
    },
    INTEROP_BAD_REQUEST: {
      title: 'Błąd 400: nieprawidłowe żądanie',
      remediation:
        'Upewnij się, że identyfikator aplikacji jest poprawny: sprawdź ustawienia w konsoli administracyjnej Google (krok 5: konfiguracja konsoli administracyjnej) i spróbuj ponownie.',
    },
    INTEROP_UNAUTHORIZED: {
      title: 'Błąd 401: brak autoryzacji',
      remediation:
        'Sprawdź wartość klucza tajnego klienta (client secret), czy rejestracja aplikacji ma przypisany klucz tajny i czy lista kontroli dostępu (ACL) organizacji nie blokuje Calendar Interop, a następnie spróbuj ponownie.',
    },
    GOOGLE_USER_RATE_LIMIT: {
      title: 'Kalendarz Google: przekroczono limit częstotliwości',
      remediation:
        'Nic nie trzeba robić: żądania są ponawiane z wykładniczym zmniejszaniem częstotliwości. Jeśli zdarza się to często, zwiększ limit na użytkownika w projekcie w Konsoli programisty (Google Cloud).',
    },
    GOOGLE_CALENDAR_USAGE_LIMITS: {
      title: 'Przekroczono limity korzystania z Kalendarza',
      remediation:
        'Google ogranicza liczbę operacji (np. zaproszeń i nowych wydarzeń) jednego konta, aby chronić użytkowników i infrastrukturę przed nadużyciami. Żądania są wstrzymane i zostaną ponowione później; przez jakiś czas unikaj operacji zbiorczych na tym kalendarzu.',
    },
    GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER: {
      title: 'Dostęp zabroniony dla osób, które nie są organizatorami',
      remediation:
        'Właściwości współdzielone (np. guestsCanInviteOthers, guestsCanModify) zmieniaj tylko w kopii organizatora; pozostałe kopie aktualizuj wyłącznie wywołaniem Zdarzenia: poprawka (patch).',
    },
    GOOGLE_API_DISABLED: {
      title: 'Interfejs Google Calendar API jest wyłączony w tym projekcie',
      remediation:
        'Otwórz projekt w Konsoli programisty (Google Cloud), włącz Google Calendar API, odczekaj kilka minut i ponownie sprawdź połączenie.',
    },
    GOOGLE_SCOPE_INSUFFICIENT: {
      title: 'Kalendarz Google: nie przyznano wymaganego uprawnienia',
      remediation:
        'Połącz ponownie konto Google w Integracje > Kalendarz Google > Szczegóły (proces OAuth) i na ekranie zgody Google pozostaw zaznaczone wszystkie uprawnienia.',
    },
    GOOGLE_SYNC_TOKEN_EXPIRED: {
      title: 'Kalendarz Google: token synchronizacji (syncToken) jest już nieważny',
      remediation:
        'Nic nie trzeba robić: pamięć podręczna jest czyszczona, a kalendarz jest ponownie w pełni synchronizowany automatycznie.',
    },
    GOOGLE_DUPLICATE_ID: {
      title: 'Kalendarz Google: żądany identyfikator już istnieje',
      remediation:
        'Nic nie trzeba robić: generowany jest nowy identyfikator albo istniejące wydarzenie jest aktualizowane metodą update.',
    },
    GOOGLE_CONDITION_NOT_MET: {
      title: 'Kalendarz Google: nie spełniono warunku wstępnego (etag)',
      remediation: 'Nic nie trzeba robić: element jest ponownie pobierany, a zmiany są stosowane ponownie.',
    },
    GOOGLE_ADMIN_POLICY_ENFORCED: {
      title: 'Zablokowane przez administratora Google Workspace',
      remediation:
        'Administrator Google Workspace musi oznaczyć tę aplikację jako zaufaną (Konsola administracyjna > Bezpieczeństwo > Dostęp i kontrola danych > Zarządzanie interfejsami API > Zarządzaj dostępem aplikacji innych firm), a następnie połącz konto ponownie.',
    },
    MS_CLIENT_SECRET_EXPIRED: {
      title: 'Klucz tajny klienta aplikacji Microsoft wygasł',
      remediation:
        'W portalu Azure (Rejestracje aplikacji > aplikacja > Certyfikaty i klucze tajne) utwórz nowy klucz tajny klienta, wpisz jego wartość w ustawieniach integracji i sprawdź połączenie.',
    },
    MS_CLIENT_SECRET_INVALID: {
      title: 'Klucz tajny klienta Microsoft jest nieprawidłowy',
      remediation:
        'Wpisz wartość klucza tajnego (nie identyfikator klucza) z portalu Azure > Rejestracje aplikacji > Certyfikaty i klucze tajne, a następnie sprawdź połączenie.',
    },
    MS_REFRESH_TOKEN_EXPIRED: {
      title: 'Token odświeżania Microsoft wygasł z powodu braku aktywności',
      remediation: 'Połącz ponownie konto Microsoft w Integracje > Microsoft > Szczegóły (proces OAuth).',
    },
    MS_GRANT_REVOKED: {
      title: 'Autoryzacja Microsoft została cofnięta',
      remediation:
        'Zmieniono hasło lub unieważniono sesje. Połącz ponownie konto Microsoft w Integracje > Microsoft > Szczegóły (proces OAuth).',
    },
    MS_MFA_REQUIRED: {
      title: 'Wymagane jest uwierzytelnianie wieloskładnikowe',
      remediation:
        'Połącz ponownie konto Microsoft w Integracje > Microsoft > Szczegóły i dokończ uwierzytelnianie wieloskładnikowe, gdy pojawi się prośba.',
    },
    MS_CONSENT_REQUIRED: {
      title: 'Wymagana jest zgoda na aplikację Microsoft',
      remediation:
        'Połącz konto ponownie i zaakceptuj żądane uprawnienia; jeśli organizacja tego wymaga, poproś administratora Microsoft Entra o udzielenie zgody administratora dla aplikacji.',
    },
    MS_CONDITIONAL_ACCESS_BLOCKED: {
      title: 'Zablokowane przez zasady dostępu warunkowego Microsoft Entra',
      remediation:
        'Poproś administratora Microsoft Entra o sprawdzenie zasad dostępu warunkowego widocznych w dziennikach logowania i dopuszczenie tej aplikacji, a następnie połącz konto ponownie.',
    },
    MS_MAILBOX_NOT_ENABLED: {
      title: 'Skrzynka pocztowa Microsoft 365 jest niedostępna — potrzebny administrator',
      remediation:
        'Ponowne połączenie nie pomoże: skrzynka jest nieaktywna, usunięta, lokalna (on-premises) lub bez licencji Exchange Online, więc nie obsługuje REST API. Poproś administratora Microsoft 365 o przypisanie licencji Exchange Online w centrum administracyjnym Microsoft 365 (albo o połączenie lokalnego Exchange przez Interop); po jego zmianie połączenie zacznie działać samo.',
    },
    MS_USER_NOT_IN_TENANT: {
      title: 'Użytkownik nie istnieje w dzierżawie Microsoft — potrzebny administrator',
      remediation:
        'Ponowne połączenie nie pomoże: konto nie jest użytkownikiem (ani zaproszonym gościem) dzierżawy Microsoft Entra organizacji. Poproś administratora Microsoft Entra o dodanie użytkownika do dzierżawy albo połącz konto z tej dzierżawy.',
    },
    MS_TENANT_NOT_FOUND: {
      title: 'Nie znaleziono dzierżawy Microsoft',
      remediation:
        'Sprawdź identyfikator dzierżawy lub domenę w ustawieniach integracji oraz czy adres urzędu tożsamości pasuje do Twojej chmury (globalnej lub krajowej).',
    },
    MS_APP_NOT_FOUND: {
      title: 'Nie znaleziono rejestracji aplikacji Microsoft',
      remediation:
        'Sprawdź identyfikator aplikacji (klienta) i dzierżawę w ustawieniach integracji; w przypadku aplikacji wielodzierżawczej administrator tej dzierżawy musi najpierw wyrazić zgodę.',
    },
    ZOOM_DAILY_LIMIT: {
      title: 'Zoom: osiągnięto dzienny limit API',
      remediation:
        'Nic nie trzeba robić: żądania zostaną wznowione automatycznie po 00:00 UTC, gdy Zoom zresetuje dzienny limit.',
    },
    TLS_CERT_EXPIRED: {
      title: 'Certyfikat serwera wygasł',
      remediation: 'Odnów certyfikat SSL/TLS na serwerze i zainstaluj nowy razem z certyfikatami pośrednimi.',
    },
    TLS_CERT_UNTRUSTED: {
      title: 'Certyfikat serwera nie jest zaufany',
      remediation:
        'Zastąp certyfikat samopodpisany lub niekompletny certyfikatem wystawionym przez zaufany urząd certyfikacji i zainstaluj pełny łańcuch certyfikatów pośrednich.',
    },
    TLS_HOSTNAME_MISMATCH: {
      title: 'Certyfikat nie pasuje do nazwy hosta',
      remediation:
        'Użyj w skonfigurowanym adresie URL nazwy hosta, dla której wystawiono certyfikat, albo wystaw certyfikat ponownie z tą nazwą.',
    },
    TLS_HOST_IS_IP_ADDRESS: {
      title: 'Adres URL zawiera adres IP zamiast nazwy hosta',
      remediation:
        'Certyfikaty wystawia się dla nazw hostów: zastąp adres IP w skonfigurowanym adresie URL nazwą hosta serwera (np. mail.example.com).',
    },
  },
};
