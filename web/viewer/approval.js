// Approval (決裁) in the browser, for staff at home: the inbox, then a circulation's documents
// page by page with everyone's check points; mark a check point (a marker line along the words,
// a comment beside it), place the date stamp, approve or send back. It speaks the approval
// events of docs/protocol.md with the viewer's sign-in (the token it keeps for this tab).
import { io } from "./socket.io.esm.min.js";
import { drawMarks } from "./overlay.js";
import { LANGUAGE, t, translatePage } from "./texts.js";
import {
  APPROVAL_MAY, CIRCULATION_STATUS, ERROR, EVENT, LAYER, PAGE_WIDTH_STEP, PROTOCOL_VERSION, TOOL,
} from "./protocol.generated.js";

const $ = (id) => document.getElementById(id);
const token = sessionStorage.getItem("meeting.token");
const user = JSON.parse(sessionStorage.getItem("meeting.user") || "null");
const STAMP_PT = 56; // the stamp's side, in page points
const MARKER = { tool: TOOL.MARKER, color: "#fbbc04", width: 12 };
const NOTE = { tool: TOOL.TEXT, color: "#d93025", width: 10 };

let socket = null;
let open = null; // the circulation shown: see openCirculation()

function show(screen) {
  for (const id of ["inbox", "review"]) $(id).hidden = id !== screen;
}

function say(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

// --- the inbox --------------------------------------------------------------------------------

async function showInbox() {
  open = null;
  show("inbox");
  $("signed-in-as").textContent = t("signedInAs", user.name);
  const reply = await socket.emitWithAck(EVENT.APPROVAL_LIST);
  $("inbox-status").textContent = reply.ok ? "" : reply.error.message;
  for (const kind of ["waiting", "sent", "done"]) {
    const list = $(kind);
    list.replaceChildren(...(reply.ok ? reply.data[kind] : []).map(inboxLine));
  }
}

function inboxLine(summary) {
  const button = document.createElement("button");
  button.className = "meeting";
  const title = document.createElement("strong");
  title.textContent = summary.title;
  const details = document.createElement("span");
  details.className = "muted";
  details.textContent = standing(summary);
  button.append(title, details);
  button.addEventListener("click", () => openCirculation(summary.id));
  const item = document.createElement("li");
  item.append(button);
  return item;
}

function standing(summary) {
  const since = new Date(summary.since * 1000).toLocaleString(LANGUAGE);
  const who = summary.waiting_for.join("、");
  if (summary.status === CIRCULATION_STATUS.CIRCULATING) return t("waitingAt", summary.step + 1, who, since);
  return t(`status_${summary.status}`, since);
}

// --- one circulation --------------------------------------------------------------------------

async function openCirculation(id) {
  const reply = await socket.emitWithAck(EVENT.APPROVAL_OPEN, { id });
  if (!reply.ok) {
    await showInbox();
    $("inbox-status").textContent = reply.error.message;
    return;
  }
  const data = reply.data;
  const joined = await socket.emitWithAck(EVENT.MEETING_JOIN, { meeting_id: data.summary.meeting_id });
  const same = open?.data.summary.id === id;
  open = {
    data,
    marks: new Map((joined.ok ? joined.data.annotations : []).map((a) => [a.id, a])),
    document: same ? open.document : 0,
    page: same ? open.page : 0,
    mode: same ? open.mode : "look",
    stamp: same ? open.stamp : null,
    stroke: null,
    pendingNote: null,
    image: null,
  };
  show("review");
  if (!same) say(""); // (a refresh keeps what was just said)
  renderCirculation();
}

function renderCirculation() {
  const { data } = open;
  $("circulation-title").textContent = data.summary.title;
  $("standing").textContent = standing(data.summary);
  const choice = $("document-choice");
  choice.replaceChildren(...data.documents.map((d, i) => new Option(d.title, String(i))));
  choice.value = String(open.document);
  const acting = data.may.includes(APPROVAL_MAY.APPROVE);
  const reading = data.may.includes(APPROVAL_MAY.READ);
  $("approve").hidden = !(acting || reading);
  $("approve").textContent = t(acting ? "approve" : "confirmRead");
  $("send-back").hidden = $("send-back-to").hidden = !data.may.includes(APPROVAL_MAY.SEND_BACK);
  $("pull-back").hidden = !data.may.includes(APPROVAL_MAY.PULL_BACK);
  $("mode-mark").hidden = !(acting || reading);
  $("mode-stamp").hidden = !acting;
  const targets = [new Option(t("toDrafter"), "")];
  for (const step of data.route.slice(0, data.summary.step ?? 0)) {
    targets.push(new Option(t("toStep", step.index + 1, step.label || step.members.join("、")),
      String(step.index)));
  }
  $("send-back-to").replaceChildren(...targets);
  for (const mode of ["look", "mark", "stamp"]) {
    $(`mode-${mode}`).classList.toggle("chosen", open.mode === mode);
  }
  $("history").replaceChildren(...data.history.map((entry) => {
    const item = document.createElement("li");
    const when = new Date(entry.at * 1000).toLocaleString(LANGUAGE);
    const who = entry.on_behalf_of ? t("forSomeone", entry.user, entry.on_behalf_of) : entry.user;
    item.textContent = [when, who, t(`action_${entry.action}`), entry.comment].filter(Boolean).join(" · ");
    return item;
  }));
  renderPage();
}

async function renderPage() {
  const document = open.data.documents[open.document];
  if (!document) return;
  open.page = Math.min(open.page, document.pages - 1);
  $("page-number").textContent = t("pageOf", open.page + 1, document.pages);
  $("previous").disabled = open.page === 0;
  $("next").disabled = open.page >= document.pages - 1;
  const width = Math.ceil(($("stage").clientWidth * (window.devicePixelRatio || 1)) / PAGE_WIDTH_STEP) * PAGE_WIDTH_STEP;
  const response = await fetch(
    `/api/meetings/${open.data.summary.meeting_id}/documents/${document.id}/pages/${open.page}?width=${width}`,
    { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const reply = await response.json().catch(() => null);
    say(t("pageFailed", reply?.error?.message || response.statusText));
    return;
  }
  if (open.image) URL.revokeObjectURL(open.image.url);
  open.image = { url: URL.createObjectURL(await response.blob()), document: document.id, page: open.page,
    widthPt: Number(response.headers.get("X-Page-Width")), heightPt: Number(response.headers.get("X-Page-Height")) };
  $("page").src = open.image.url;
  await $("page").decode().catch(() => {});
  placeMarks();
}

function scale() {
  return $("page").clientWidth / open.image.widthPt;
}

function placeMarks() {
  const image = open?.image;
  if (!image) return;
  const marks = [...open.marks.values()].filter((a) =>
    a.document_id === image.document && a.page === image.page && a.unplaced == null);
  if (open.stroke) marks.push({ ...MARKER, layer: LAYER.SHARED, points: open.stroke, pressure: [] });
  drawMarks($("marks"), marks, scale(), image.widthPt, image.heightPt);
  const stamp = open.stamp;
  const here = stamp && stamp.document_id === image.document && stamp.page === image.page;
  $("stamp-preview").hidden = !here;
  if (here) {
    const s = scale();
    Object.assign($("stamp-preview").style, { left: `${stamp.rect.x0 * s}px`, top: `${stamp.rect.y0 * s}px`,
      width: `${STAMP_PT * s}px`, height: `${STAMP_PT * s}px`, fontSize: `${9 * s}px` });
    const { stamp_name: name, stamp_section: section } = open.data;
    $("stamp-preview").textContent = [section, new Date().toLocaleDateString(LANGUAGE),
      name || user.name].filter(Boolean).join("\n");
  }
}

// --- marking and stamping ---------------------------------------------------------------------

function pointOf(event) {
  const box = $("page").getBoundingClientRect();
  const s = scale();
  return [(event.clientX - box.left) / s, (event.clientY - box.top) / s];
}

function pointerDown(event) {
  if (!open?.image) return;
  event.preventDefault();
  if (open.mode === "stamp") {
    const [x, y] = pointOf(event);
    const half = STAMP_PT / 2;
    open.stamp = { document_id: open.image.document, page: open.image.page,
      rect: { x0: x - half, y0: y - half, x1: x + half, y1: y + half } };
    placeMarks();
  } else if (open.mode === "mark") {
    open.stroke = [pointOf(event)];
    $("sheet").setPointerCapture(event.pointerId);
  }
}

function pointerMove(event) {
  if (!open?.stroke) return;
  open.stroke.push(pointOf(event));
  placeMarks();
}

async function pointerUp() {
  const stroke = open?.stroke;
  if (!stroke) return;
  open.stroke = null;
  if (stroke.length < 2) return placeMarks();
  // Like a highlighter on a line of print: straight, at the stroke's height.
  const y = stroke.reduce((sum, p) => sum + p[1], 0) / stroke.length;
  const xs = stroke.map((p) => p[0]);
  const mark = await putMark({ ...MARKER, points: [[Math.min(...xs), y], [Math.max(...xs), y]] });
  if (mark) {
    open.pendingNote = [Math.max(...xs) + 8, y - 12];
    $("note-row").hidden = false;
    $("note-text").focus();
  }
}

async function saveNote() {
  const text = $("note-text").value.trim();
  if (text && open?.pendingNote) await putMark({ ...NOTE, points: [open.pendingNote], text });
  open.pendingNote = null;
  $("note-text").value = "";
  $("note-row").hidden = true;
}

async function putMark(fields) {
  const annotation = { meeting_id: open.data.summary.meeting_id, id: `web-${crypto.randomUUID()}`,
    document_id: open.image.document, page: open.image.page, layer: LAYER.SHARED, ...fields };
  const reply = await socket.emitWithAck(EVENT.ANNOTATION_PUT, annotation);
  if (!reply.ok) {
    say(reply.error.message);
    placeMarks();
    return null;
  }
  open.marks.set(reply.data.annotation?.id ?? annotation.id, reply.data.annotation ?? { ...annotation, owner: user.name, complete: true, pressure: [] });
  placeMarks();
  return annotation;
}

// --- deciding ---------------------------------------------------------------------------------

async function decide(event, payload) {
  const comment = event === EVENT.APPROVAL_PULL_BACK ? {} : { comment: $("comment").value };
  const reply = await socket.emitWithAck(event, { id: open.data.summary.id, ...comment, ...payload });
  if (!reply.ok) {
    say(reply.error.message);
    return;
  }
  $("comment").value = "";
  open.stamp = null;
  open.mode = "look";
  open.data = reply.data;
  renderCirculation();
  say(t({ [EVENT.APPROVAL_APPROVE]: "approvedNote", [EVENT.APPROVAL_SEND_BACK]: "sentBackNote",
    [EVENT.APPROVAL_PULL_BACK]: "pulledBackNote" }[event]));
}

function approve() {
  decide(EVENT.APPROVAL_APPROVE, open.data.may.includes(APPROVAL_MAY.APPROVE) ? { stamp: open.stamp } : {});
}

function sendBack() {
  const target = $("send-back-to").value;
  decide(EVENT.APPROVAL_SEND_BACK, { to_step: target === "" ? null : Number(target) });
}

// --- wiring -----------------------------------------------------------------------------------

function connect() {
  socket = io({ auth: { token, protocol: PROTOCOL_VERSION, language: LANGUAGE }, transports: ["websocket"] });
  socket.on("connect", () => (open ? openCirculation(open.data.summary.id) : showInbox()));
  socket.on("connect_error", (error) => {
    if (error.data?.code === ERROR.UNAUTHENTICATED) location.href = "./";
  });
  socket.on(EVENT.APPROVAL_CHANGED, (summary) => {
    if (!open) showInbox();
    else if (open.data.summary.id === summary.id) openCirculation(summary.id);
  });
  socket.on(EVENT.ANNOTATION, (change) => {
    if (!open || change.meeting_id !== open.data.summary.meeting_id) return;
    if (change.annotation) open.marks.set(change.annotation.id, change.annotation);
    for (const id of change.ids ?? []) open.marks.delete(id);
    placeMarks();
  });
}

function start() {
  translatePage();
  if (!token || !user) {
    location.href = "./"; // sign in with the viewer first; it keeps the token for this tab
    return;
  }
  $("previous").addEventListener("click", () => { open.page -= 1; renderPage(); });
  $("next").addEventListener("click", () => { open.page += 1; renderPage(); });
  $("document-choice").addEventListener("change", () => {
    open.document = Number($("document-choice").value);
    open.page = 0;
    renderPage();
  });
  for (const mode of ["look", "mark", "stamp"]) {
    $(`mode-${mode}`).addEventListener("click", () => { open.mode = mode; renderCirculation(); });
  }
  $("sheet").addEventListener("pointerdown", pointerDown);
  $("sheet").addEventListener("pointermove", pointerMove);
  $("sheet").addEventListener("pointerup", pointerUp);
  $("sheet").addEventListener("pointercancel", pointerUp);
  $("page").addEventListener("dragstart", (event) => event.preventDefault()); // (a stroke, not a drag)
  $("note-save").addEventListener("click", saveNote);
  $("approve").addEventListener("click", approve);
  $("send-back").addEventListener("click", sendBack);
  $("pull-back").addEventListener("click", () => decide(EVENT.APPROVAL_PULL_BACK, {}));
  $("to-inbox").addEventListener("click", () => {
    if (open) socket.emit(EVENT.MEETING_LEAVE, { meeting_id: open.data.summary.meeting_id });
    showInbox();
  });
  window.addEventListener("resize", () => open && placeMarks());
  connect();
}

// For the browser tests: what the page shows, without reading pixels.
window.approvalState = () => ({
  screen: ["inbox", "review"].find((id) => !$(id).hidden) ?? null,
  inbox: ["waiting", "sent", "done"].map((kind) => $(kind).children.length),
  id: open?.data.summary.id ?? null,
  status: open?.data.summary.status ?? null,
  step: open?.data.summary.step ?? null,
  may: open?.data.may ?? [],
  page: open?.image ? { document: open.image.document, page: open.image.page } : null,
  pageWidth: open?.image?.widthPt ?? null,
  marks: open ? [...open.marks.values()].filter((a) => a.owner === user.name).length : 0,
  stamp: open?.stamp ?? null,
  noting: !$("note-row").hidden,
  message: $("message").hidden ? "" : $("message").textContent,
});

start();
