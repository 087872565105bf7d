<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AgendaDialog</name>
    <message>
        <location filename="../../ui/agenda_panel.py" line="75"/>
        <location filename="../../ui/agenda_panel.py" line="79"/>
        <source>Agenda</source>
        <translation>議事次第</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="83"/>
        <source>Add this page…</source>
        <translation>このページを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="84"/>
        <source>Add a heading…</source>
        <translation>見出しを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="85"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="86"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="87"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="118"/>
        <source>Title of the item for this page:</source>
        <translation>このページの議題名:</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="123"/>
        <source>Title of the item:</source>
        <translation>議題名:</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="140"/>
        <source>Agenda item</source>
        <translation>議題</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="145"/>
        <source> — {0}, page {1}</source>
        <translation> — {0}、{1} ページ</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../ui/agenda_panel.py" line="32"/>
        <location filename="../../ui/agenda_panel.py" line="35"/>
        <source>Agenda</source>
        <translation>議事次第</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="40"/>
        <source>Edit agenda…</source>
        <translation>議事次第を編集…</translation>
    </message>
    <message>
        <location filename="../../ui/agenda_panel.py" line="56"/>
        <source>
{0}, page {1}</source>
        <translation>
{0}、{1} ページ</translation>
    </message>
</context>
<context>
    <name>Authenticity</name>
    <message>
        <location filename="../../ui/authenticity.py" line="24"/>
        <source>Authenticity</source>
        <translation>真正性の確認</translation>
    </message>
    <message>
        <location filename="../../ui/authenticity.py" line="25"/>
        <source>Checking “{0}”…</source>
        <translation>「{0}」を確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/authenticity.py" line="32"/>
        <source>“{0}” on this device is exactly the document the organizer uploaded: its SHA-256 matches the one the server recorded at upload.</source>
        <translation>この端末の「{0}」は、主催者がアップロードした資料と完全に同一です（SHA-256 がアップロード時にサーバーが記録した値と一致しました）。</translation>
    </message>
    <message>
        <location filename="../../ui/authenticity.py" line="37"/>
        <source>The copy of “{0}” on this device was changed after it was downloaded. It has been removed; it will be downloaded again when opened.</source>
        <translation>この端末の「{0}」はダウンロード後に変更されていました。削除しましたので、次に開くときに改めてダウンロードされます。</translation>
    </message>
    <message>
        <location filename="../../ui/authenticity.py" line="41"/>
        <source>“{0}” is not on this device yet (it is checked when it is downloaded).</source>
        <translation>「{0}」はまだこの端末にありません（ダウンロード時に確認されます）。</translation>
    </message>
</context>
<context>
    <name>BesideMenu</name>
    <message>
        <location filename="../../ui/viewer/menus.py" line="37"/>
        <source>Close the second document</source>
        <translation>2つ目の資料を閉じる</translation>
    </message>
</context>
<context>
    <name>BesidePane</name>
    <message>
        <location filename="../../ui/beside_pane.py" line="89"/>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <location filename="../../ui/beside_pane.py" line="92"/>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <location filename="../../ui/beside_pane.py" line="93"/>
        <source>Presenter&apos;s</source>
        <translation>発表者の表示</translation>
    </message>
    <message>
        <location filename="../../ui/beside_pane.py" line="94"/>
        <source>Show the document the presenter shows beside the page</source>
        <translation>発表者が並べて表示している資料を表示</translation>
    </message>
    <message>
        <location filename="../../ui/beside_pane.py" line="96"/>
        <source>Close the second document</source>
        <translation>2つ目の資料を閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/beside_pane.py" line="161"/>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>ClientApp</name>
    <message>
        <location filename="../../ui/app.py" line="102"/>
        <source>No system keychain is available here: you will stay signed in only until this program closes.</source>
        <translation>この端末ではシステムのキーチェーンを利用できません。サインインはこのプログラムを閉じるまで有効です。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="177"/>
        <source>Removed from the meeting</source>
        <translation>会議から外されました</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="178"/>
        <source>{0} removed you from the meeting. Its materials are no longer available to you.</source>
        <translation>{0} さんがあなたを会議から外しました。この会議の資料は閲覧できなくなりました。</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../ui/console_window.py" line="65"/>
        <source>The time now</source>
        <translation>現在の時刻</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="46"/>
        <source>Presenter&apos;s console</source>
        <translation>発表者コンソール</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="74"/>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="75"/>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="82"/>
        <source>Page </source>
        <translation>ページ </translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="88"/>
        <source>Switch the room to another document</source>
        <translation>会議室の表示を別の資料に切り替え</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="92"/>
        <source>Room</source>
        <translation>会議室</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="147"/>
        <source>“{0}” — page {1} of {2}</source>
        <translation>「{0}」 — {1} / {2} ページ</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="153"/>
        <source>Next: page {0}</source>
        <translation>次：{0} ページ</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="154"/>
        <source>Last page</source>
        <translation>最後のページ</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="203"/>
        <source>Elapsed {0}</source>
        <translation>経過 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="205"/>
        <source>  ·  this item {0}</source>
        <translation> ・ この議題 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="215"/>
        <source>Here: {0} · following: {1}</source>
        <translation>参加 {0} 人・連動 {1} 人</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="58"/>
        <source>This page</source>
        <translation>このページ</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="59"/>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="69"/>
        <source>Who is here</source>
        <translation>出席者</translation>
    </message>
    <message>
        <location filename="../../ui/console_window.py" line="80"/>
        <source>Page of the room</source>
        <translation>会議室に表示するページ</translation>
    </message>
</context>
<context>
    <name>DisplayMenu</name>
    <message>
        <location filename="../../ui/viewer/menus.py" line="72"/>
        <source>Screen {0}: {1}×{2} {3}</source>
        <translation>画面 {0}：{1}×{2} {3}</translation>
    </message>
</context>
<context>
    <name>DisplayVote</name>
    <message>
        <location filename="../../ui/display_vote.py" line="77"/>
        <source> (secret)</source>
        <translation>（無記名）</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display_window.py" line="91"/>
        <source>✕ Return</source>
        <translation>✕ 戻る</translation>
    </message>
    <message>
        <location filename="../../ui/display_window.py" line="172"/>
        <source>Esc to return</source>
        <translation>Esc キーで戻る</translation>
    </message>
    <message>
        <location filename="../../ui/display_window.py" line="171"/>
        <source>Esc to return  ·  ← → turn the pages</source>
        <translation>Esc キーで戻る&#x3000;・&#x3000;← → キーでページ送り</translation>
    </message>
    <message>
        <location filename="../../ui/display_window.py" line="64"/>
        <source>Paperless Meeting — display</source>
        <translation>ペーパーレス会議 — 大型モニター</translation>
    </message>
    <message>
        <location filename="../../ui/display_window.py" line="106"/>
        <source>Waiting for the presenter…</source>
        <translation>発表者を待っています…</translation>
    </message>
    <message>
        <location filename="../../ui/display_window.py" line="264"/>
        <source>Reconnecting…</source>
        <translation>再接続しています…</translation>
    </message>
</context>
<context>
    <name>DocumentsList</name>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="32"/>
        <source>Documents</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="47"/>
        <source>{0}
{1} pages · ▶ presenter is here</source>
        <translation>{0}
{1} ページ・▶ 発表者が表示中</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="49"/>
        <source>{0}
{1} pages · ▶ presenter shows it beside</source>
        <translation>{0}
{1} ページ・▶ 発表者が横に表示中</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="51"/>
        <source>{0}
{1} pages</source>
        <translation>{0}
{1} ページ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="67"/>
        <source>Open beside the page</source>
        <translation>ページの横に開く</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="68"/>
        <source>Check authenticity (SHA-256)…</source>
        <translation>真正性を確認（SHA-256）…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="72"/>
        <source>Download the original ({0})…</source>
        <translation>元のファイル（{0}）をダウンロード…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="74"/>
        <source>Replace with a revised version…</source>
        <translation>修正版に差し替え…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="85"/>
        <source>Revised version of “{0}”</source>
        <translation>「{0}」の修正版</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/documents_list.py" line="86"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EndMeetingConfirmation</name>
    <message>
        <location filename="../../ui/protection_dialog.py" line="94"/>
        <location filename="../../ui/protection_dialog.py" line="103"/>
        <source>End the meeting</source>
        <translation>会議を終了</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="95"/>
        <source>End “{0}” now?</source>
        <translation>「{0}」を今終了しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="97"/>
        <source>Participants keep the materials.</source>
        <translation>参加者の端末に資料は残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="98"/>
        <source>The files leave every participant&apos;s device now.</source>
        <translation>資料ファイルは今すぐ参加者全員の端末から削除されます。</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="100"/>
        <source>The files and everyone&apos;s private notes are removed now; participants are offered to export their notes first. Notes cannot come back.</source>
        <translation>資料ファイルと全員の個人メモが今すぐ削除されます。参加者には事前にメモの書き出しが案内されます。削除したメモは元に戻せません。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="29"/>
        <location filename="../../ui/export_dialog.py" line="97"/>
        <source>Save as PDF with notes</source>
        <translation>書き込み入りで PDF に保存</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="34"/>
        <source>What to save</source>
        <translation>保存する内容</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="35"/>
        <source>This document: “{0}”</source>
        <translation>この資料：「{0}」</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="37"/>
        <source>Every document of the meeting, in one PDF (for the record)</source>
        <translation>会議のすべての資料を 1 つの PDF に（記録用）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="43"/>
        <source>Marks to include</source>
        <translation>含める書き込み</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="44"/>
        <source>Shared marks (what the room sees)</source>
        <translation>共有の書き込み（会議室に表示されるもの）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="45"/>
        <source>My private notes</source>
        <translation>自分の個人メモ</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="54"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="92"/>
        <source> (record)</source>
        <translation>（全資料・書き込み付き）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="92"/>
        <source> (with notes)</source>
        <translation>（書き込み付き）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="93"/>
        <source>meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="98"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../ui/viewer/menus.py" line="51"/>
        <source>Save with notes…</source>
        <translation>書き込み入りで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/menus.py" line="53"/>
        <source>Record of the meeting (PDF and JSON)…</source>
        <translation>会議の記録（PDF と記録データ）…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/menus.py" line="55"/>
        <source>My copy of the record, with my notes…</source>
        <translation>自分用の記録（自分のメモ入り）…</translation>
    </message>
</context>
<context>
    <name>FollowBanner</name>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="20"/>
        <source>You are presenting: everyone following sees this page.</source>
        <translation>発表中です。連動している全員にこのページが表示されます。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="25"/>
        <source>You are browsing on your own. The presenter is on page {0} of “{1}”.</source>
        <translation>自分でページをめくっています。発表者は「{1}」の {0} ページを表示しています。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="27"/>
        <source>Back to presenter</source>
        <translation>発表者に戻る</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="30"/>
        <source>The presenter is holding everyone on this page for a moment.</source>
        <translation>発表者が全員をこのページに固定しています。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="33"/>
        <source>Following the presenter ({0}).</source>
        <translation>発表者（{0}）の画面に連動しています。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="35"/>
        <source>No material in this meeting yet.</source>
        <translation>この会議にはまだ資料がありません。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="43"/>
        <source>Presenting</source>
        <translation>発表中</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="45"/>
        <source>Browsing on your own</source>
        <translation>自分でめくっています</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/follow_banner.py" line="46"/>
        <source>Following</source>
        <translation>連動中</translation>
    </message>
</context>
<context>
    <name>InkToolbar</name>
    <message>
        <location filename="../../ui/ink_tools.py" line="74"/>
        <source>Ink</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="79"/>
        <source>Browse</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="79"/>
        <source>Select</source>
        <translation>選択</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="80"/>
        <source>Pen</source>
        <translation>ペン</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="80"/>
        <source>Marker</source>
        <translation>マーカー</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="81"/>
        <source>Line</source>
        <translation>直線</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="81"/>
        <source>Arrow</source>
        <translation>矢印</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="82"/>
        <source>Box</source>
        <translation>四角</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="82"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="83"/>
        <source>Eraser</source>
        <translation>消しゴム</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="83"/>
        <source>Laser</source>
        <translation>レーザー</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="105"/>
        <source>Shapes</source>
        <translation>図形</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="112"/>
        <source>Snap to text</source>
        <translation>文字に沿わせる</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="115"/>
        <source>The marker follows the printed line, from the start of a word to the end of one</source>
        <translation>マーカーが印字された行に沿い、語の始まりから語の終わりまで引かれます</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="120"/>
        <source>Thin</source>
        <translation>細</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="120"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="121"/>
        <source>Thick</source>
        <translation>太</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="150"/>
        <source>For the room</source>
        <translation>会議室に表示</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="153"/>
        <source>On: everyone sees what you draw. Off: a private note only you see.</source>
        <translation>オン：書いたものが全員に見えます。オフ：自分だけが見る個人メモになります。</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="157"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="159"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="161"/>
        <source>Clear page</source>
        <translation>ページを消去</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="164"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="166"/>
        <source>Show to the room</source>
        <translation>会議室に見せる</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="168"/>
        <source>Make the selected private note a shared mark</source>
        <translation>選択した個人メモを共有の書き込みにする</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="169"/>
        <source>Everyone may draw</source>
        <translation>全員が書き込み可</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="172"/>
        <source>Let every participant draw for the room and show their notes to it</source>
        <translation>参加者全員が会議室向けに書き込み、自分のメモを見せられるようにします</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="242"/>
        <source>Black</source>
        <translation>黒</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="243"/>
        <source>Red</source>
        <translation>赤</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="244"/>
        <source>Blue</source>
        <translation>青</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="245"/>
        <source>Green</source>
        <translation>緑</translation>
    </message>
    <message>
        <location filename="../../ui/ink_tools.py" line="246"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
</context>
<context>
    <name>KeyboardOrder</name>
    <message>
        <location filename="../../ui/keyboard_order.py" line="94"/>
        <location filename="../../ui/keyboard_order.py" line="95"/>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
</context>
<context>
    <name>LeaveQuestion</name>
    <message>
        <location filename="../../ui/leave_dialog.py" line="46"/>
        <source>New presenter:</source>
        <translation>新しい発表者：</translation>
    </message>
    <message>
        <location filename="../../ui/leave_dialog.py" line="38"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/leave_dialog.py" line="37"/>
        <source>End presenting and leave</source>
        <translation>発表を終了して退出</translation>
    </message>
    <message>
        <location filename="../../ui/leave_dialog.py" line="35"/>
        <source>Hand over and leave</source>
        <translation>交代して退出</translation>
    </message>
    <message>
        <location filename="../../ui/leave_dialog.py" line="29"/>
        <source>You are presenting. Hand the presenter role to someone before you leave, or end presenting: everyone is told you have left and can browse on their own.</source>
        <translation>あなたは発表中です。退出する前に発表者を交代するか、発表を終了してください。発表を終了すると、参加者には発表者が退出したことが伝わり、各自で資料を閲覧できるようになります。</translation>
    </message>
    <message>
        <location filename="../../ui/leave_dialog.py" line="27"/>
        <source>Leave the meeting</source>
        <translation>会議から退出</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="36"/>
        <source>Sign in — Paperless Meeting</source>
        <translation>サインイン — ペーパーレス会議</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="54"/>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="55"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="60"/>
        <location filename="../../ui/login_dialog.py" line="121"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="77"/>
        <source>Enter the server address, your user name and password.</source>
        <translation>サーバーのアドレス、ユーザー名、パスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="103"/>
        <source>Wrong user name or password.</source>
        <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="105"/>
        <source>Cannot reach the server at {0}. Check the address and the network.</source>
        <translation>サーバー {0} に接続できません。アドレスとネットワークを確認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="108"/>
        <source>Too many failed sign-ins. Try again in {0} seconds.</source>
        <translation>サインインの失敗が多すぎます。{0} 秒後にもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="111"/>
        <source>The server&apos;s certificate is not trusted, so nothing was sent. Check the address, or ask your administrator for the certificate authority file (--ca-file).</source>
        <translation>サーバーの証明書が信頼できないため、何も送信していません。アドレスを確認するか、管理者に認証局ファイル（--ca-file）を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="115"/>
        <source>This client and the server are different versions. Update the client or ask your administrator.</source>
        <translation>このクライアントとサーバーのバージョンが異なります。クライアントを更新するか、管理者にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="121"/>
        <source>Signing in…</source>
        <translation>サインインしています…</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="22"/>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="23"/>
        <source>Panel</source>
        <translation>パネル</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="26"/>
        <source>Show or hide the agenda, votes, documents and people</source>
        <translation>議事次第・採決・資料・参加者のパネルを表示／非表示</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="29"/>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="34"/>
        <source>Page {0} of {1}</source>
        <translation>{0} / {1} ページ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="38"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="40"/>
        <source>First page</source>
        <translation>最初のページ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="42"/>
        <source>Last page</source>
        <translation>最後のページ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="45"/>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="46"/>
        <source>Fit page</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="47"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="53"/>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="56"/>
        <source>Back to presenter</source>
        <translation>発表者に戻る</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="58"/>
        <source>Side by side</source>
        <translation>並べて表示</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="61"/>
        <source>Open a second document beside the page (a report and its reference)</source>
        <translation>ページの横に 2 つ目の資料を開く（報告書と参考資料など）</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="64"/>
        <source>Save with notes…</source>
        <translation>書き込み入りで保存…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="67"/>
        <source>Room</source>
        <translation>会議室</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="69"/>
        <source>What the room sees: blank the large monitor, zoom, hold everyone on this page</source>
        <translation>会議室の表示：大型モニターの消画、拡大、全員をこのページに固定</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="70"/>
        <source>Large monitor</source>
        <translation>大型モニター</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="73"/>
        <source>Show the room&apos;s page full screen on another monitor (Esc there closes it)</source>
        <translation>会議室のページを別のモニターに全画面表示（そのモニターで Esc キーを押すと閉じます）</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="75"/>
        <source>Add document…</source>
        <translation>資料を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="77"/>
        <source>Thumbnails</source>
        <translation>サムネイル</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="80"/>
        <source>Show or hide the page thumbnails</source>
        <translation>ページのサムネイルを表示／非表示</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="81"/>
        <source>Reading mode</source>
        <translation>閲覧モード</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/main_toolbar.py" line="83"/>
        <source>Only the page: tap the page number or press Esc to bring the tool bars back</source>
        <translation>ページだけを表示します。ページ番号をタップするか Esc キーでツールバーに戻ります</translation>
    </message>
</context>
<context>
    <name>MarkLayersMenu</name>
    <message>
        <location filename="../../ui/mark_layers_menu.py" line="46"/>
        <source>Marks shown</source>
        <translation>表示する書き込み</translation>
    </message>
    <message>
        <location filename="../../ui/mark_layers_menu.py" line="48"/>
        <source>Show or hide the room&apos;s marks and your private notes on this device</source>
        <translation>共有の書き込みと自分の個人メモを、この端末で表示するかどうかを切り替えます</translation>
    </message>
    <message>
        <location filename="../../ui/mark_layers_menu.py" line="51"/>
        <source>Room marks (everyone sees them)</source>
        <translation>共有の書き込み（全員に表示）</translation>
    </message>
    <message>
        <location filename="../../ui/mark_layers_menu.py" line="52"/>
        <source>My private notes (only I see them)</source>
        <translation>自分の個人メモ（自分だけに表示）</translation>
    </message>
</context>
<context>
    <name>MaterialsRemovedNotice</name>
    <message>
        <location filename="../../ui/materials_notice.py" line="31"/>
        <source>Meeting materials removed</source>
        <translation>会議資料の削除</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="33"/>
        <source>a meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="40"/>
        <source>“{0}” has ended and its materials are being removed from this device, with your {1} private notes.</source>
        <translation>「{0}」は終了しました。この端末から資料と、あなたの個人メモ {1} 件を削除します。</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="43"/>
        <source>Export your notes to a PDF first? After this, they cannot be opened again.</source>
        <translation>先にメモを PDF に書き出しますか？ 削除後は二度と開けません。</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="45"/>
        <source>Export my notes…</source>
        <translation>自分のメモを書き出す…</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="46"/>
        <source>Remove without exporting</source>
        <translation>書き出さずに削除</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="52"/>
        <source>“{0}” has ended and its materials were removed from this device.</source>
        <translation>「{0}」は終了し、資料はこの端末から削除されました。</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="85"/>
        <source>Export my notes</source>
        <translation>自分のメモを書き出す</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="86"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="108"/>
        <source>Your notes were saved to {0}; the meeting&apos;s materials were removed from this device.</source>
        <translation>メモを {0} に保存しました。会議資料はこの端末から削除されました。</translation>
    </message>
    <message>
        <location filename="../../ui/materials_notice.py" line="117"/>
        <source>The notes could not be saved ({0}). Try another place, or remove without exporting.</source>
        <translation>メモを保存できませんでした（{0}）。別の保存先を選ぶか、書き出さずに削除してください。</translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <location filename="../../ui/meeting_list.py" line="37"/>
        <source>Upcoming</source>
        <translation>開催予定</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="38"/>
        <source>In progress</source>
        <translation>開催中</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="39"/>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="48"/>
        <source>ddd d MMM, HH:mm</source>
        <translation>M月d日（ddd）H:mm</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="50"/>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>yyyy年M月d日（ddd）H:mm</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="61"/>
        <source>no presenter yet</source>
        <translation>発表者未定</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="62"/>
        <source>{0} documents · presenter: {1}</source>
        <translation>資料 {0} 件・発表者：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="65"/>
        <location filename="../../ui/meeting_list.py" line="184"/>
        <source> · ✓ on this device</source>
        <translation>・✓ この端末に保存済み</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="66"/>
        <source> · </source>
        <translation>・</translation>
    </message>
</context>
<context>
    <name>MeetingListWindow</name>
    <message>
        <location filename="../../ui/meeting_list.py" line="80"/>
        <source>Meetings — Paperless Meeting</source>
        <translation>会議一覧 — ペーパーレス会議</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="83"/>
        <source>Signed in as {0} ({1}) at {2}</source>
        <translation>{2} に {0}（{1}）としてサインイン中</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="89"/>
        <location filename="../../ui/meeting_list.py" line="94"/>
        <source>Meetings</source>
        <translation>会議一覧</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="97"/>
        <source>Join</source>
        <translation>参加</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="98"/>
        <source>Keep for offline reading</source>
        <translation>オフライン用に保存</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="100"/>
        <source>Download the meeting&apos;s documents to this device before the meeting, to read them (and take notes) without a connection</source>
        <translation>会議の前に資料をこの端末にダウンロードし、接続がなくても閲覧（とメモ）ができるようにします</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="103"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="104"/>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="105"/>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="135"/>
        <source>Loading meetings…</source>
        <translation>会議を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="143"/>
        <source>Could not load the meetings: {0}</source>
        <translation>会議を読み込めませんでした：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="159"/>
        <source>Offline: these are the meetings kept on this device. Notes you take are sent when the connection is back.</source>
        <translation>オフライン：この端末に保存された会議です。取ったメモは接続が戻ったときに送信されます。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="161"/>
        <source>Offline, and no meeting is kept on this device yet.</source>
        <translation>オフラインです。この端末に保存された会議はまだありません。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="164"/>
        <source>You are not invited to any meeting yet.</source>
        <translation>まだ招待されている会議はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="175"/>
        <source>Downloading “{0}”…</source>
        <translation>「{0}」をダウンロードしています…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="179"/>
        <source>Downloading “{0}”: {1} of {2} documents…</source>
        <translation>「{0}」をダウンロード中：{2} 件中 {1} 件…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="188"/>
        <source>“{0}” is kept on this device ({1} documents): you can read it and take notes without a connection.</source>
        <translation>「{0}」をこの端末に保存しました（資料 {1} 件）。接続がなくても閲覧とメモができます。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_list.py" line="193"/>
        <source>Could not keep “{0}”: {1}</source>
        <translation>「{0}」を保存できませんでした：{1}</translation>
    </message>
    <message>
        <source>Approvals ({0} waiting)</source>
        <translation>決裁（処理待ち {0} 件）</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>決裁</translation>
    </message>
    <message>
        <source>For your approval: “{0}” from {1}</source>
        <translation>決裁の依頼：{1} さんから「{0}」</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>MeetingStatusBar</name>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="21"/>
        <source>Your notes, deletions and ballots are kept on this device until the server has them</source>
        <translation>メモ・削除・投票は、サーバーに届くまでこの端末に保存されます</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="66"/>
        <source>1 change not yet sent</source>
        <translation>未送信の変更 1 件</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="68"/>
        <source>{0} changes not yet sent</source>
        <translation>未送信の変更 {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="70"/>
        <source>All changes sent</source>
        <translation>すべての変更を送信しました</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="24"/>
        <source>I&apos;m in the room</source>
        <translation>会議室で参加</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="25"/>
        <source>I&apos;m remote</source>
        <translation>リモートで参加</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="27"/>
        <source>Where you are, for the list of who is here</source>
        <translation>参加者一覧に表示される参加場所</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="30"/>
        <source>How the organizer protects this meeting&apos;s materials</source>
        <translation>主催者がこの会議の資料に設定している保護</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="49"/>
        <source>● Connected</source>
        <translation>● 接続中</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/status_bar.py" line="52"/>
        <source>● Offline — reconnecting…</source>
        <translation>● オフライン — 再接続しています…</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../ui/note_editor.py" line="33"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../ui/note_editor.py" line="34"/>
        <source>Type a note. Enter: done. Esc: cancel.</source>
        <translation>メモを入力（Enterで確定、Escで取消）</translation>
    </message>
    <message>
        <location filename="../../ui/note_editor.py" line="35"/>
        <source>Enter keeps the note, Shift+Enter starts a new line, Esc cancels</source>
        <translation>Enterで確定、Shift＋Enterで改行、Escで取り消します</translation>
    </message>
</context>
<context>
    <name>OverflowToolbar</name>
    <message>
        <location filename="../../ui/base/overflow_toolbar.py" line="38"/>
        <source>More</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../ui/base/overflow_toolbar.py" line="39"/>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../ui/page_view.py" line="387"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="400"/>
        <source>This page could not be drawn</source>
        <translation>このページは表示できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="127"/>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="129"/>
        <source>Page Up and Page Down turn the page; Ctrl and + or − zoom</source>
        <translation>PageUp・PageDownキーでページをめくります。Ctrlキーを押しながら＋・−で拡大・縮小します</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <location filename="../../ui/people_button.py" line="19"/>
        <source>in the room</source>
        <translation>会議室</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="20"/>
        <source>remote, in the app</source>
        <translation>リモート（アプリ）</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="21"/>
        <source>remote, in a browser</source>
        <translation>リモート（ブラウザ）</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="26"/>
        <source>following</source>
        <translation>連動中</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="27"/>
        <source>browsing</source>
        <translation>閲覧中</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="28"/>
        <source> ({0} devices)</source>
        <translation>（{0} 台）</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="30"/>
        <source>{0} {1} — {2}, {3}{4}</source>
        <translation>{0} {1} — {2}、{3}{4}</translation>
    </message>
</context>
<context>
    <name>PeopleButton</name>
    <message>
        <location filename="../../ui/people_button.py" line="80"/>
        <source>I am taking part remotely</source>
        <translation>自分はリモートで参加中</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="79"/>
        <source>I am in the meeting room</source>
        <translation>自分は会議室にいる</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="46"/>
        <source>Who is here</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="60"/>
        <source>{0} here · {1} following</source>
        <translation>参加 {0} 人・連動 {1} 人</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="64"/>
        <source>Nobody has joined yet</source>
        <translation>まだ誰も参加していません</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="70"/>
        <source> (you)</source>
        <translation>（あなた）</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="73"/>
        <source>Remove from the meeting…</source>
        <translation>会議から外す…</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="89"/>
        <source>Remove from the meeting</source>
        <translation>会議から外す</translation>
    </message>
    <message>
        <location filename="../../ui/people_button.py" line="90"/>
        <source>Remove {0} from this meeting? They will no longer see its materials, and their screens close it now.</source>
        <translation>{0} さんをこの会議から外しますか？ 資料は閲覧できなくなり、画面の会議もすぐに閉じられます。</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <location filename="../../ui/viewer/people_list.py" line="25"/>
        <source>Nobody has joined yet</source>
        <translation>まだ誰も参加していません</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/people_list.py" line="29"/>
        <source> (you)</source>
        <translation>（あなた）</translation>
    </message>
</context>
<context>
    <name>PlaceQuestion</name>
    <message>
        <location filename="../../ui/place_question.py" line="54"/>
        <source>Remote</source>
        <translation>リモートで参加</translation>
    </message>
    <message>
        <location filename="../../ui/place_question.py" line="53"/>
        <source>In the room</source>
        <translation>会議室で参加</translation>
    </message>
    <message>
        <location filename="../../ui/place_question.py" line="48"/>
        <source>Are you in the meeting room for “{0}”, or taking part remotely? The list of who is here and the record of the meeting show it; you can change it later in the list of people.</source>
        <translation>「{0}」に会議室で参加していますか、それともリモートで参加していますか。参加者一覧と会議録に記録されます。後から参加者一覧で変更できます。</translation>
    </message>
    <message>
        <location filename="../../ui/place_question.py" line="47"/>
        <source>Where are you?</source>
        <translation>参加場所の確認</translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <location filename="../../ui/protection_dialog.py" line="115"/>
        <source>Watermarked</source>
        <translation>透かし表示</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="117"/>
        <source>Removed at the end</source>
        <translation>終了時に資料削除</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="119"/>
        <source>Access until {0}</source>
        <translation>{0} まで閲覧可</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="122"/>
        <source>Ended</source>
        <translation>終了済み</translation>
    </message>
</context>
<context>
    <name>ProtectionDialog</name>
    <message>
        <location filename="../../ui/protection_dialog.py" line="34"/>
        <source>Protect the materials</source>
        <translation>資料の保護</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="35"/>
        <source>Watermark: each viewer&apos;s name and the time across every page, on screen and in exports</source>
        <translation>透かし：閲覧者の名前と時刻を全ページに表示（画面と書き出しの両方）</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="40"/>
        <source>Keep the materials after the meeting</source>
        <translation>会議後も資料を残す</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="41"/>
        <source>Remove the files from every device</source>
        <translation>全端末から資料ファイルを削除</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="43"/>
        <source>Remove the files and everyone&apos;s private notes</source>
        <translation>資料ファイルと全員の個人メモを削除</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="46"/>
        <source>Access ends on</source>
        <translation>閲覧期限</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="59"/>
        <source>When the meeting ends:</source>
        <translation>会議終了時:</translation>
    </message>
    <message>
        <location filename="../../ui/protection_dialog.py" line="62"/>
        <source>Removed materials leave participants&apos; tablets, PCs and browsers at the end of the meeting (or when a device next connects); organizers keep them for the record.</source>
        <translation>削除される資料は、会議終了時（またはその端末が次に接続したとき）に参加者のタブレット、PC、ブラウザから消えます。主催者は記録用に保持します。</translation>
    </message>
</context>
<context>
    <name>ReadingOverlay</name>
    <message>
        <location filename="../../ui/viewer/reading_overlay.py" line="19"/>
        <source>Show the tool bars again (Esc)</source>
        <translation>ツールバーを再表示（Esc）</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/role_names.py" line="12"/>
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../ui/role_names.py" line="13"/>
        <source>organizer</source>
        <translation>主催者</translation>
    </message>
    <message>
        <location filename="../../ui/role_names.py" line="14"/>
        <source>participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../../ui/role_names.py" line="15"/>
        <source>large monitor</source>
        <translation>大型モニター</translation>
    </message>
</context>
<context>
    <name>RoomBanner</name>
    <message>
        <location filename="../../ui/banners.py" line="87"/>
        <source>The presenter ({0}) has not joined yet; you can browse on your own.</source>
        <translation>発表者（{0}）はまだ参加していません。各自で資料をご覧いただけます。</translation>
    </message>
    <message>
        <location filename="../../ui/banners.py" line="83"/>
        <source>Nobody is presenting; you can browse on your own.</source>
        <translation>発表者がいません。各自で資料をご覧いただけます。</translation>
    </message>
    <message>
        <location filename="../../ui/banners.py" line="85"/>
        <source>The presenter has left; you can browse on your own.</source>
        <translation>発表者が退出しました。各自で資料をご覧いただけます。</translation>
    </message>
    <message>
        <location filename="../../ui/banners.py" line="79"/>
        <source>Offline — reconnecting… You see the page as it was; votes and marks for the room wait until the connection is back.</source>
        <translation>オフラインです。再接続しています… 表示中のページは切断前のものです。採決と全員向けの書き込みは、接続が戻るまでお待ちください。</translation>
    </message>
</context>
<context>
    <name>RoomMenu</name>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="33"/>
        <source>Black screen on the large monitor</source>
        <translation>大型モニターを黒画面に</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="35"/>
        <source>White screen on the large monitor</source>
        <translation>大型モニターを白画面に</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="37"/>
        <source>Show the page again</source>
        <translation>ページを再表示</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="42"/>
        <source>Show the room what I see (zoom)</source>
        <translation>自分の表示範囲を会議室に見せる（拡大）</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="45"/>
        <source>Show the room the whole page</source>
        <translation>会議室にページ全体を表示</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="48"/>
        <source>Hold everyone on this page</source>
        <translation>全員をこのページに固定</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="52"/>
        <source>Hand the presenter role to</source>
        <translation>発表者を交代</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="54"/>
        <source>Take the presenter role</source>
        <translation>発表者になる</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="58"/>
        <source>Presenter&apos;s console</source>
        <translation>発表者コンソール</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="62"/>
        <source>Web meeting link…</source>
        <translation>Web会議のリンク…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="63"/>
        <source>Protect the materials…</source>
        <translation>資料の保護…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="64"/>
        <location filename="../../ui/viewer/room_menu.py" line="76"/>
        <source>End the meeting…</source>
        <translation>会議を終了…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/room_menu.py" line="75"/>
        <source>Reopen the meeting</source>
        <translation>会議を再開</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39"/>
        <source>As the system</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>Browse (read only)</source>
        <translation>閲覧（書き込みなし）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>Pen</source>
        <translation>ペン</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Marker</source>
        <translation>マーカー</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>The last screen</source>
        <translation>最後の画面</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>Screen {0}: {1}×{2} {3}</source>
        <translation>画面 {0}：{1}×{2} {3}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>Automatic (on with a touch screen)</source>
        <translation>自動（タッチ画面があればオン）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78"/>
        <source>Finger-sized buttons, menus and lists</source>
        <translation>ボタン・メニュー・一覧を指で押しやすい大きさにします</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Sign out and forget this device&apos;s sign-in</source>
        <translation>サインアウトし、この端末のサインイン情報を消去</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>The language and the size change the next time the program starts.</source>
        <translation>言語と大きさの変更は、次回の起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98"/>
        <source>A viewer starts with</source>
        <translation>開いたときのツール</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="99"/>
        <source>Ink colour</source>
        <translation>インクの色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="100"/>
        <source>Document cache, at most</source>
        <translation>資料キャッシュの上限</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103"/>
        <source>Touch mode</source>
        <translation>タッチモード</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="60"/>
        <location filename="../../ui/settings_dialog.py" line="101"/>
        <location filename="../../ui/settings_dialog.py" line="108"/>
        <source>Document cache folder</source>
        <translation>資料キャッシュの保存先</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102"/>
        <source>Large monitor</source>
        <translation>大型モニター</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81"/>
        <source>{0}%</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Larger text and buttons, for large print</source>
        <translation>文字とボタンを大きく表示します（拡大表示）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="96"/>
        <source>Size of text and controls</source>
        <translation>文字とボタンの大きさ</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../ui/viewer/side_panel.py" line="32"/>
        <source>Side panel</source>
        <translation>サイドパネル</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/side_panel.py" line="36"/>
        <source>Documents</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/side_panel.py" line="37"/>
        <source>Agenda</source>
        <translation>議事次第</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/side_panel.py" line="37"/>
        <source>Votes</source>
        <translation>採決</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/side_panel.py" line="38"/>
        <source>People</source>
        <translation>参加者</translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <location filename="../../ui/thumbnails.py" line="59"/>
        <source>Page {0}</source>
        <translation>{0} ページ</translation>
    </message>
    <message>
        <location filename="../../ui/thumbnails.py" line="33"/>
        <source>Pages</source>
        <translation>ページ一覧</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="59"/>
        <source>Add a document to the meeting</source>
        <translation>会議に資料を追加</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="60"/>
        <source>PDF and Office documents ({0})</source>
        <translation>PDF・Office ファイル ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="68"/>
        <source>Uploading {0}… %p%</source>
        <translation>{0} をアップロード中… %p%</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="77"/>
        <source>Converting {0} to PDF…</source>
        <translation>{0} を PDF に変換しています…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="81"/>
        <source>Added “{0}”.</source>
        <translation>「{0}」を追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="88"/>
        <source>Could not add {0}: {1}</source>
        <translation>{0} を追加できませんでした：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="89"/>
        <location filename="../../ui/viewer/transfers.py" line="114"/>
        <location filename="../../ui/viewer/transfers.py" line="196"/>
        <location filename="../../ui/viewer/transfers.py" line="202"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="101"/>
        <source>Revising {0}…</source>
        <translation>{0} を差し替えています…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="107"/>
        <source>“{0}” replaced by the revised version: {1} marks placed, {2} could not be placed.</source>
        <translation>「{0}」を修正版に差し替えました：書き込み {1} 件を配置、{2} 件は配置できませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="113"/>
        <source>Could not revise “{0}”: {1}</source>
        <translation>「{0}」を差し替えできませんでした：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="123"/>
        <source>Save the original</source>
        <translation>元のファイルを保存</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="133"/>
        <location filename="../../ui/viewer/transfers.py" line="162"/>
        <source>Saved: {0}</source>
        <translation>保存しました：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="137"/>
        <source>The original could not be saved: {0}</source>
        <translation>元のファイルを保存できませんでした：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="146"/>
        <source>{0} - my record.pdf</source>
        <translation>{0}（自分用の記録）.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="146"/>
        <source>{0} - record.pdf</source>
        <translation>{0}（会議の記録）.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="148"/>
        <source>Save the record of the meeting</source>
        <translation>会議の記録を保存</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="149"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="159"/>
        <source>Saving the record of the meeting…</source>
        <translation>会議の記録を保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="167"/>
        <source>The record could not be saved: {0}</source>
        <translation>会議の記録を保存できませんでした：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="187"/>
        <source>Saving {0}…</source>
        <translation>{0} を保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="191"/>
        <source>Saved {0}: {1} marks on {2} pages.</source>
        <translation>{0} を保存しました：{2} ページに書き込み {1} 件。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="195"/>
        <source>{0} marks were not saved: their pages are not in the document.</source>
        <translation>書き込み {0} 件は保存されませんでした（該当ページが資料にありません）。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/transfers.py" line="201"/>
        <source>Could not save {0}: {1}</source>
        <translation>{0} を保存できませんでした：{1}</translation>
    </message>
</context>
<context>
    <name>UnplacedNotice</name>
    <message>
        <location filename="../../ui/viewer/unplaced_notice.py" line="27"/>
        <source>• “{0}”, page {1} of the earlier version: {2}</source>
        <translation>• 「{0}」旧版の {1} ページ：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/unplaced_notice.py" line="30"/>
        <source>… and {0} more</source>
        <translation>… ほか {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/unplaced_notice.py" line="32"/>
        <source>{0} of your marks could not be placed in a revised document. They are kept:
{1}</source>
        <translation>あなたの書き込み {0} 件を修正版に配置できませんでした。書き込みは保持されています:
{1}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/unplaced_notice.py" line="33"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../../ui/viewer_window.py" line="120"/>
        <source>Paperless Meeting</source>
        <translation>ペーパーレス会議</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="176"/>
        <location filename="../../ui/viewer_window.py" line="603"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="502"/>
        <source>{0} — Paperless Meeting ({1})</source>
        <translation>{0} — ペーパーレス会議（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="556"/>
        <source>{0} removed {1} from the meeting.</source>
        <translation>{0} さんが {1} さんを会議から外しました。</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="564"/>
        <source>Signed out: {0}</source>
        <translation>サインアウトしました：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="594"/>
        <source>Loading “{0}”…</source>
        <translation>「{0}」を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="602"/>
        <source>Could not open “{0}”: {1}</source>
        <translation>「{0}」を開けませんでした：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer_window.py" line="621"/>
        <location filename="../../ui/viewer_window.py" line="637"/>
        <source>Page {0} of {1}</source>
        <translation>{0} / {1} ページ</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <location filename="../../ui/vote_panel.py" line="228"/>
        <source>New vote</source>
        <translation>新しい採決</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="230"/>
        <source>e.g. Approve the FY2026 budget</source>
        <translation>例：令和8年度予算案を承認する</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="231"/>
        <source>Yes / No / Abstain</source>
        <translation>賛成 / 反対 / 棄権</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="232"/>
        <source>A choice among options</source>
        <translation>選択肢から選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="238"/>
        <source>One option per line</source>
        <translation>1 行に 1 つの選択肢</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="242"/>
        <source>Secret vote (only the counts are kept)</source>
        <translation>無記名投票（票数のみ記録）</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="244"/>
        <source>Simple majority</source>
        <translation>過半数（賛成が反対より多い）</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="245"/>
        <source>Two thirds of yes and no</source>
        <translation>賛否の 3 分の 2 以上</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="246"/>
        <source>Over half of all eligible</source>
        <translation>有権者全体の過半数</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="250"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="253"/>
        <source>Open the vote</source>
        <translation>採決を開始</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="260"/>
        <source>Question</source>
        <translation>議案</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="263"/>
        <source>Options</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="265"/>
        <source>Majority (yes / no)</source>
        <translation>可決に必要な賛成</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="266"/>
        <source>Quorum (ballots)</source>
        <translation>定足数（投票数）</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../ui/vote_panel.py" line="166"/>
        <source>Voting waits for the connection to come back.</source>
        <translation>接続が戻るまで投票できません。</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="174"/>
        <source>Server restarted: please vote again.</source>
        <translation>サーバー再起動のため再投票してください。</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="175"/>
        <source>The server restarted, so this secret vote&apos;s ballots until then were lost (ballots are written nowhere until it closes). Please vote again.</source>
        <translation>サーバーが再起動したため、この無記名投票のそれまでの票は失われました（開票まで票はどこにも記録されません）。もう一度投票してください。</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="55"/>
        <source>Votes</source>
        <translation>採決</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="70"/>
        <source>New vote…</source>
        <translation>新しい採決…</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="71"/>
        <source>Close the vote</source>
        <translation>採決を締め切る</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="72"/>
        <source>Reopen</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="73"/>
        <source>Export CSV…</source>
        <translation>CSV に書き出す…</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="142"/>
        <source> (secret)</source>
        <translation>（無記名）</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="143"/>
        <source>Secret vote: only the counts are kept</source>
        <translation>無記名投票：票数のみ記録されます</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="144"/>
        <source>Named vote: who voted what is recorded</source>
        <translation>記名投票：誰がどう投票したかが記録されます</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="161"/>
        <source>You voted: {0}</source>
        <translation>あなたの投票：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="162"/>
        <source>Your ballot was counted (secret vote).</source>
        <translation>投票は集計されました（無記名投票）。</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="164"/>
        <source>You do not vote in this one.</source>
        <translation>この採決には投票権がありません。</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="168"/>
        <source>You did not vote.</source>
        <translation>投票しませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="206"/>
        <source>Export the result</source>
        <translation>結果を書き出す</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="207"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/vote_panel.py" line="58"/>
        <source>Vote shown</source>
        <translation>表示する採決</translation>
    </message>
</context>
<context>
    <name>Votes</name>
    <message>
        <location filename="../../ui/vote_widgets.py" line="20"/>
        <source>Yes</source>
        <translation>賛成</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="20"/>
        <source>No</source>
        <translation>反対</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="21"/>
        <source>Abstain</source>
        <translation>棄権</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="30"/>
        <source>{0} of {1} voted</source>
        <translation>{1} 人中 {0} 人が投票</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="32"/>
        <source>Open · {0}</source>
        <translation>投票受付中・{0}</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="35"/>
        <source>Passed</source>
        <translation>可決</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="36"/>
        <source>Rejected</source>
        <translation>否決</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="37"/>
        <source>Tie: nothing decided</source>
        <translation>同数：決定なし</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="38"/>
        <source>No quorum: nothing decided</source>
        <translation>定足数不足：決定なし</translation>
    </message>
    <message>
        <location filename="../../ui/vote_widgets.py" line="39"/>
        <source>Chosen: {0}</source>
        <translation>決定：{0}</translation>
    </message>
</context>
<context>
    <name>WebLinkDialog</name>
    <message>
        <location filename="../../ui/web_meeting.py" line="45"/>
        <source>Web meeting link</source>
        <translation>Web会議のリンク</translation>
    </message>
    <message>
        <location filename="../../ui/web_meeting.py" line="47"/>
        <source>Link of the web meeting where remote participants get audio and video
(leave empty to remove it):</source>
        <translation>リモート参加者が音声と映像に参加する Web会議のリンク
（空欄にすると削除します）:</translation>
    </message>
    <message>
        <location filename="../../ui/web_meeting.py" line="61"/>
        <source>That is not a web address. Enter a link that starts with https://
(leave empty to remove it):</source>
        <translation>Web アドレスではありません。https:// で始まるリンクを入力してください
（空欄にすると削除します）:</translation>
    </message>
</context>
<context>
    <name>WebMeetingAction</name>
    <message>
        <location filename="../../ui/web_meeting.py" line="19"/>
        <source>Join the web meeting</source>
        <translation>Web会議に参加</translation>
    </message>
    <message>
        <location filename="../../ui/web_meeting.py" line="29"/>
        <source>Audio and video of this meeting, at {0}</source>
        <translation>この会議の音声と映像：{0}</translation>
    </message>
</context>
<context>
    <name>ApprovalHistory</name>
    <message>
        <source>started it</source>
        <translation>起案しました</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認しました</translation>
    </message>
    <message>
        <source>read it</source>
        <translation>閲覧しました</translation>
    </message>
    <message>
        <source>sent it back</source>
        <translation>差し戻しました</translation>
    </message>
    <message>
        <source>pulled it back</source>
        <translation>引き戻しました</translation>
    </message>
    <message>
        <source>revised a document</source>
        <translation>文書を改訂しました</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>署名しました</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>{0} for {1}</source>
        <translation>{0}（{1} の代理）</translation>
    </message>
    <message>
        <source>{0} · {1} {2}</source>
        <translation>{0}・{1}が{2}</translation>
    </message>
    <message>
        <source> (step {0})</source>
        <translation>（第{0}段階）</translation>
    </message>
</context>
<context>
    <name>ApprovalInbox</name>
    <message>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Approved · {0}</source>
        <translation>決裁済み・{0}</translation>
    </message>
    <message>
        <source>Returned to {0} · since {1}</source>
        <translation>{0} に差し戻し中・{1} から</translation>
    </message>
    <message>
        <source>Draft · not sent yet</source>
        <translation>下書き・未送信</translation>
    </message>
    <message>
        <source>Step {0} · waiting for {1} · since {2}</source>
        <translation>第{0}段階・{1} の処理待ち・{2} から</translation>
    </message>
    <message>
        <source>from {0} · {1} documents</source>
        <translation>起案者 {0}・文書 {1} 件</translation>
    </message>
</context>
<context>
    <name>CheckPointList</name>
    <message>
        <source>Check points</source>
        <translation>確認箇所</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>（コメントなし）</translation>
    </message>
    <message>
        <source>{0}. Document {1}, p. {2} · {3}
{4}</source>
        <translation>{0}. 文書 {1}・{2} ページ・{3}
{4}</translation>
    </message>
    <message>
        <source>No check points yet. Run the marker over what must be checked; a comment opens below it.</source>
        <translation>確認箇所はまだありません。確認すべき箇所にマーカーを引くと、その下にコメント欄が開きます。</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <source>Put my stamp on the page</source>
        <translation>ページに押印する</translation>
    </message>
    <message>
        <source>Then tap where the stamp goes</source>
        <translation>押したあと、印を押す場所をタップします</translation>
    </message>
    <message>
        <source>In the stamp column</source>
        <translation>押印欄に押す</translation>
    </message>
    <message>
        <source>The stamp goes in the stamp column at the top right of the first page</source>
        <translation>1ページ目右上の押印欄に押します</translation>
    </message>
    <message>
        <source>Comment with your decision (optional)</source>
        <translation>決裁のコメント（任意）</translation>
    </message>
    <message>
        <source>Comment with your decision</source>
        <translation>決裁のコメント</translation>
    </message>
    <message>
        <source>Acting for</source>
        <translation>代理で処理する相手</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認する</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>差し戻す…</translation>
    </message>
    <message>
        <source>Pull back</source>
        <translation>引き戻す</translation>
    </message>
    <message>
        <source>Take the circulation back before the next step has acted</source>
        <translation>次の段階が処理する前に、この回付を引き戻します</translation>
    </message>
    <message>
        <source>Confirm I have read it</source>
        <translation>閲覧を確認する</translation>
    </message>
    <message>
        <source>For myself</source>
        <translation>本人として</translation>
    </message>
    <message>
        <source>For {0}, as their delegate</source>
        <translation>{0} の代理として</translation>
    </message>
    <message>
        <source>Revise this document…</source>
        <translation>この文書を差し替える…</translation>
    </message>
    <message>
        <source>Put a corrected version in place of the document shown; every mark follows its words</source>
        <translation>表示中の文書を修正版に差し替えます。書き込みはすべて元の語句の位置に付いていきます</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再回付する</translation>
    </message>
    <message>
        <source>Signatures…</source>
        <translation>署名…</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
</context>
<context>
    <name>InboxWindow</name>
    <message>
        <source>Approvals — Paperless Meeting</source>
        <translation>決裁 — ペーパーレス会議</translation>
    </message>
    <message>
        <source>New circulation…</source>
        <translation>新しい起案…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>処理待ちの決裁はありません。</translation>
    </message>
    <message>
        <source>Waiting for me ({0})</source>
        <translation>処理待ち（{0}）</translation>
    </message>
    <message>
        <source>Sent by me ({0})</source>
        <translation>起案したもの（{0}）</translation>
    </message>
    <message>
        <source>Done ({0})</source>
        <translation>決裁済み（{0}）</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>処理待ち</translation>
    </message>
    <message>
        <source>Sent by me</source>
        <translation>起案したもの</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>決裁済み</translation>
    </message>
    <message>
        <source>Delegates…</source>
        <translation>代理人…</translation>
    </message>
    <message>
        <source>Who may approve for you while you are away (recorded as acting for you)</source>
        <translation>不在のあいだ代わりに決裁できる人（代理として記録されます）</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>User names of those who may approve for you (empty: nobody):</source>
        <translation>代わりに決裁できる人のユーザー名（空欄：なし）：</translation>
    </message>
    <message>
        <source>Delegates: {0}</source>
        <translation>代理人：{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nobody approves for you now.</source>
        <translation>代理で決裁できる人はいません。</translation>
    </message>
</context>
<context>
    <name>PeopleLayers</name>
    <message>
        <source>Whose marks are shown</source>
        <translation>表示する書き込み（人ごと）</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>PlacedStamp</name>
    <message>
        <source>Your stamp on the page</source>
        <translation>ページ上のあなたの印</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <source>p. {0} / {1} · {2} of {3}</source>
        <translation>{0} / {1} ページ・通し {2} / {3}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>{0} — Approval</source>
        <translation>{0} — 決裁</translation>
    </message>
    <message>
        <source>Check points</source>
        <translation>確認箇所</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Where the circulation stands</source>
        <translation>回付の状況</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>審査</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Two side by side</source>
        <translation>2つ並べて表示</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>一覧</translation>
    </message>
    <message>
        <source>Approved: every step has acted.</source>
        <translation>決裁済み：すべての段階が処理しました。</translation>
    </message>
    <message>
        <source>Returned to the drafter, {0}.</source>
        <translation>起案者 {0} に差し戻されています。</translation>
    </message>
    <message>
        <source>A draft: not sent yet.</source>
        <translation>下書き：まだ送信していません。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Step {0} of {1} · waiting for {2}</source>
        <translation>第{0}段階（全{1}段階）・{2} の処理待ち</translation>
    </message>
    <message>
        <source>drafter</source>
        <translation>起案者</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第{0}段階</translation>
    </message>
    <message>
        <source>For the approvers</source>
        <translation>回付先に表示</translation>
    </message>
    <message>
        <source>On: everyone on the route sees what you mark. Off: a private note only you see.</source>
        <translation>オン：回付先の全員があなたの書き込みを見ます。オフ：あなただけが見る個人メモ。</translation>
    </message>
    <message>
        <source>Revised version of the document</source>
        <translation>文書の修正版</translation>
    </message>
    <message>
        <source>Documents ({0})</source>
        <translation>文書（{0}）</translation>
    </message>
    <message>
        <source>Uploading the revised version…</source>
        <translation>修正版をアップロードしています…</translation>
    </message>
</context>
<context>
    <name>RouteEditor</name>
    <message>
        <source>Add a step</source>
        <translation>段階を追加</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>第{0}段階</translation>
    </message>
    <message>
        <source>Step {0}: what its people do</source>
        <translation>第{0}段階：処理の種類</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Read only (回覧)</source>
        <translation>回覧のみ</translation>
    </message>
    <message>
        <source>User names, separated by commas</source>
        <translation>ユーザー名（読点またはカンマ区切り）</translation>
    </message>
    <message>
        <source>Step {0}: who</source>
        <translation>第{0}段階：処理する人</translation>
    </message>
    <message>
        <source>Step {0}: how many must approve</source>
        <translation>第{0}段階：必要な承認の数</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>合議: how many of the group must approve (all, or a number)</source>
        <translation>合議：グループのうち何人の承認が必要か（全員、または人数）</translation>
    </message>
    <message>
        <source>Move step {0} earlier</source>
        <translation>第{0}段階を前へ</translation>
    </message>
    <message>
        <source>Move step {0} later</source>
        <translation>第{0}段階を後ろへ</translation>
    </message>
    <message>
        <source>Remove step {0}</source>
        <translation>第{0}段階を削除</translation>
    </message>
    <message>
        <source>Signs as (課長…)</source>
        <translation>役職（課長など）</translation>
    </message>
    <message>
        <source>Step {0}: signs as</source>
        <translation>第{0}段階：署名の役職</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <source>Send back</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <source>Send back to</source>
        <translation>差し戻し先</translation>
    </message>
    <message>
        <source>The drafter ({0})</source>
        <translation>起案者（{0}）</translation>
    </message>
    <message>
        <source>Step {0}: {1}</source>
        <translation>第{0}段階：{1}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Why it goes back</source>
        <translation>差し戻しの理由</translation>
    </message>
    <message>
        <source>What must change</source>
        <translation>直すべき点</translation>
    </message>
    <message>
        <source>Back to:</source>
        <translation>差し戻し先：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>コメント：</translation>
    </message>
</context>
<context>
    <name>StampPreview</name>
    <message>
        <source>Your date stamp</source>
        <translation>あなたの日付印</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>New circulation</source>
        <translation>新しい起案</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>What is to be approved</source>
        <translation>決裁を求める件名</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Add documents…</source>
        <translation>文書を追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <source>PDF or Office files; you can also drop them here.</source>
        <translation>PDF または Office ファイル。ここにドロップしても追加できます。</translation>
    </message>
    <message>
        <source>Route template</source>
        <translation>回付ルートのテンプレート</translation>
    </message>
    <message>
        <source>(a route of my own)</source>
        <translation>（自分で決めるルート）</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>テンプレートとして保存…</translation>
    </message>
    <message>
        <source>Comment for the approvers</source>
        <translation>回付先へのコメント</translation>
    </message>
    <message>
        <source>Send for approval</source>
        <translation>回付する</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>件名：</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文書：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>テンプレート：</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>回付ルート：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>コメント：</translation>
    </message>
    <message>
        <source>Documents to circulate</source>
        <translation>回付する文書</translation>
    </message>
    <message>
        <source>Documents ({0})</source>
        <translation>文書（{0}）</translation>
    </message>
    <message>
        <source>{0} (fixed for {1})</source>
        <translation>{0}（{1} の指定ルート）</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>テンプレートとして保存</translation>
    </message>
    <message>
        <source>Name of the route template:</source>
        <translation>回付ルートのテンプレート名：</translation>
    </message>
    <message>
        <source>Creating the circulation…</source>
        <translation>起案を作成しています…</translation>
    </message>
    <message>
        <source>Uploading document {0} of {1}…</source>
        <translation>文書をアップロードしています（{0} / {1}）…</translation>
    </message>
    <message>
        <source>Sending it along the route…</source>
        <translation>回付しています…</translation>
    </message>
    <message>
        <source>Not sent: {0}</source>
        <translation>送信できませんでした：{0}</translation>
    </message>
</context>
<context>
    <name>SignaturesDialog</name>
    <message>
        <source>✗ Not valid</source>
        <translation>✗ 無効</translation>
    </message>
    <message>
        <source>✗ Changed since signed</source>
        <translation>✗ 署名後に変更あり</translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation>✓ 有効</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>later signatures only</source>
        <translation>後の署名のみ</translation>
    </message>
    <message>
        <source>stamps and comments, as allowed</source>
        <translation>押印とコメント（許可の範囲内）</translation>
    </message>
    <message>
        <source>the content (not allowed)</source>
        <translation>内容の変更（許可されていない）</translation>
    </message>
    <message>
        <source>Signatures — {0}</source>
        <translation>署名 — {0}</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Document / signer</source>
        <translation>文書／署名者</translation>
    </message>
    <message>
        <source>Signed as</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Changed after</source>
        <translation>署名後の変更</translation>
    </message>
    <message>
        <source>Checking the signatures…</source>
        <translation>署名を検証しています…</translation>
    </message>
    <message>
        <source>Save signed PDF…</source>
        <translation>署名済み PDF を保存…</translation>
    </message>
    <message>
        <source>No signatures to check yet.</source>
        <translation>検証できる署名はまだありません。</translation>
    </message>
    <message>
        <source>A signature is not valid: the document was changed or not signed by the organization's authority.</source>
        <translation>無効な署名があります。文書が変更されたか、組織の認証局による署名ではありません。</translation>
    </message>
    <message>
        <source>Save signed PDF</source>
        <translation>署名済み PDF を保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>保存しました：{0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>保存できませんでした：{0}</translation>
    </message>
</context>
<context>
    <name>WebMeetingHost</name>
    <message>
        <location filename="../../ui/web_meeting.py" line="59"/>
        <source>at {0}</source>
        <translation>接続先：{0}</translation>
    </message>
</context>
<context>
    <name>StampPlacement</name>
    <message>
        <source>Tap the page where your stamp goes.</source>
        <translation>印を押す場所をページ上でタップしてください。</translation>
    </message>
    <message>
        <source>Your stamp: document {0}, page {1}.</source>
        <translation>押印位置：文書 {0} の {1} ページ。</translation>
    </message>
    <message>
        <source>Your stamp: in the stamp column of the first page.</source>
        <translation>押印位置：1ページ目の押印欄。</translation>
    </message>
</context>
</TS>
