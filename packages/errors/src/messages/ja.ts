import type { LocaleCatalog } from './catalog.js';

// 用語は seeds/booking-page-connection-errors.ja.txt に合わせる:
// 接続エラー・再接続・サービス連携一覧・「詳細」/「確認する」/「再接続する」ボタン・カレンダー・リソースアカウント・予約ページ。

export const jaCatalog: LocaleCatalog = {
  services: { google: 'Googleカレンダー', microsoft: 'Microsoft', exchange: 'Exchange', zoom: 'Zoom' },
  anyService: '連携サービス',
  reconnect: {
    google:
      'サービス連携一覧＞Googleカレンダーの「詳細」ボタンをクリックし、カレンダー・リソースアカウント設定でエラーとなっているGoogleアカウントの「確認する」ボタンから再接続してください。',
    microsoft:
      'サービス連携一覧＞Microsoftの「詳細」ボタンをクリックし、カレンダー・リソースアカウント設定でエラーとなっているMicrosoftアカウントの「確認する」ボタンから再接続してください（Teamsは、サービス連携一覧＞Teamsの「詳細」ボタンから「再接続する」ボタンをクリックします）。',
    exchange:
      'Exchangeの設定を修正したあと、サービス連携一覧＞Exchangeの「詳細」ボタンから接続を再確認してください。',
    zoom: 'サービス連携一覧＞Zoomの「詳細」ボタンをクリックし、Zoom設定画面で「再接続する」ボタンをクリックして再接続してください。',
    any: 'サービス連携一覧でエラーとなっているサービス連携の「詳細」ボタンをクリックし、再接続してください。',
  },
  codes: {
    RATE_LIMITED: {
      title: '{service}へのリクエストが多すぎます',
      remediation:
        '対応は不要です。間隔を空けながら自動で再試行します。頻繁に発生する場合は、カレンダーの同期頻度を下げるか、提供元に上限の引き上げを依頼してください。',
    },
    QUOTA_EXCEEDED: {
      title: '{service}の利用上限に達しました',
      remediation:
        'リクエストを一時停止し、時間をおいて自動で再試行します。1日以上続く場合は、{service}の管理コンソールでアカウントの利用上限を確認し、一括操作を分散してください。',
    },
    PROVIDER_UNAVAILABLE: {
      title: '{service}が一時的に利用できません',
      remediation:
        '対応は不要です。自動で再試行します。1時間以上続く場合は{service}のステータスページを確認してください。',
    },
    NETWORK_UNREACHABLE: {
      title: '{service}に接続できません',
      remediation:
        '自動で再試行します。解消しない場合は、このサーバーのインターネット接続、プロキシ、送信HTTPSのファイアウォール設定を確認してください。',
    },
    AUTH_EXPIRED: {
      title: '{service}のアクセストークンの更新が必要です',
      remediation:
        '対応は不要です。アクセストークンは自動で更新されます。更新直後にも同じエラーが出る場合は、{reconnect}',
    },
    AUTH_REVOKED: {
      title: '{service}との接続が期限切れ、または取り消されました（接続エラー）',
      remediation:
        '{reconnect}再接続すると、接続エラーにより無効化されていた予約ページは自動で有効化され、予約の受付が再開されます。',
    },
    INTERACTION_REQUIRED: {
      title: '{service}への再ログインが必要です（接続エラー）',
      remediation: '{reconnect}サインイン、多要素認証、アクセス許可の同意画面を最後まで完了してください。',
    },
    INSUFFICIENT_SCOPE: {
      title: '{service}のアクセス許可が不足しています（接続エラー）',
      remediation: '{reconnect}同意画面では、すべてのアクセス許可にチェックを入れたまま許可してください。',
    },
    PERMISSION_DENIED: {
      title: '{service}へのアクセスが拒否されました（接続エラー）',
      remediation:
        '{service}の管理者に、このアプリの利用許可（管理者の同意、APIやアプリケーションのアクセスポリシー）と、接続中のアカウントへのカレンダー共有を依頼し、サービス連携一覧から接続を再確認してください。',
    },
    MISCONFIGURED: {
      title: '{service}のサービス連携の設定に誤りがあります（接続エラー）',
      remediation:
        '管理者が連携設定（クライアントIDとシークレット、有効化されたAPI、テナント、サーバーURL）を修正し、サービス連携一覧から接続を再確認してください。',
    },
    ACCOUNT_UNAVAILABLE: {
      title: '{service}のアカウントまたはメールボックスを利用できません（管理者による対応が必要）',
      remediation:
        '再接続では解決しません。アカウントが削除・無効化されたか、カレンダーのライセンスがありません。{service}の管理者にアカウントの復元・有効化と、メールボックスとカレンダーを含むライセンスの割り当てを依頼してください。対応後、接続は自動で復旧します。',
    },
    INSECURE_ENDPOINT: {
      title: 'サーバーURLが安全ではありません（接続エラー）',
      remediation: '設定したサーバーURLを https:// で始まるように変更し、保存してください。',
    },
    TLS_ERROR: {
      title: 'サーバーのSSL/TLS証明書が無効です（接続エラー）',
      remediation:
        '信頼された認証局が発行し、有効期限内で、設定したURLのホスト名と一致する証明書をサーバーにインストールしてください。',
    },
    DNS_NOT_FOUND: {
      title: 'サーバーのホスト名が見つかりません（接続エラー）',
      remediation:
        '設定したサーバーURLのホスト名（綴り）を修正するか、不足しているDNSレコードを作成してください。',
    },
    INVALID_REQUEST: {
      title: '{service}がリクエストを拒否しました',
      remediation:
        'アカウントの問題ではなく、アプリ側のエラーです。同じ内容で再試行しても解消しません。エラーの詳細を添えてサポートにお問い合わせください。',
    },
    NOT_FOUND: {
      title: '{service}で対象が見つかりません',
      remediation:
        'カレンダー・予定・会議が削除されたか、接続中のアカウントに共有されていません。待っても復元されないため、作成し直すか共有設定を確認してください。',
    },
    ALREADY_DELETED: {
      title: '対象はすでに削除されています',
      remediation: '対応は不要です。',
    },
    ALREADY_EXISTS: {
      title: '{service}に同じ対象がすでに存在します',
      remediation: '対応は不要です。新しいIDで作成するか、既存の対象を更新します。',
    },
    CONFLICT: {
      title: '競合する変更が処理中でした',
      remediation: '対応は不要です。残りの変更を自動で再試行します。',
    },
    PRECONDITION_FAILED: {
      title: '{service}上で対象が変更されていました',
      remediation: '対応は不要です。最新の内容を取得し、変更を自動で適用し直します。',
    },
    SYNC_TOKEN_INVALID: {
      title: '{service}の同期状態の有効期限が切れました',
      remediation: '対応は不要です。カレンダーの完全な再同期を自動で行います。数分かかる場合があります。',
    },
    ORGANIZER_ONLY: {
      title: 'この予定は主催者のみ変更できます',
      remediation:
        'ゲストの権限などの共有設定は、主催者のカレンダー上の予定でのみ変更できます。主催者のカレンダーから変更してください。',
    },
    UNKNOWN: {
      title: '{service}で予期しないエラーが発生しました',
      remediation:
        'しばらくしてから再度お試しください。解消しない場合は、エラーの詳細を添えてサポートにお問い合わせください。',
    },
  },
  subReasons: {
    INTEROP_CONNECTION_ERROR: {
      title: '接続エラー：GoogleカレンダーからExchangeサーバーに接続できません',
      remediation:
        'ファイアウォールがアクセスをブロックしているか、ホスト名またはポートが誤っている可能性があります。Google管理コンソールでExchangeのURLを確認し、サーバーがインターネットから到達可能かをMicrosoft リモート接続アナライザーで確認してください。',
    },
    INTEROP_EWS_COMMUNICATION_ERROR: {
      title: 'EWS通信エラー：ExchangeサーバーのURLがHTTPです',
      remediation:
        'HTTPは安全なプロトコルではありません。Google管理コンソールで、ExchangeサーバーのURLを https:// で始まるように変更してください。',
    },
    INTEROP_EWS_RESPONSE_ERROR: {
      title: 'EWS応答エラー：URLがExchange Web Servicesとして応答しません',
      remediation:
        'ExchangeのURL（Exchange管理センター ＞ サーバー ＞ 仮想ディレクトリ ＞ EWS で確認）、Exchangeの認証情報、EWSのポートがインターネットから利用可能か（ファイアウォール）を確認してください。Microsoft リモート接続アナライザーで設定を検証できます。',
    },
    INTEROP_USERNAME_NOT_EMAIL: {
      title: 'Exchangeのユーザー名がメールアドレスではありません',
      remediation:
        'Google管理コンソールで、Exchangeのロールアカウントをドメイン名を含む完全なメールアドレスで入力してください。',
    },
    INTEROP_HOST_NOT_FOUND: {
      title: 'ホストが見つかりません：Exchangeのホスト名を解決できません',
      remediation:
        'Google管理コンソールのExchange URLの綴りを確認し（手順5：管理コンソールの設定）、そのホスト名のDNSレコードが存在することを確認してください。',
    },
    INTEROP_NOT_CONFIGURED: {
      title: 'Calendar Interopが設定されていません',
      remediation:
        'Exchangeの接続設定が見つかりません。Google管理コンソールでCalendar Interopを有効にし、Exchangeの設定を入力してください（手順5：管理コンソールの設定）。',
    },
    INTEROP_INVALID_PARTICIPANT: {
      title: '無効な参加者：ユーザーがExchangeに存在しません',
      remediation:
        '空き状況を検索しているユーザーがMicrosoft Active Directoryに存在するか確認するか、そのメンバーを予約ページから外してください。',
    },
    INTEROP_MALFORMED_URL: {
      title: 'ExchangeのURLの形式が正しくありません',
      remediation:
        'Google管理コンソールの設定を確認し、https://mail.example.com/EWS/Exchange.asmx のような完全なExchange URLを入力してください（手順5：管理コンソールの設定）。',
    },
    INTEROP_SSL_ERROR: {
      title: 'SSLエラー：Exchangeの証明書がこのホストに対して有効ではありません',
      remediation:
        'ExchangeのURLにはIPアドレスではなくホスト名を使用し、Exchangeサーバーの SSL 証明書が有効期限内で、信頼されたルート認証局が発行し、そのホスト名（証明書が認識しない別名ではなく）を含むことを確認してください。',
    },
    INTEROP_BAD_REQUEST: {
      title: 'エラー400：不正なリクエスト',
      remediation:
        'アプリケーションIDが正しいか確認してください。Google管理コンソールの設定で正しいIDが入力されていることを確認し（手順5：管理コンソールの設定）、再度お試しください。',
    },
    INTEROP_UNAUTHORIZED: {
      title: 'エラー401：認証されていません',
      remediation:
        'クライアントシークレットの値が正しいこと、アプリ登録にクライアントシークレットが関連付けられていること、組織のアクセス制御リスト（ACL）がCalendar Interopをブロックしていないことを確認し、再度お試しください。',
    },
    GOOGLE_USER_RATE_LIMIT: {
      title: 'Googleカレンダーのレート制限に達しました',
      remediation:
        '対応は不要です。指数バックオフで自動再試行します。頻繁に発生する場合は、Google Cloud コンソールでプロジェクトのユーザーあたりの割り当てを引き上げてください。',
    },
    GOOGLE_CALENDAR_USAGE_LIMITS: {
      title: 'Googleカレンダーの使用量の上限を超えました',
      remediation:
        'Googleは1つのアカウントが行える操作（招待や予定の作成など）を制限しています。リクエストを一時停止して後で再試行します。しばらくはこのカレンダーへの一括操作を控えてください。',
    },
    GOOGLE_FORBIDDEN_FOR_NON_ORGANIZER: {
      title: '共有プロパティは主催者のみ変更できます',
      remediation:
        'ゲストの権限（「ゲストが他のユーザーを招待できる」など）は、主催者の予定で変更してください。他のコピーはパッチ（patch）でのみ更新します。',
    },
    GOOGLE_API_DISABLED: {
      title: 'このプロジェクトでGoogle Calendar APIが無効です',
      remediation:
        'Google Cloud コンソールでプロジェクトを開き、Google Calendar APIを有効にして数分待ってから、サービス連携一覧で接続を再確認してください。',
    },
    GOOGLE_SCOPE_INSUFFICIENT: {
      title: 'Googleカレンダーへのアクセス許可が付与されていません（接続エラー）',
      remediation:
        'サービス連携一覧でGoogleカレンダーの「詳細」ボタンをクリックし、エラーとなっているGoogleアカウントの「確認する」ボタンから再接続してください。Googleの同意画面ではすべての権限にチェックを入れてください。',
    },
    GOOGLE_SYNC_TOKEN_EXPIRED: {
      title: 'Googleカレンダーの同期トークンの有効期限が切れました',
      remediation: '対応は不要です。キャッシュを消去し、カレンダーを自動で完全に再同期します。',
    },
    GOOGLE_DUPLICATE_ID: {
      title: '同じIDの予定がGoogleカレンダーにすでに存在します',
      remediation: '対応は不要です。新しいIDを生成するか、既存の予定を更新します。',
    },
    GOOGLE_CONDITION_NOT_MET: {
      title: 'Googleカレンダー上で予定が変更されていました',
      remediation: '対応は不要です。予定を再取得し、変更を適用し直します。',
    },
    GOOGLE_ADMIN_POLICY_ENFORCED: {
      title: 'Google Workspace管理者のポリシーによりブロックされています（接続エラー）',
      remediation:
        'Google Workspaceの管理者が、管理コンソール ＞ セキュリティ ＞ アクセスとデータ管理 ＞ APIの制御 ＞ サードパーティ製アプリのアクセスを管理 で、このアプリを「信頼できる」に設定する必要があります。その後アカウントを再接続してください。',
    },
    MS_CLIENT_SECRET_EXPIRED: {
      title: 'Microsoftアプリのクライアントシークレットの有効期限が切れています（接続エラー）',
      remediation:
        'Azure portal（アプリの登録 ＞ 対象アプリ ＞ 証明書とシークレット）で新しいクライアントシークレットを作成し、その値を連携設定に入力して接続を再確認してください。',
    },
    MS_CLIENT_SECRET_INVALID: {
      title: 'Microsoftのクライアントシークレットが正しくありません（接続エラー）',
      remediation:
        'Azure portal ＞ アプリの登録 ＞ 証明書とシークレット から、シークレットID ではなくシークレットの「値」を連携設定に入力し、接続を再確認してください。',
    },
    MS_REFRESH_TOKEN_EXPIRED: {
      title: '長期間利用がなかったためMicrosoftのサインインが期限切れになりました（接続エラー）',
      remediation:
        'サービス連携一覧でMicrosoftの「詳細」ボタンをクリックし、エラーとなっているMicrosoftアカウントの「確認する」ボタンから再接続してください。',
    },
    MS_GRANT_REVOKED: {
      title: 'Microsoftのサインインが取り消されました（接続エラー）',
      remediation:
        'パスワードの変更またはセッションの取り消しが行われました。サービス連携一覧でMicrosoftの「詳細」ボタンをクリックし、エラーとなっているアカウントの「確認する」ボタンから再接続してください。',
    },
    MS_MFA_REQUIRED: {
      title: '多要素認証が必要です（接続エラー）',
      remediation:
        'サービス連携一覧でMicrosoftの「詳細」ボタンからアカウントを再接続し、求められたら多要素認証を完了してください。',
    },
    MS_CONSENT_REQUIRED: {
      title: 'Microsoftアプリへの同意が必要です（接続エラー）',
      remediation:
        'アカウントを再接続して要求されたアクセス許可に同意してください。組織で必要な場合は、Microsoft Entraの管理者にアプリへの管理者の同意を依頼してください。',
    },
    MS_CONDITIONAL_ACCESS_BLOCKED: {
      title: 'Microsoft Entraの条件付きアクセスポリシーによりブロックされています（接続エラー）',
      remediation:
        'Microsoft Entraの管理者に、サインインログに表示される条件付きアクセスポリシーを確認してこのアプリを許可するよう依頼し、その後アカウントを再接続してください。',
    },
    MS_MAILBOX_NOT_ENABLED: {
      title: 'Microsoft 365のメールボックスを利用できません（管理者による対応が必要）',
      remediation:
        '再接続では解決しません。メールボックスが非アクティブ、削除済み、オンプレミス、またはExchange Onlineのライセンス未割り当てのため、REST APIで利用できません。Microsoft 365管理センターでExchange Onlineのライセンスを割り当てる（オンプレミスのExchangeはInterop経由で接続する）よう管理者に依頼してください。対応後、接続は自動で復旧します。',
    },
    MS_USER_NOT_IN_TENANT: {
      title: 'ユーザーがMicrosoftテナントに存在しません（管理者による対応が必要）',
      remediation:
        '再接続では解決しません。このアカウントは組織のMicrosoft Entraテナントのユーザー（または招待済みゲスト）ではありません。Microsoft Entraの管理者にユーザーをテナントへ追加するよう依頼するか、そのテナントのアカウントを接続してください。',
    },
    MS_TENANT_NOT_FOUND: {
      title: 'Microsoftのテナントが見つかりません（接続エラー）',
      remediation:
        '連携設定のテナントIDまたはドメインと、IDの機関（グローバルまたは各国のクラウド）が正しいか確認してください。',
    },
    MS_APP_NOT_FOUND: {
      title: 'Microsoftのアプリ登録が見つかりません（接続エラー）',
      remediation:
        '連携設定のアプリケーション（クライアント）IDとテナントを確認してください。マルチテナントアプリの場合は、このテナントの管理者が先に同意する必要があります。',
    },
    ZOOM_DAILY_LIMIT: {
      title: 'ZoomのAPIの1日の上限に達しました',
      remediation:
        '対応は不要です。Zoomが1日の上限をリセットする協定世界時（UTC）0時以降に自動で再開します。',
    },
    TLS_CERT_EXPIRED: {
      title: 'サーバー証明書の有効期限が切れています（接続エラー）',
      remediation:
        'サーバーのSSL/TLS証明書を更新し、中間証明書とあわせて新しい証明書をインストールしてください。',
    },
    TLS_CERT_UNTRUSTED: {
      title: 'サーバー証明書が信頼されていません（接続エラー）',
      remediation:
        '自己署名または不完全な証明書を、信頼された認証局が発行した証明書に置き換え、中間証明書チェーンもすべてインストールしてください。',
    },
    TLS_HOSTNAME_MISMATCH: {
      title: '証明書がホスト名と一致しません（接続エラー）',
      remediation:
        '設定したURLに証明書の発行対象のホスト名を使用するか、そのホスト名を含めて証明書を再発行してください。',
    },
    TLS_HOST_IS_IP_ADDRESS: {
      title: 'URLにホスト名ではなくIPアドレスが使われています（接続エラー）',
      remediation:
        '証明書はホスト名に対して発行されます。設定したURLのIPアドレスを、サーバーのホスト名（例：mail.example.com）に置き換えてください。',
    },
  },
};
