// The browser viewer: sign in, pick a meeting, follow the presenter's page with the room's
// marks and the laser, browse on your own and come back. It speaks docs/protocol.md through
// the official socket.io client (served by the server from web/node_modules).
import { io } from "./socket.io.esm.min.js";
import { drawMarks } from "./overlay.js";
import { LANGUAGE, t, translatePage } from "./texts.js";
import { renderVote, shownVote } from "./votes.js";
import {
  ERROR, EVENT, LASER_IDLE_MS, MANAGER_ROLES, PAGE_WIDTH_STEP, PLACE, PROTOCOL_VERSION,
} from "./protocol.generated.js";

const $ = (id) => document.getElementById(id);
const session = {
  token: sessionStorage.getItem("meeting.token"),
  user: JSON.parse(sessionStorage.getItem("meeting.user") || "null"),
};
let socket = null;
let meeting = null; // the joined meeting: see join()

// --- screens ----------------------------------------------------------------------------------

function show(screen) {
  for (const id of ["login", "meetings", "meeting"]) $(id).hidden = id !== screen;
}

function say(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

// --- signing in -------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  $("login-error").hidden = true;
  $("sign-in").disabled = true;
  $("sign-in").textContent = t("signingIn");
  try {
    const response = await fetch("/api/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: $("username").value.trim(), password: $("password").value }),
    });
    const reply = await response.json();
    if (!reply.ok) {
      const code = reply.error.code;
      throw new Error(code === ERROR.UNAUTHENTICATED ? t("wrongPassword")
        : code === ERROR.RATE_LIMITED ? t("tooMany", reply.error.retry_after) : reply.error.message);
    }
    session.token = reply.data.token;
    session.user = reply.data.user;
    sessionStorage.setItem("meeting.token", session.token);
    sessionStorage.setItem("meeting.user", JSON.stringify(session.user));
    $("password").value = "";
    connect();
  } catch (error) {
    $("login-error").textContent = error instanceof TypeError ? t("unreachable") : error.message;
    $("login-error").hidden = false;
  } finally {
    $("sign-in").disabled = false;
    $("sign-in").textContent = t("signIn");
  }
}

async function signOut() {
  const token = session.token;
  forgetSession();
  await fetch("/api/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } }).catch(() => {});
}

function forgetSession(message = "") {
  socket?.close();
  socket = null;
  meeting = null;
  session.token = session.user = null;
  sessionStorage.removeItem("meeting.token");
  sessionStorage.removeItem("meeting.user");
  show("login");
  $("login-error").textContent = message;
  $("login-error").hidden = !message;
}

// --- the connection ---------------------------------------------------------------------------

function connect() {
  // (the server answers in the page's language)
  socket = io({ auth: { token: session.token, protocol: PROTOCOL_VERSION, language: LANGUAGE },
    transports: ["websocket"] });
  socket.on("connect", onConnect);
  socket.on("disconnect", () => showConnection(false));
  socket.on("connect_error", (error) => {
    showConnection(false);
    if (error.data?.code === ERROR.UNAUTHENTICATED) forgetSession(t("sessionEnded"));
  });
  socket.on(EVENT.MEETING_STATE, (state) => {
    change(state, () => { meeting.snapshot.state = state; });
    if (state.materials_removed && meeting?.id === state.meeting_id && !keepsRemovedMaterials()) {
      materialsRemoved();
    }
  });
  socket.on(EVENT.DOCUMENT_ADDED, (added) => change(added, () => { meeting.snapshot.documents.push(added.document); }));
  socket.on(EVENT.DOCUMENT_REVISED, (revised) => resync(revised.meeting_id));
  socket.on(EVENT.AGENDA, (agenda) => change(agenda, () => { meeting.snapshot.agenda = agenda.items; }));
  socket.on(EVENT.ANNOTATION, (annotation) => change(annotation, () => applyAnnotation(annotation)));
  socket.on(EVENT.LASER, onLaser);
  socket.on(EVENT.PRESENCE, onPresence);
  socket.on(EVENT.MEMBER_REMOVED, onRemoved);
  socket.on(EVENT.VOTE, onVote);
  show(meeting ? "meeting" : "meetings");
}

async function onConnect() {
  showConnection(true);
  if (meeting) {
    await join(meeting.id); // after a reconnect: a fresh snapshot, nothing missed
  } else {
    await listMeetings();
  }
}

function showConnection(online) {
  $("connection").textContent = online ? t("connected") : t("reconnecting");
  $("connection").className = online ? "pill online" : "pill offline";
  if (meeting) meeting.connected = online;
}

// --- meetings ---------------------------------------------------------------------------------

async function listMeetings() {
  show("meetings");
  $("signed-in-as").textContent = t("signedInAs", session.user.name);
  const reply = await socket.emitWithAck(EVENT.MEETINGS_LIST);
  const list = $("meeting-list");
  list.replaceChildren();
  for (const summary of reply.ok ? reply.data : []) {
    const button = document.createElement("button");
    button.className = "meeting";
    const title = document.createElement("strong");
    title.textContent = summary.title;
    const details = document.createElement("span");
    details.className = "muted";
    details.textContent = [t("documents", summary.documents),
      summary.presenter ? t("presenter", summary.presenter) : "",
      summary.materials_removed ? t("removedMaterials") : ""].filter(Boolean).join(" · ");
    button.disabled = summary.materials_removed && !keepsRemovedMaterials();
    button.append(title, details);
    button.addEventListener("click", () => join(summary.id));
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
  $("meetings-status").textContent = reply.ok ? (reply.data.length ? "" : t("noMeetings")) : reply.error.message;
}

async function join(meetingId) {
  const reply = await socket.emitWithAck(EVENT.MEETING_JOIN, { meeting_id: meetingId });
  if (!reply.ok && reply.error.code === ERROR.MATERIALS_REMOVED) {
    materialsRemoved();
    return;
  }
  if (!reply.ok) {
    meeting = null;
    await listMeetings();
    $("meetings-status").textContent = reply.error.message;
    return;
  }
  const previous = meeting?.id === meetingId ? meeting : null;
  meeting = {
    id: meetingId,
    snapshot: reply.data,
    annotations: new Map(reply.data.annotations.map((a) => [a.id, a])),
    following: previous ? previous.following : true,
    shown: previous?.shown ?? null,
    people: reply.data.people,
    peopleVersion: reply.data.presence_version,
    laser: null,
    connected: true,
    image: null,
    votes: new Map(reply.data.votes.map((v) => [v.id, v])),
  };
  show("meeting");
  say("");
  reportPresence();
  render();
}

function leave() {
  if (meeting) socket.emit(EVENT.MEETING_LEAVE, { meeting_id: meeting.id });
  meeting = null;
  listMeetings();
}

async function resync(meetingId) {
  if (!meeting || meeting.id !== meetingId) return;
  const reply = await socket.emitWithAck(EVENT.MEETING_SNAPSHOT, { meeting_id: meetingId });
  if (!reply.ok || !meeting) return;
  meeting.snapshot = reply.data;
  meeting.annotations = new Map(reply.data.annotations.map((a) => [a.id, a]));
  meeting.votes = new Map(reply.data.votes.map((v) => [v.id, v]));
  render();
}

/** Applies a numbered change in `seq` order; a gap means something was missed: resync. */
function change(message, apply) {
  if (!meeting || message.meeting_id !== meeting.id) return;
  const seq = message.seq;
  if (seq !== null && seq !== undefined) {
    const last = meeting.snapshot.state.seq;
    if (seq <= last) return;
    if (seq !== last + 1) {
      resync(meeting.id);
      return;
    }
  }
  apply();
  if (seq !== null && seq !== undefined) meeting.snapshot.state.seq = seq;
  render();
}

function applyAnnotation(change) {
  const marks = meeting.annotations;
  if (change.kind === "begin" || change.kind === "put") {
    marks.set(change.annotation.id, change.annotation);
  } else if (change.kind === "points") {
    const mark = marks.get(change.id);
    if (mark) mark.points = mark.points.slice(0, change.offset).concat(change.points);
    if (mark && change.pressure) mark.pressure = (mark.pressure || []).slice(0, change.offset).concat(change.pressure);
  } else if (change.kind === "end") {
    const mark = marks.get(change.id);
    if (mark) mark.complete = true;
  } else if (change.kind === "delete") {
    for (const id of change.ids) marks.delete(id);
  }
}

// --- following and browsing -------------------------------------------------------------------

function presenterPage() {
  const state = meeting.snapshot.state;
  return state.document_id ? { document_id: state.document_id, page: state.page } : null;
}

function shownPage() {
  return meeting.following || !meeting.shown ? presenterPage() : meeting.shown;
}

function documentOf(page) {
  return page && meeting.snapshot.documents.find((d) => d.id === page.document_id);
}

function step(delta) {
  if (!meeting) return;
  const current = shownPage();
  const document = documentOf(current);
  if (!document || meeting.snapshot.state.locked) return;
  const page = Math.min(document.pages - 1, Math.max(0, current.page + delta));
  const presenter = presenterPage();
  meeting.following = presenter && presenter.document_id === document.id && presenter.page === page;
  meeting.shown = { document_id: document.id, page };
  reportPresence();
  render();
}

function backToPresenter() {
  meeting.following = true;
  meeting.shown = null;
  reportPresence();
  render();
}

function reportPresence() {
  socket.emit(EVENT.PRESENCE_SET, { meeting_id: meeting.id, following: meeting.following, place: PLACE.BROWSER });
}

// --- showing ----------------------------------------------------------------------------------

function render() {
  if (!meeting) return;
  const state = meeting.snapshot.state;
  if (state.locked && !meeting.following) backToPresenter();
  const page = shownPage();
  const document = documentOf(page);
  $("meeting-title").textContent = meeting.snapshot.meeting.title;
  $("document-title").textContent = document ? document.title : "";
  $("page-number").textContent = document ? t("pageOf", page.page + 1, document.pages) : "";
  $("previous").disabled = !document || page.page === 0 || state.locked;
  $("next").disabled = !document || page.page >= document.pages - 1 || state.locked;
  $("browsing").hidden = meeting.following;
  const link = safeLink(state.web_link);
  $("web-meeting").hidden = $("web-meeting-host").hidden = !link;
  if (link) {
    $("web-meeting").href = link.href;
    $("web-meeting-host").textContent = t("webMeetingHost", link.host);  // (punycode for IDN)
  }
  showPeople();
  showVote();
  $("no-page").hidden = Boolean(document);
  $("sheet").hidden = !document;
  if (document) showPage(document, page.page);
}

/** The web meeting link as a URL if it is safe to offer (the server checks it so; a link an
 * older server stored may not be): https, no user-info, no backslash. */
function safeLink(text) {
  if (!text || text.includes("\\")) return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === "https:" && !url.username && !url.password ? url : null;
}

async function showPage(document, pageIndex) {
  const stage = $("stage");
  const want = Math.ceil((stage.clientWidth * (window.devicePixelRatio || 1)) / PAGE_WIDTH_STEP) * PAGE_WIDTH_STEP;
  // (a watermarked page is another image: the server writes the viewer's name into it)
  const key = `${document.sha256}:${pageIndex}:${want}:${meeting.snapshot.state.watermark ? "w" : ""}`;
  if (meeting.image?.key !== key) {
    const stillShown = () => {
      const now = shownPage();
      return Boolean(meeting) && now?.document_id === document.id && now.page === pageIndex;
    };
    try {
      meeting.image = await pageImage(document.id, pageIndex, want, key, stillShown);
    } catch (error) {
      if (!stillShown()) return; // (a page turned past may fail: nobody looks at it now)
      say(t("pageFailed", error.message));
      return;
    }
    const now = shownPage();
    if (!meeting || now?.document_id !== document.id || now.page !== pageIndex) return; // moved on
    $("page").src = meeting.image.url;
    await $("page").decode().catch(() => {});
  }
  placeMarks();
}

const images = new Map(); // key -> {url, widthPt, heightPt}; a few, newest last

async function pageImage(documentId, page, width, key, stillShown) {
  if (images.has(key)) return images.get(key);
  let response;
  for (;;) {
    response = await fetch(
      `/api/meetings/${meeting.id}/documents/${documentId}/pages/${page}?width=${width}`,
      // A watermarked page is never taken from the browser's cache (a plain copy may be there).
      { headers: { Authorization: `Bearer ${session.token}` },
        cache: key.endsWith(":w") ? "no-store" : "default" });
    // The server is busy drawing pages (this viewer's earlier ones, or everyone's): ask again
    // when it says, for as long as this page is still the one to show.
    if (response.status !== 429 || !stillShown()) break;
    const seconds = Number(response.headers.get("Retry-After")) || 1;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    if (!stillShown()) break;
  }
  if (!response.ok) {
    const reply = await response.json().catch(() => null);
    throw new Error(reply?.error?.message || response.statusText);
  }
  const image = {
    key,
    url: URL.createObjectURL(await response.blob()),
    widthPt: Number(response.headers.get("X-Page-Width")),
    heightPt: Number(response.headers.get("X-Page-Height")),
  };
  images.set(key, image);
  while (images.size > 24) {
    const [oldest, dropped] = images.entries().next().value;
    if (dropped === meeting?.image) break;
    URL.revokeObjectURL(dropped.url);
    images.delete(oldest);
  }
  return image;
}

function placeMarks() {
  const page = shownPage();
  const image = meeting?.image;
  if (!page || !image) return;
  const scale = $("page").clientWidth / image.widthPt;
  const marks = [...meeting.annotations.values()].filter((a) =>
    a.document_id === page.document_id && a.page === page.page && a.unplaced == null);
  drawMarks($("marks"), marks, scale, image.widthPt, image.heightPt);
  const laser = meeting.laser;
  const showLaser = laser && laser.point && laser.document_id === page.document_id && laser.page === page.page;
  $("laser").hidden = !showLaser;
  if (showLaser) {
    $("laser").style.left = `${laser.point[0] * scale}px`;
    $("laser").style.top = `${laser.point[1] * scale}px`;
  }
}

function onLaser(laser) {
  if (!meeting || laser.meeting_id !== meeting.id) return;
  meeting.laser = laser;
  clearTimeout(meeting.laserTimer);
  meeting.laserTimer = setTimeout(() => { if (meeting) { meeting.laser = null; placeMarks(); } }, LASER_IDLE_MS);
  placeMarks();
}

function onPresence(presence) {
  if (!meeting || presence.meeting_id !== meeting.id || presence.version < meeting.peopleVersion) return;
  meeting.people = presence.people;
  meeting.peopleVersion = presence.version;
  showPeople();
}

function showPeople() {
  const people = meeting.people;
  const following = people.filter((p) => p.following).length;
  $("people").textContent = t("people", people.length, following);
  $("people").title = people.map((p) =>
    `${p.following ? "●" : "○"} ${p.name} — ${t(p.place)}, ${p.following ? t("following") : t("browsingShort")}`).join("\n");
}

function onVote(vote) {
  if (!meeting || vote.meeting_id !== meeting.id) return;
  const known = meeting.votes.get(vote.id);
  if (known && known.version > vote.version) return; // an older message overtaken
  meeting.votes.set(vote.id, vote);
  showVote();
}

function showVote() {
  renderVote($("vote"), shownVote(meeting.votes), session.user.name, async (voteId, choice) => {
    const reply = await socket.emitWithAck(EVENT.VOTE_CAST,
      { meeting_id: meeting.id, vote_id: voteId, choice });
    if (reply.ok) onVote(reply.data);
    else say(reply.error.message);
  });
}

function keepsRemovedMaterials() {
  return MANAGER_ROLES.includes(session.user?.role);
}

function materialsRemoved() {
  // Nothing of the meeting stays in this page: the images are dropped with the meeting.
  meeting = null;
  for (const image of images.values()) URL.revokeObjectURL(image.url);
  images.clear();
  $("page").removeAttribute("src");
  listMeetings().then(() => { $("meetings-status").textContent = t("materialsRemoved"); });
}

function onRemoved(notice) {
  if (!meeting || notice.meeting_id !== meeting.id || notice.user !== session.user.name) return;
  meeting = null;
  listMeetings().then(() => { $("meetings-status").textContent = t("removed", notice.by); });
}

// --- for tests and for the curious: what the page shows, as data -------------------------------

window.viewerState = () => {
  if (!meeting) return { screen: $("login").hidden ? "meetings" : "login" };
  const page = shownPage();
  return {
    screen: "meeting",
    meetingId: meeting.id,
    following: meeting.following,
    documentId: page?.document_id ?? null,
    page: page?.page ?? null,
    watermarked: Boolean(meeting.image?.key.endsWith(":w")),
    vote: shownVote(meeting.votes),
    imageShown: Boolean(meeting.image) && $("page").src === meeting.image.url &&
      $("page").complete && $("page").naturalWidth > 0 &&
      meeting.image.key.split(":")[1] === String(page?.page) &&
      meeting.image.key.startsWith(documentOf(page)?.sha256 ?? "-"),
    marks: [...meeting.annotations.values()]
      .filter((a) => page && a.document_id === page.document_id && a.page === page.page)
      .map((a) => ({ id: a.id, points: a.points.length, complete: a.complete })),
    laser: $("laser").hidden ? null : meeting.laser?.point ?? null,
    connected: meeting.connected,
    people: meeting.people.map((p) => p.name),
    webLink: meeting.snapshot.state.web_link ?? null,
    webLinkHost: $("web-meeting-host").hidden ? null : $("web-meeting-host").textContent,
  };
};

// --- start ------------------------------------------------------------------------------------

translatePage();
$("login-form").addEventListener("submit", signIn);
$("sign-out").addEventListener("click", signOut);
$("previous").addEventListener("click", () => step(-1));
$("next").addEventListener("click", () => step(+1));
$("back").addEventListener("click", backToPresenter);
$("leave").addEventListener("click", leave);
window.addEventListener("resize", () => render());
window.addEventListener("keydown", (event) => {
  if (!meeting || event.target instanceof HTMLInputElement) return;
  if (event.key === "ArrowRight" || event.key === "PageDown") step(+1);
  if (event.key === "ArrowLeft" || event.key === "PageUp") step(-1);
  if (event.key === "Escape" && !meeting.following) backToPresenter();
});
if (session.token) {
  connect();
} else {
  show("login");
}
