// Follows a meeting with the official socket.io JavaScript client, using only docs/protocol.md.
// Usage: node follow.mjs BASE_URL USER PASSWORD MEETING_ID TURNS
// Prints one JSON line per step; exits after TURNS "meeting:state" broadcasts.
import { io } from "socket.io-client";

const [base, username, password, meetingArg, turnsArg] = process.argv.slice(2);
const meetingId = Number(meetingArg);
const turns = Number(turnsArg);
const say = (what) => console.log(JSON.stringify(what));

const login = await fetch(`${base}/api/login`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ username, password }),
}).then((response) => response.json());
if (!login.ok) {
  say({ step: "login", error: login.error });
  process.exit(1);
}

const socket = io(base, {
  auth: { token: login.data.token, protocol: 1 },
  transports: ["websocket"],
  reconnection: false,
});
const timer = setTimeout(() => { say({ step: "timeout" }); process.exit(2); }, 20000);
let seen = 0;
socket.on("connect_error", (error) => { say({ step: "connect_error", message: error.message, data: error.data }); process.exit(1); });
socket.on("meeting:state", (state) => {
  say({ step: "state", page: state.page, document_id: state.document_id, seq: state.seq });
  seen += 1;
  if (seen >= turns) { clearTimeout(timer); socket.close(); }
});
socket.on("connect", async () => {
  const joined = await socket.emitWithAck("meeting:join", { meeting_id: meetingId });
  say({ step: "joined", ok: joined.ok, page: joined.data?.state.page, seq: joined.data?.state.seq,
        documents: joined.data?.documents.length });
  const refused = await socket.emitWithAck("page:set", { meeting_id: meetingId, document_id: 1, page: 1 });
  say({ step: "page:set", ok: refused.ok, code: refused.error?.code });
  const malformed = await socket.emitWithAck("page:set", { meeting_id: String(meetingId) });
  say({ step: "malformed", ok: malformed.ok, code: malformed.error?.code });
  say({ step: "ready" });
});
