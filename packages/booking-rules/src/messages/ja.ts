import type { PageTextCatalog } from './catalog.js';

export const jaPageText: PageTextCatalog = {
  reasons: {
    MEMBER_CALENDAR_ERROR:
      'メンバーのカレンダー連携でエラーが発生しているため、予定の空き状況を取得できません。',
    OWNER_LOCATION_ERROR:
      'オーナーの場所（会議ツール）連携でエラーが発生しているため、会議を作成できません。',
    NO_MEMBER_CALENDAR_AVAILABLE:
      '利用できるカレンダーを持つメンバーがいません。全員のカレンダー連携がエラーまたは未連携です。',
    NO_MEMBER_LOCATION_AVAILABLE:
      '予約ページの場所を利用できるメンバーがいません。場所の連携がエラーまたは未連携です。',
    NO_ELIGIBLE_HOST: 'カレンダーと場所の両方を利用できるメンバーがいないため、担当者を割り当てられません。',
  },
  warnings: {
    HOSTS_UNAVAILABLE: ({ count, total }) => `担当者${total}人中${count}人が利用できません`,
    MEMBERS_WITHOUT_CALENDAR: ({ count, total }) =>
      `メンバー${total}人中${count}人のカレンダーが連携されていません`,
  },
};
