import type { LocaleCatalog } from './catalog.js';

// Terminologia di seeds/calendar-interop-errors.it.txt: Console di amministrazione Google, URL del server
// Exchange, certificato SSL, Analizzatore connettività remota di Microsoft, ID applicazione, client secret.

export const itCatalog: LocaleCatalog = {
  services: { google: 'Google Calendar', microsoft: 'Microsoft 365', exchange: 'Exchange', zoom: 'Zoom' },
  anyService: 'servizio collegato',
  reconnect: {
    google:
      "Apri Integrazioni > Google Calendar > Dettagli, individua l'account Google in errore tra gli account di calendario e risorse e fai clic su Verifica per ricollegarlo.",
    microsoft:
      "Apri Integrazioni > Microsoft > Dettagli, individua l'account Microsoft in errore tra gli account di calendario e risorse e fai clic su Verifica per ricollegarlo (per Teams: Integrazioni > Teams > Dettagli > Ricollega).",
    exchange:
      'Dopo aver corretto le impostazioni di Exchange, apri Integrazioni > Exchange > Dettagli e verifica di nuovo la connessione.',
    zoom: 'Apri Integrazioni > Zoom > Dettagli e fai clic su Ricollega.',
    any: "Apri Integrazioni, fai clic su Dettagli accanto all'integrazione in errore e ricollega l'account.",
  },
  codes: {
    RATE_LIMITED: {
      title: '{service}: troppe richieste',
      remediation:
        'Nessuna azione necessaria: le richieste vengono ripetute automaticamente con intervalli crescenti. Se succede spesso, riduci la frequenza di sincronizzazione dei calendari o chiedi al fornitore una quota più alta.',
    },
    QUOTA_EXCEEDED: {
      title: '{service}: limite di utilizzo raggiunto',
      remediation:
        "Le richieste vengono sospese e ripetute più tardi automaticamente. Se dura più di un giorno, controlla i limiti di utilizzo dell'account nella console di amministrazione di {service} e distribuisci nel tempo le operazioni massive.",
    },
    PROVIDER_UNAVAILABLE: {
      title: '{service}: servizio temporaneamente non disponibile',
      remediation:
        "Nessuna azione necessaria: riproviamo automaticamente. Se dura più di un'ora, controlla la pagina di stato di {service}.",
    },
    NETWORK_UNREACHABLE: {
      title: '{service}: impossibile collegarsi',
      remediation:
        'Riproviamo automaticamente. Se il problema persiste, controlla la connessione a Internet di questo server, il proxy e le regole del firewall per il traffico HTTPS in uscita.',
    },
    AUTH_EXPIRED: {
      title: '{service}: il token di accesso va rinnovato',
      remediation:
        "Nessuna azione necessaria: il token di accesso viene rinnovato automaticamente. Se l'errore si ripresenta subito dopo il rinnovo: {reconnect}",
    },
    AUTH_REVOKED: {
      title: '{service}: collegamento scaduto o revocato',
      remediation:
        "{reconnect} Le pagine di prenotazione disattivate da questo errore vengono riattivate non appena l'account è ricollegato.",
    },
    INTERACTION_REQUIRED: {
      title: '{service}: è necessario accedere di nuovo',
      remediation:
        "{reconnect} Completa l'accesso, l'autenticazione a più fattori e la schermata di consenso.",
    },
    INSUFFICIENT_SCOPE: {
      title: '{service}: manca un’autorizzazione',
      remediation:
        '{reconnect} Nella schermata di consenso lascia selezionate tutte le autorizzazioni richieste.',
    },
    PERMISSION_DENIED: {
      title: '{service}: accesso negato',
      remediation:
        "Chiedi all'amministratore di {service} di consentire questa applicazione (consenso amministratore, criteri di accesso alle API o alle applicazioni) e di condividere il calendario con l'account collegato, poi verifica di nuovo la connessione.",
    },
    MISCONFIGURED: {
      title: "{service}: l'integrazione non è configurata correttamente",
      remediation:
        "Un amministratore deve correggere le impostazioni dell'integrazione (ID client e client secret, API abilitate, tenant, URL del server) e poi verificare di nuovo la connessione da Integrazioni.",
    },
    ACCOUNT_UNAVAILABLE: {
      title: "{service}: l'account o la casella di posta non è disponibile, serve un amministratore",
      remediation:
        "Ricollegare non basta: l'account è stato eliminato, disattivato o è senza licenza con calendario. Chiedi all'amministratore di {service} di ripristinare o riattivare l'account e di assegnargli una licenza con casella di posta e calendario; dopo il suo intervento il collegamento torna a funzionare da solo.",
    },
    INSECURE_ENDPOINT: {
      title: "L'URL del server non è sicuro",
      remediation:
        "Modifica l'URL del server configurato in modo che inizi con https:// e salva le impostazioni.",
    },
    TLS_ERROR: {
      title: 'Il certificato SSL/TLS del server non è valido',
      remediation:
        "Installa sul server un certificato SSL valido: emesso da un'autorità di certificazione attendibile, non scaduto e corrispondente al nome host dell'URL configurato.",
    },
    DNS_NOT_FOUND: {
      title: 'Il nome host del server non esiste',
      remediation:
        "Correggi il nome host nell'URL del server configurato (controlla l'ortografia) oppure crea il record DNS mancante.",
    },
    INVALID_REQUEST: {
      title: '{service}: richiesta rifiutata',
      remediation:
        "È un errore dell'applicazione, non un problema del tuo account: ripetere la stessa richiesta non serve. Contatta l'assistenza indicando i dettagli dell'errore.",
    },
    NOT_FOUND: {
      title: '{service}: elemento non trovato',
      remediation:
        "Il calendario, l'evento o la riunione non esiste più (è stato eliminato) o non è condiviso con l'account collegato. Attendere non lo riporta: crealo di nuovo o verifica la condivisione.",
    },
    ALREADY_DELETED: {
      title: "L'elemento è già stato eliminato",
      remediation: 'Nessuna azione necessaria.',
    },
    ALREADY_EXISTS: {
      title: "{service}: l'elemento esiste già",
      remediation:
        "Nessuna azione necessaria: l'elemento viene creato con un nuovo identificatore oppure viene aggiornato quello esistente.",
    },
    CONFLICT: {
      title: 'Era in corso una modifica in conflitto',
      remediation: 'Nessuna azione necessaria: le modifiche rimanenti vengono ripetute automaticamente.',
    },
    PRECONDITION_FAILED: {
      title: "{service}: l'elemento è stato modificato nel frattempo",
      remediation:
        "Nessuna azione necessaria: viene recuperata l'ultima versione e la modifica viene applicata di nuovo automaticamente.",
    },
    SYNC_TOKEN_INVALID: {
      title: '{service}: lo stato di sincronizzazione è scaduto',
      remediation:
        'Nessuna azione necessaria: viene eseguita automaticamente una sincronizzazione completa del calendario, che può richiedere alcuni minuti.',
    },
    ORGANIZER_ONLY: {
      title: "Solo l'organizzatore può modificare questo evento",
      remediation:
        "Le impostazioni condivise dell'evento (ad esempio le autorizzazioni degli invitati) si possono modificare solo nella copia dell'organizzatore. Apporta la modifica dal calendario dell'organizzatore.",
    },
    UNKNOWN: {
      title: '{service}: errore imprevisto',
      remediation:
        "Riprova più tardi. Se l'errore persiste, contatta l'assistenza indicando i dettagli dell'errore.",
    },
  },
  subReasons: {
    INTEROP_CONNECTION_ERROR: {
      title: 'Errore di connessione: impossibile collegare Google Calendar al server Exchange',
      remediation:
        "È possibile che un firewall stia bloccando l'accesso oppure che il nome dell'host o la porta siano errati. Verifica l'URL del server Exchange nella Console di amministrazione Google e controlla che il server sia raggiungibile da Internet con l'Analizzatore connettività remota di Microsoft.",
    },
    INTEROP_EWS_COMMUNICATION_ERROR: {
      title: "Errore di comunicazione dei Servizi Web Exchange (EWS): l'URL usa HTTP",
      remediation:
        "HTTP non è un protocollo sicuro. Nella Console di amministrazione Google inserisci HTTPS nell'URL del server Exchange (https://…).",
    },
    INTEROP_EWS_RESPONSE_ERROR: {
      title: "Errore di risposta EWS: l'URL non risponde come Exchange Web Services",
      remediation:
        "Verifica l'URL del server Exchange (in Exchange 2016: Interfaccia di amministrazione di Exchange > server > directory virtuali > doppio clic su EWS), le credenziali di Exchange e che un firewall non impedisca di raggiungere la porta EWS da Internet. Puoi controllare la configurazione con l'Analizzatore connettività remota di Microsoft.",
    },
    INTEROP_USERNAME_NOT_EMAIL: {
      title: 'Il nome utente di Exchange non è un indirizzo email',
      remediation:
        "Nella Console di amministrazione Google verifica che l'account del ruolo di Exchange usi l'indirizzo email completo, incluso il nome di dominio.",
    },
    INTEROP_HOST_NOT_FOUND: {
      title: 'Host non trovato: il nome DNS del server Exchange non esiste',
      remediation:
        "Assicurati che l'URL di Exchange nella Console di amministrazione sia corretto e senza errori di ortografia (Passaggio 5: configura la Console di amministrazione) e che esista un record DNS per il nome host.",
    },
    INTEROP_NOT_CONFIGURED: {
      title: 'Interop non è configurato',
      remediation:
        'Non sono state trovate impostazioni di connessione di Exchange. Assicurati che Calendar Interop sia attivato nella Console di amministrazione e inserisci le impostazioni di Exchange (Passaggio 5: configura la Console di amministrazione).',
    },
    INTEROP_INVALID_PARTICIPANT: {
      title: "Partecipante non valido: l'utente non esiste in Exchange",
      remediation:
        "Verifica che l'utente di cui si cercano le informazioni sulla disponibilità esista in Microsoft Active Directory, oppure rimuovi quel membro dalla pagina di prenotazione.",
    },
    INTEROP_MALFORMED_URL: {
      title: 'Formato URL di Exchange non corretto',
      remediation:
        "Controlla le impostazioni nella Console di amministrazione Google e inserisci l'URL completo di Exchange, ad esempio https://mail.example.com/EWS/Exchange.asmx (Passaggio 5: configura la Console di amministrazione).",
    },
    INTEROP_SSL_ERROR: {
      title: 'Errore SSL: il certificato di Exchange non è valido per questo host',
      remediation:
        "Usa nell'URL un nome host, non un indirizzo IP, e assicurati che il certificato SSL sul server Exchange sia valido, non scaduto, emesso da un'autorità di certificazione radice attendibile e corrispondente al nome host (non a un alias non riconosciuto).",
    },
    INTEROP_BAD_REQUEST: {
      title: 'Errore 400: richiesta non valida',
      remediation:
        "Assicurati che l'ID applicazione sia corretto: controlla le impostazioni nella Console di amministrazione (Passaggio 5: configura la Console di amministrazione) e riprova.",
    },
    INTEROP_UNAUTHORIZED: {
      title: '401 Non autorizzato',
      remediation:
        "Verifica il valore del client secret, che alla registrazione dell'app sia associato un client secret e che l'elenco di controllo dell'accesso (ACL) della tua organizzazione non blocchi Calendar Interop, poi riprova.",
    },
    GOOGLE_USER_RATE_LIMIT: {
      title: 'Google Calendar: limite di frequenza raggiunto',
      remediation:
        'Nessuna azione necessaria: le richieste vengono ripetute con backoff esponenziale. Se succede spesso, aumenta la quota per utente del progetto nella console Google Cloud.',
    },
    GOOGLE_CALENDAR_USAGE_LIMITS: {
      title: 'Google Calendar: limiti di utilizzo superati',
      remediation:
        "Google limita le operazioni (ad esempio inviti e nuovi eventi) che un account può eseguire. Le richieste vengono sospese e ripetute più tardi; evita per un po' le operazioni massive su questo calendario.",
    },
    GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER: {
      title: "Solo l'organizzatore può modificare le proprietà condivise",
      remediation:
        "Modifica le opzioni degli invitati (ad esempio 'gli invitati possono invitare altri') nella copia dell'evento dell'organizzatore; le altre copie vengono aggiornate solo con richieste patch.",
    },
    GOOGLE_API_DISABLED: {
      title: "L'API Google Calendar è disattivata per questo progetto",
      remediation:
        "Apri la console Google Cloud del progetto, abilita l'API Google Calendar, attendi qualche minuto e verifica di nuovo la connessione.",
    },
    GOOGLE_SCOPE_INSUFFICIENT: {
      title: "Google Calendar: l'autorizzazione non è stata concessa",
      remediation:
        "Ricollega l'account Google da Integrazioni > Google Calendar > Dettagli e lascia selezionate tutte le autorizzazioni nella schermata di consenso di Google.",
    },
    GOOGLE_SYNC_TOKEN_EXPIRED: {
      title: 'Google Calendar: il token di sincronizzazione è scaduto',
      remediation:
        'Nessuna azione necessaria: la copia locale viene svuotata e il calendario viene risincronizzato completamente in automatico.',
    },
    GOOGLE_DUPLICATE_ID: {
      title: 'Google Calendar: esiste già un evento con questo ID',
      remediation:
        "Nessuna azione necessaria: viene generato un nuovo identificatore oppure viene aggiornato l'evento esistente.",
    },
    GOOGLE_CONDITION_NOT_MET: {
      title: "Google Calendar: l'evento è stato modificato nel frattempo",
      remediation:
        "Nessuna azione necessaria: l'evento viene recuperato di nuovo e la modifica viene riapplicata.",
    },
    GOOGLE_ADMIN_POLICY_ENFORCED: {
      title: "Bloccato dall'amministratore di Google Workspace",
      remediation:
        "Un amministratore di Google Workspace deve contrassegnare l'app come attendibile (Console di amministrazione > Sicurezza > Accesso e controllo dei dati > Controlli API > Gestisci l'accesso delle app di terze parti); poi ricollega l'account.",
    },
    MS_CLIENT_SECRET_EXPIRED: {
      title: "Il client secret dell'app Microsoft è scaduto",
      remediation:
        "Nel portale di Azure (Registrazioni app > l'app > Certificati e segreti) crea un nuovo client secret, inseriscine il valore nelle impostazioni dell'integrazione e verifica la connessione.",
    },
    MS_CLIENT_SECRET_INVALID: {
      title: 'Il client secret Microsoft non è corretto',
      remediation:
        "Inserisci il valore del client secret (non l'ID del segreto) preso da portale di Azure > Registrazioni app > Certificati e segreti, poi verifica la connessione.",
    },
    MS_REFRESH_TOKEN_EXPIRED: {
      title: "L'accesso Microsoft è scaduto per inattività",
      remediation: "Ricollega l'account Microsoft da Integrazioni > Microsoft > Dettagli.",
    },
    MS_GRANT_REVOKED: {
      title: "L'accesso Microsoft è stato revocato",
      remediation:
        "La password è stata cambiata o le sessioni sono state revocate. Ricollega l'account Microsoft da Integrazioni > Microsoft > Dettagli.",
    },
    MS_MFA_REQUIRED: {
      title: "È richiesta l'autenticazione a più fattori",
      remediation:
        "Ricollega l'account Microsoft da Integrazioni > Microsoft > Dettagli e completa l'autenticazione a più fattori quando richiesto.",
    },
    MS_CONSENT_REQUIRED: {
      title: "È necessario il consenso all'app Microsoft",
      remediation:
        "Ricollega l'account e accetta le autorizzazioni richieste; se la tua organizzazione lo richiede, chiedi a un amministratore di Microsoft Entra di concedere il consenso amministratore all'app.",
    },
    MS_CONDITIONAL_ACCESS_BLOCKED: {
      title: 'Bloccato da un criterio di accesso condizionale di Microsoft Entra',
      remediation:
        "Chiedi a un amministratore di Microsoft Entra di esaminare il criterio di accesso condizionale indicato nei log di accesso e di consentire questa applicazione; poi ricollega l'account.",
    },
    MS_MAILBOX_NOT_ENABLED: {
      title: 'La casella di posta Microsoft 365 non è disponibile, serve un amministratore',
      remediation:
        "Ricollegare non basta: la casella di posta è inattiva, eliminata, locale (on-premise) o senza licenza Exchange Online, quindi non è abilitata all'API REST. Chiedi a un amministratore di Microsoft 365 di assegnare una licenza Exchange Online nell'interfaccia di amministrazione di Microsoft 365 (oppure di collegare Exchange locale tramite Interop); dopo il suo intervento il collegamento torna a funzionare da solo.",
    },
    MS_USER_NOT_IN_TENANT: {
      title: "L'utente non esiste nel tenant Microsoft, serve un amministratore",
      remediation:
        "Ricollegare non basta: l'account non è un utente (né un ospite invitato) del tenant Microsoft Entra dell'organizzazione. Chiedi a un amministratore di Microsoft Entra di aggiungere l'utente al tenant, oppure collega un account di quel tenant.",
    },
    MS_TENANT_NOT_FOUND: {
      title: 'Il tenant Microsoft non è stato trovato',
      remediation:
        "Controlla l'ID tenant o il dominio nelle impostazioni dell'integrazione e che l'autorità di identità corrisponda al tuo cloud (globale o nazionale).",
    },
    MS_APP_NOT_FOUND: {
      title: "La registrazione dell'app Microsoft non è stata trovata",
      remediation:
        "Controlla l'ID applicazione (client) e il tenant nelle impostazioni dell'integrazione; per un'app multi-tenant un amministratore del tenant deve prima concedere il consenso.",
    },
    ZOOM_DAILY_LIMIT: {
      title: 'Zoom: limite giornaliero delle API raggiunto',
      remediation:
        'Nessuna azione necessaria: le richieste riprendono automaticamente dopo le 00:00 UTC, quando Zoom azzera il limite giornaliero.',
    },
    TLS_CERT_EXPIRED: {
      title: 'Il certificato del server è scaduto',
      remediation:
        'Rinnova il certificato SSL/TLS sul server e installa quello nuovo insieme ai certificati intermedi.',
    },
    TLS_CERT_UNTRUSTED: {
      title: 'Il certificato del server non è attendibile',
      remediation:
        "Sostituisci il certificato autofirmato o incompleto con uno emesso da un'autorità di certificazione attendibile e installa l'intera catena di certificati intermedi.",
    },
    TLS_HOSTNAME_MISMATCH: {
      title: 'Il certificato non corrisponde al nome host',
      remediation:
        "Usa nell'URL configurato il nome host per cui è stato emesso il certificato, oppure riemetti il certificato includendo quel nome.",
    },
    TLS_HOST_IS_IP_ADDRESS: {
      title: "L'URL usa un indirizzo IP invece di un nome host",
      remediation:
        "I certificati vengono emessi per i nomi host: sostituisci l'indirizzo IP nell'URL configurato con il nome host del server (ad esempio mail.example.com).",
    },
  },
};
