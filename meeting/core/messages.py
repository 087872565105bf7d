"""Messages for people in their language: the server's error messages and the client's own
network messages, in Japanese for Japanese users.

The protocol's messages are written in English with values in them ("No meeting 7 that you are
invited to."). Each template here is that English with `{}` where a value goes, and its
Japanese with `{0}`, `{1}`… for those values; `localize` finds the template a message was made
from and writes it in the other language. A message nobody translated stays in English
(tests/core/test_messages.py makes sure every message the code can send has its Japanese).
"""

from __future__ import annotations

import re
from functools import cache

JAPANESE: dict[str, str] = {
    # who may do what
    "No meeting {} that you are invited to.": "招待されている会議 {0} はありません。",
    "This meeting has ended and its materials were removed; they are no longer available on "
    "this or any device.": "この会議は終了し、資料は削除されました。どの端末でも閲覧できません。",
    "Only an organizer of the meeting can do this.": "この操作は会議の主催者だけが行えます。",
    "Only the presenter can {}.": "この操作は発表者だけが行えます。",
    "Only the presenter can draw for the room (unless the organizer lets everyone).":
        "会議室向けの書き込みは発表者だけが行えます（主催者が全員に許可した場合を除く）。",
    "Only an organizer or the current presenter can hand over.":
        "発表者の交代は主催者か現在の発表者だけが行えます。",
    "Only an administrator can remove an organizer.": "主催者を外せるのは管理者だけです。",
    "You cannot remove yourself; leave instead.":
        "自分自身は外せません。会議から退出してください。",
    "{} is not in this meeting.": "{0} さんはこの会議に参加していません。",
    "{} is not invited to this meeting.": "{0} さんはこの会議に招待されていません。",
    "{} is presenting: hand the presenter role to someone else first.":
        "{0} さんが発表中です。先に発表者を交代してください。",
    "A display account cannot draw.": "表示用アカウントは書き込みできません。",
    "A display account cannot present.": "表示用アカウントは発表者になれません。",
    "A display account takes no record.": "表示用アカウントは記録を取得できません。",
    "Join the meeting first.": "先に会議に参加してください。",
    # signing in and sessions
    "Wrong user name or password.": "ユーザー名またはパスワードが違います。",
    "The password must be at least {} characters long.":
        "パスワードは {0} 文字以上にしてください。",
    "The password must not contain the user name.":
        "パスワードにユーザー名を含めないでください。",
    "This password is one of the most common; choose another.":
        "このパスワードはよく使われるものです。別のパスワードにしてください。",
    "A user name is 1 to 64 letters, digits and . _ @ - (not {}).":
        "ユーザー名は 1〜64 文字の英数字と . _ @ - です（{0} は使えません）。",
    "the passwords do not match": "パスワードが一致しません",
    "the web meeting link must be an https:// address":
        "Web会議のリンクは https:// で始まるアドレスにしてください",
    "the web meeting link must not contain spaces or control characters":
        "Web会議のリンクに空白や制御文字は使えません",
    "the web meeting link must not contain a user name, '@' or '\\' before its host":
        "Web会議のリンクのホスト名の前にユーザー名・「@」・「\\」は使えません",
    "the web meeting link's host name is not valid": "Web会議のリンクのホスト名が正しくありません",
    "Too many export reports. Try again in {} seconds.":
        "書き出しの報告が多すぎます。{0} 秒後にもう一度お試しください。",
    "Too many failed sign-ins. Try again in {} seconds.":
        "サインインの失敗が多すぎます。{0} 秒後にもう一度お試しください。",
    "Log in first (a valid bearer token).": "先にサインインしてください。",
    "Log in first: connect with {token, protocol}.": "先にサインインしてください。",
    "The session has expired; log in again.":
        "セッションの有効期限が切れました。もう一度サインインしてください。",
    "The session has ended; log in again.":
        "セッションが終了しました。もう一度サインインしてください。",
    "This server speaks protocol {}; the client speaks {}. Update the client.":
        "サーバーの通信方式（{0}）とクライアント（{1}）が異なります。クライアントを更新してください。",
    "The server speaks protocol {}, this client {}. Update the client or ask your "
    "administrator.": "サーバーの通信方式（{0}）とこのクライアント（{1}）が異なります。"
                     "クライアントを更新するか、管理者にお問い合わせください。",
    # meetings, documents, pages
    "No document {} in this meeting.": "この会議に資料 {0} はありません。",
    "No such document in this meeting.": "この会議にその資料はありません。",
    "No such document in your meetings.": "あなたの会議にその資料はありません。",
    "No such meeting or document.": "その会議または資料はありません。",
    "No such page in this meeting.": "この会議にそのページはありません。",
    "Page index {} is past the end of {} ({} pages, indexed from 0).":
        "{1} にはそのページはありません（全 {2} ページ）。",
    "No such agenda item in this meeting.": "この会議にその議題はありません。",
    "No such agenda item.": "その議題はありません。",
    "No user named {}.": "ユーザー {0} はいません。",
    "This document has no original file.": "この資料には元のファイルがありません。",
    "This file is the version already shown.": "このファイルは現在表示中の版と同じです。",
    "The text of the PDF could not be read ({}).": "PDF の文字を読み取れませんでした（{0}）。",
    "This page took too long to draw; it may be damaged.":
        "このページの描画に時間がかかりすぎました。ファイルが壊れている可能性があります。",
    "This page could not be drawn; it may be damaged.":
        "このページを描画できませんでした。ファイルが壊れている可能性があります。",
    "The server is busy drawing pages; this one will come if you ask again in a moment.":
        "サーバーがページの描画で混み合っています。少し待ってからもう一度お試しください。",
    "The file is larger than {} MiB.": "ファイルが {0} MiB を超えています。",
    "The request body is larger than {} KiB.": "送信内容が {0} KiB を超えています。",
    "The message is nested too deeply.": "送信内容の入れ子が深すぎます。",
    "The file is not a PDF document.": "このファイルは PDF 文書ではありません。",
    "The PDF file is damaged and cannot be opened.": "PDF ファイルが壊れているため開けません。",
    "The PDF is protected by a password. Remove the password and upload it again.":
        "PDF がパスワードで保護されています。パスワードを解除してからアップロードしてください。",
    "The PDF has no pages.": "PDF にページがありません。",
    "Some pages of the PDF are damaged and cannot be shown.":
        "PDF の一部のページが壊れているため表示できません。",
    "The PDF took too long to check; it may be damaged.":
        "PDF の確認に時間がかかりすぎました。ファイルが壊れている可能性があります。",
    "The PDF could not be checked; it may be damaged.":
        "PDF を確認できませんでした。ファイルが壊れている可能性があります。",
    # Office files
    "The file is named {} but is not an {} document.":
        "ファイル名は {0} ですが、中身は {1} 文書ではありません。",
    "LibreOffice is not installed on the server, so Office files cannot be converted. Ask the "
    "administrator to install it (on Debian or Ubuntu: apt install libreoffice-core "
    "libreoffice-writer libreoffice-calc libreoffice-impress), or upload the document as a PDF.":
        "サーバーに LibreOffice がインストールされていないため、Office 文書を変換できません。"
        "管理者にインストールを依頼するか（Debian・Ubuntu：apt install libreoffice-core "
        "libreoffice-writer libreoffice-calc libreoffice-impress）、PDF にしてアップロード"
        "してください。",
    "Converting the document took longer than {} s and was stopped; it may be damaged, or too "
    "large: save it as PDF and upload that.": "文書の変換が {0} 秒を超えたため中止しました。"
                                             "壊れているか大きすぎる可能性があります。PDF に"
                                             "保存してアップロードしてください。",
    "LibreOffice could not convert this document to PDF (it may be damaged, or need more "
    "memory or time than a conversion may take).":
        "LibreOffice でこの文書を PDF に変換できませんでした（壊れているか、変換に使える"
        "メモリーや時間を超える可能性があります）。",
    "This file could not be read as an Office document.":
        "このファイルは Office 文書として読み取れませんでした。",
    "This file unpacks to far more than its size (a \"zip bomb\"), so it was not converted. "
    "Save it again from Office, or upload it as a PDF.":
        "このファイルは展開すると元の大きさをはるかに超えるため（「zip 爆弾」）、変換しません"
        "でした。Office で保存し直すか、PDF にしてアップロードしてください。",
    # marks
    "No stroke of yours with that id.": "その ID のあなたの書き込みはありません。",
    "No such annotation in this meeting.": "この会議にその書き込みはありません。",
    "That annotation id is already taken.": "その書き込み ID は既に使われています。",
    "A stroke has at most {} points.": "1 本の線は最大 {0} 点です。",
    "Only {} of {} points arrived: resend from {}.":
        "{1} 点中 {0} 点だけが届きました。{2} 点目から送り直してください。",
    "Points from {} sent, but only {} arrived: resend from {}.":
        "{0} 点目から送られましたが、{1} 点しか届いていません。{2} 点目から送り直してください。",
    # votes and the record
    "No such vote in this meeting.": "この会議にその採決はありません。",
    "No such annotation.": "その書き込みはありません。",
    "This vote is closed.": "この採決は締め切られています。",
    "This vote is already {}.": "この採決は既にその状態です。",
    "You are not eligible in this vote.": "この採決には投票権がありません。",
    "You have already voted; a ballot cannot be changed.":
        "既に投票済みです。投票は変更できません。",
    "Choose one of: {}.": "次から選んでください：{0}。",
    "The record took too long to write.": "記録の作成に時間がかかりすぎました。",
    "The record could not be written.": "記録を作成できませんでした。",
    "notes may only be 'mine'.": "notes に指定できるのは 'mine' だけです。",
    # storage
    "The server's storage is full, so nothing was saved. Ask the administrator to free space "
    "in the data folder; what was saved before is safe.":
        "サーバーの保存領域がいっぱいのため、保存できませんでした。管理者に空き容量の確保を"
        "依頼してください。これまでに保存された内容は失われていません。",
    "The server's data folder cannot be written, so nothing was saved. Ask the administrator "
    "to make it writable; what was saved before is safe.":
        "サーバーのデータフォルダーに書き込めないため、保存できませんでした。管理者に書き込み"
        "可能にするよう依頼してください。これまでに保存された内容は失われていません。",
    # requests and the network
    "The server could not handle this request.": "サーバーでこの要求を処理できませんでした。",
    "The body must be JSON.": "送信内容は JSON 形式である必要があります。",
    "Unknown event {}.": "不明なイベント {0} です。",
    "{} takes exactly one payload object.": "{0} には 1 つのオブジェクトを送ってください。",
    "payload must be a JSON object, got {}":
        "送信内容は JSON オブジェクトである必要があります（{0}）",
    "width must be a number of pixels from 1 to {}.":
        "width は 1 から {0} のピクセル数で指定してください。",
    "Cannot reach the server at {}.": "サーバー {0} に接続できません。",
    "The certificate of {} is not trusted, so nothing was sent ({}).":
        "{0} の証明書が信頼できないため、何も送信していません（{1}）。",
    "The download was interrupted: {}": "ダウンロードが中断されました：{0}",
    "The server answered {}.": "サーバーの応答：{0}",
    # approval (決裁)
    "No circulation {} that you are on.": "あなたが回付先に含まれる決裁 {0} はありません。",
    "You can mark check points only while it is your turn.":
        "チェック箇所に書き込めるのは、あなたの番のときだけです。",
    "The route has no steps: add at least one person to approve.":
        "回付ルートに段階がありません。承認者を 1 人以上追加してください。",
    "Step {} of the route has nobody: add at least one person.":
        "回付ルートの第 {0} 段階に誰もいません。1 人以上追加してください。",
    "Step {} of the route names someone twice.":
        "回付ルートの第 {0} 段階に同じ人が 2 回含まれています。",
    "Step {} needs {} people but has {}.":
        "第 {0} 段階には {1} 人の承認が必要ですが、{2} 人しかいません。",
    "{} is a display account and cannot approve.":
        "{0} は表示用アカウントのため承認できません。",
    "A display account cannot approve.": "表示用アカウントは承認できません。",
    "A display account cannot start a circulation.": "表示用アカウントは起案できません。",
    "Document {} is not in this circulation.": "資料 {0} はこの決裁に含まれていません。",
    "A document is named twice in this circulation.": "この決裁に同じ資料が 2 回指定されています。",
    "Your section must use one of its routes: {}.":
        "あなたの課では次の回付ルートのいずれかを使う必要があります：{0}。",
    "Only the drafter can start this circulation.": "この決裁を回付できるのは起案者だけです。",
    "Only the drafter can revise its documents.": "資料を差し替えられるのは起案者だけです。",
    "Documents can be revised only when the circulation is back with the drafter.":
        "資料を差し替えられるのは、決裁が起案者に戻っているときだけです。",
    "This circulation has not been started yet.": "この決裁はまだ回付されていません。",
    "This circulation is already on its way.": "この決裁は既に回付中です。",
    "This circulation is back with its drafter.": "この決裁は起案者に戻っています。",
    "This circulation is already approved.": "この決裁は既に決裁済みです。",
    "It is not your turn: this circulation waits for {}.":
        "あなたの番ではありません。この決裁は {0} さんの処理待ちです。",
    "You have already acted at this step.": "この段階では既に処理済みです。",
    "{} has already acted at this step.": "{0} さんはこの段階で既に処理済みです。",
    "{} has not named you their delegate.": "{0} さんはあなたを代理人に指定していません。",
    "A step that only reads (回覧) cannot send back.": "回覧の段階では差し戻しできません。",
    "Step {} is not before this one (step {}): send back to an earlier step or to the drafter.":
        "第 {0} 段階は現在の段階（第 {1} 段階）より前ではありません。前の段階か起案者に"
        "差し戻してください。",
    "Only a circulation on its way can be pulled back.": "引き戻せるのは回付中の決裁だけです。",
    "The next step has already acted: it can no longer be pulled back.":
        "次の段階が既に処理したため、引き戻せません。",
    "Only the one who sent it on can pull it back.": "引き戻せるのは回付した本人だけです。",
    "The stamp's page is not in this circulation.": "押印するページがこの決裁にありません。",
    "No such route template.": "その回付ルートのテンプレートはありません。",
    "Only an organizer or administrator can fix a section's routes.":
        "課の回付ルートを固定できるのは主催者か管理者だけです。",
    "You cannot name yourself your delegate.": "自分自身を代理人に指定することはできません。",
    "This document is not signed (yet).": "この資料は（まだ）署名されていません。",
    "This is a circulation: it changes only through its approval events.":
        "これは決裁です。決裁の操作でのみ変更できます。",
    "Your signing certificate expired on {}, so nothing was stored: ask the administrator to "
    "renew it.": "あなたの署名用証明書は {0} に有効期限が切れたため、何も保存していません。"
                 "管理者に更新を依頼してください。",
    "{} marks could not be placed in the revised document (their words are gone), so nothing "
    "was changed: keep those passages, or ask who marked them.":
        "差し替え後の資料に {0} 件の書き込みを配置できない（その文言がなくなった）ため、何も"
        "変更していません。該当箇所を残すか、書き込んだ人に相談してください。",
    # starting the desktop app (meeting/qt_platform.py: before Qt, so not in Qt's translations)
    "The desktop app cannot start: the X11 display (Qt's xcb platform) needs libraries that "
    "are not installed: {}.":
        "デスクトップアプリを起動できません。X11 の画面表示（Qt の xcb プラットフォーム）に"
        "必要な次のライブラリがインストールされていません：{0}。",
    "Install them with:\n    {}": "次のコマンドでインストールしてください：\n    {0}",
    "No Debian package is known for {}: reinstall the app (pip install --force-reinstall "
    "paperless-meeting).": "{0} を含む Debian パッケージが分かりません。アプリを再インストールして"
                           "ください（pip install --force-reinstall paperless-meeting）。",
    # signing an approved circulation (server/signing)
    "The signing certificate of {} expired on {}; nothing was signed. The administrator "
    "renews it with meeting-server pki renew {}.":
        "{0} さんの署名用証明書は {1} に有効期限が切れています。署名は行われていません。"
        "管理者が meeting-server pki renew {2} で更新してください。",
    "The signing authority's certificate expired on {}; nothing was signed.":
        "組織の認証局の証明書は {0} に有効期限が切れています。署名は行われていません。",
    "The server has no signing authority yet; the administrator creates it with "
    "meeting-server pki init.": "サーバーにまだ認証局がありません。管理者が meeting-server "
                                "pki init で作成してください。",
    "The signing keys' passphrase file {} cannot be read; nothing was signed.":
        "署名鍵のパスフレーズのファイル {0} を読めません。署名は行われていません。",
    "The passphrase file {} is empty.": "パスフレーズのファイル {0} が空です。",
    "A signing authority already exists in {}.": "{0} には認証局がすでにあります。",
    "{} is not a user name.": "{0} はユーザー名ではありません。",
    "Give either a URL or --remove.": "URL か --remove のどちらかを指定してください。",
    "The signing key of {} is not one this server made.":
        "{0} さんの署名鍵はこのサーバーが作成したものではありません。",
    "The signing authority's key is not one this server made.":
        "認証局の鍵はこのサーバーが作成したものではありません。",
}

client_language: str = "en"
"""The language this client's user reads (set where the application starts); the client asks
the server for its messages in it and writes its own in it."""

INVALID_PAYLOAD_JA = "送信内容が正しくありません（{0}）"
"""For the details pydantic writes about a malformed payload: a developer's matter."""


@cache
def _patterns(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    catalog = JAPANESE if language == "ja" else {}
    patterns = []
    for english, translated in catalog.items():
        parts = [re.escape(part) for part in english.split("{}")]
        patterns.append((re.compile("^" + "(.+?)".join(parts) + "$", re.S), translated))
    return tuple(patterns)


def localize(message: str, language: str | None, code: str | None = None) -> str:
    """The message in `language` ("ja"; anything else: as it is)."""
    if not language or not language.lower().startswith("ja"):
        return message
    for pattern, translated in _patterns("ja"):
        match = pattern.match(message)
        if match:
            return translated.format(*match.groups())
    if code == "invalid_payload":
        return INVALID_PAYLOAD_JA.format(message)
    return message


def language_of(accept_language: str | None) -> str | None:
    """"ja" when an Accept-Language header prefers Japanese, else None (English)."""
    if not accept_language:
        return None
    first = accept_language.split(",", 1)[0].strip().lower()
    return "ja" if first.startswith("ja") else None
