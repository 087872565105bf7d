// The vote card of the browser viewer: the newest vote (open, or its result), its count as
// bars, and ballot buttons for those who may still vote. The server decides; this only shows.
import { ABSTAIN, VOTE_KIND, VOTE_OUTCOME, VOTE_STATUS, YES_NO_CHOICES } from "./protocol.generated.js";
import { t } from "./texts.js";

const COLORS = { yes: "#1e7b34", no: "#b3261e", abstain: "#80868b" };

export function choicesOf(vote) {
  return vote.kind === VOTE_KIND.YES_NO ? [...YES_NO_CHOICES] : [...vote.options, ABSTAIN];
}

function label(choice) {
  return YES_NO_CHOICES.includes(choice) ? t(choice) : choice;
}

export function statusOf(vote) {
  const voted = t("voted", vote.voted, vote.eligible.length);
  if (vote.status === VOTE_STATUS.OPEN || !vote.result) return t("voteOpen", voted);
  const outcome = vote.result.outcome === VOTE_OUTCOME.CHOSEN
    ? t("chosen", vote.result.winner) : t(vote.result.outcome);
  return `${outcome} (${voted})`;
}

/** The vote the card shows: the newest open one, else the newest. */
export function shownVote(votes) {
  const all = [...votes.values()].sort((a, b) => a.id - b.id);
  return all.filter((v) => v.status === VOTE_STATUS.OPEN).pop() ?? all.pop() ?? null;
}

// Votes I voted in (a secret vote's broadcast names nobody), per `ballots_lost_at`: a server
// restart that lost a secret vote's ballots asks everyone to vote again.
const myBallots = new Set();
const ballotKey = (vote) => `${vote.id}:${vote.ballots_lost_at ?? ""}`;

export function renderVote(card, vote, me, cast) {
  if (vote?.voters.includes(me)) myBallots.add(ballotKey(vote));
  const iVoted = Boolean(vote) && myBallots.has(ballotKey(vote));
  card.hidden = !vote;
  if (!vote) return;
  const title = document.createElement("strong");
  title.textContent = vote.title + (vote.secret ? ` (${t("secret")})` : "");
  const status = document.createElement("p");
  status.className = "muted";
  status.id = "vote-status";
  status.textContent = statusOf(vote);
  const bars = document.createElement("div");
  bars.className = "bars";
  const total = Math.max(1, Object.values(vote.counts).reduce((a, b) => a + b, 0));
  for (const choice of choicesOf(vote)) {
    const count = vote.counts[choice] ?? 0;
    const row = document.createElement("div");
    row.className = "bar-row";
    const name = document.createElement("span");
    name.textContent = label(choice);
    const track = document.createElement("span");
    track.className = "track";
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = `${(100 * count) / total}%`;
    bar.style.background = COLORS[choice] ?? "#1a73e8";
    track.append(bar);
    const number = document.createElement("span");
    number.textContent = String(count);
    row.append(name, track, number);
    bars.append(row);
  }
  const ballot = document.createElement("div");
  ballot.className = "ballot";
  if (vote.status === VOTE_STATUS.OPEN && vote.eligible.includes(me) && !iVoted) {
    for (const choice of choicesOf(vote)) {
      const button = document.createElement("button");
      button.textContent = label(choice);
      button.dataset.choice = choice;
      button.addEventListener("click", () => {
        for (const other of ballot.querySelectorAll("button")) other.disabled = true;
        cast(vote.id, choice);
      });
      ballot.append(button);
    }
  } else if (iVoted) {
    const mine = vote.ballots?.[me];
    ballot.textContent = mine ? t("youVoted", label(mine)) : t("ballotCounted");
  }
  if (vote.status === VOTE_STATUS.OPEN && vote.ballots_lost_at != null && !iVoted) {
    const lost = document.createElement("p");
    lost.id = "vote-ballots-lost";
    lost.textContent = t("ballotsLost");
    ballot.prepend(lost);
  }
  card.replaceChildren(title, status, bars, ballot);
}
