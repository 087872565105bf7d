// Every word the browser viewer shows, in Japanese and English (Japanese for "ja*" browsers).
const TEXTS = {
  ja: {
    appName: "ペーパーレス会議",
    userName: "ユーザー名",
    password: "パスワード",
    signIn: "サインイン",
    signingIn: "サインイン中…",
    wrongPassword: "ユーザー名またはパスワードが違います。",
    tooMany: "サインインの失敗が続いたため、{0} 秒後にもう一度お試しください。",
    unreachable: "サーバーに接続できません。",
    meetings: "会議",
    signedInAs: "{0} としてサインイン中",
    noMeetings: "招待されている会議はまだありません。",
    documents: "資料 {0} 件",
    presenter: "発表者: {0}",
    signOut: "サインアウト",
    previous: "◀ 前へ",
    next: "次へ ▶",
    pageOf: "{0} / {1} ページ",
    leave: "会議一覧へ",
    webMeeting: "Web会議に参加",
    browsing: "自分でページをめくっています（発表者の画面とは別です）",
    backToPresenter: "発表者の画面に戻る",
    connected: "● 接続中",
    reconnecting: "● 再接続しています…",
    people: "{0} 人参加 · {1} 人が追従",
    following: "追従中",
    browsingShort: "閲覧中",
    room: "会議室",
    remote: "リモート（アプリ）",
    browser: "リモート（ブラウザ）",
    noPage: "発表者はまだページを表示していません。",
    removed: "{0} さんによって会議から外されました。",
    sessionEnded: "セッションが終了しました。もう一度サインインしてください。",
    materialsRemoved: "会議が終了し、資料は削除されました。この端末にも残っていません。",
    removedMaterials: "資料削除済み",
    pageFailed: "このページを表示できませんでした: {0}",
  },
  en: {
    appName: "Paperless Meeting",
    userName: "User name",
    password: "Password",
    signIn: "Sign in",
    signingIn: "Signing in…",
    wrongPassword: "Wrong user name or password.",
    tooMany: "Too many failed sign-ins. Try again in {0} seconds.",
    unreachable: "Cannot reach the server.",
    meetings: "Meetings",
    signedInAs: "Signed in as {0}",
    noMeetings: "You are not invited to any meeting yet.",
    documents: "{0} documents",
    presenter: "presenter: {0}",
    signOut: "Sign out",
    previous: "◀ Previous",
    next: "Next ▶",
    pageOf: "Page {0} of {1}",
    leave: "Meetings",
    webMeeting: "Join the web meeting",
    browsing: "You are browsing on your own (not the presenter's page)",
    backToPresenter: "Back to presenter",
    connected: "● Connected",
    reconnecting: "● Reconnecting…",
    people: "{0} here · {1} following",
    following: "following",
    browsingShort: "browsing",
    room: "in the room",
    remote: "remote, in the app",
    browser: "remote, in a browser",
    noPage: "The presenter has not shown a page yet.",
    removed: "{0} removed you from the meeting.",
    sessionEnded: "The session has ended. Sign in again.",
    materialsRemoved: "The meeting has ended and its materials were removed; nothing of them stays on this device.",
    removedMaterials: "materials removed",
    pageFailed: "This page could not be shown: {0}",
  },
};

export const LANGUAGE = (navigator.language || "ja").toLowerCase().startsWith("ja") ? "ja" : "en";

/** The text for `key`, with {0}, {1}… replaced by the arguments. */
export function t(key, ...values) {
  const text = TEXTS[LANGUAGE][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));
}

export function translatePage() {
  document.documentElement.lang = LANGUAGE;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = t(element.dataset.text);
  }
  document.title = t("appName");
}
