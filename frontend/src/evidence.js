// The evidence panel (an event's claims, each sentence highlighted in its document, its standing,
// outlet and side, corroboration and contradictions) and the document viewer.  Text only, no markup.
import { el, clear, safeLink } from "./dom.js";
import { get } from "./api.js";

function badge(status) {
  return el("span", { class: `badge standing-${status}`, title: `standing: ${status}` }, status);
}

function excerpt(claim) {
  const s = claim.sentence;
  const t0 = Math.max(0, Math.min(s.length, claim.trigger_start));
  const t1 = Math.max(t0, Math.min(s.length, claim.trigger_end));
  const mark = el("mark", { class: "sentence" }, s.slice(0, t0), el("strong", { class: "trigger" }, s.slice(t0, t1)),
    s.slice(t1));
  return el("p", { class: "excerpt" }, "…", claim.context_before, mark, claim.context_after, "…");
}

function claimCard(claim, openDocument) {
  const who = [claim.actor1, claim.actor2].filter(Boolean).join(" vs ");
  const facts = [
    claim.attributed_to && `attributed to ${claim.attributed_to}`,
    who && `actors: ${who}`,
    claim.location && `place: ${claim.location}`,
    claim.date_text && `date: “${claim.date_text}”${claim.event_date ? ` → ${claim.event_date}` : ""}`,
    claim.fatalities != null && `fatalities: ${claim.fatalities}`,
    !claim.counted && "not counted as a happening",
  ].filter(Boolean);
  return el("article", { class: `claim standing-${claim.status}`, "data-claim-id": claim.id },
    el("header", { class: "claimhead" }, badge(claim.status),
      el("span", { class: "outlet" }, claim.outlet || "unknown outlet"),
      claim.side ? el("span", { class: "side" }, claim.side) : el("span", { class: "side muted" }, "side unknown"),
      claim.published ? el("time", { datetime: claim.published }, claim.published) : null),
    claim.title ? el("p", { class: "doctitle" }, claim.title) : null,
    excerpt(claim),
    el("p", { class: "facts muted" }, facts.join(" · ")),
    el("p", { class: "claimlinks" },
      el("button", { type: "button", class: "opendoc", on: { click: () => openDocument(claim.doc_id, claim.id) } },
        "Open document"),
      claim.url ? safeLink(claim.url, "source") : null));
}

export function renderEvidence(container, detail, openDocument) {
  const e = detail.event;
  const c = detail.corroboration;
  clear(container);
  container.hidden = false;
  const actors = [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "actors unknown";
  const summary = `${c.documents} document${c.documents === 1 ? "" : "s"} from ${c.outlets.length || 0} outlet`
    + `${c.outlets.length === 1 ? "" : "s"}${c.sides.length ? ` (${c.sides.join(", ")})` : ""}: `
    + `${c.supporting} supporting, ${c.disputing} disputing, ${c.not_counted} not counted`;
  container.append(
    el("h2", { id: "evidence-title", tabindex: "-1" }, `${e.sub_event_type} — ${e.location || "unlocated"}`),
    el("p", { class: "eventhead" }, badge(e.status), ` ${e.event_type} · ${e.event_date || "undated"} · ${actors}`),
    el("p", { class: "muted" }, `support ${e.support.toFixed(2)}`,
      e.fatalities != null ? ` · fatalities ${e.fatalities}` : "",
      e.admin1 ? ` · ${e.admin1}` : ""),
    el("p", { class: `corroboration${c.contradicted ? " contradicted" : ""}` },
      c.contradicted ? el("strong", {}, "Contradicted. ") : null, summary),
    el("h3", {}, `Claims (${detail.claims.length})`),
    ...detail.claims.map((claim) => claimCard(claim, openDocument)),
  );
  container.querySelector("#evidence-title").focus();
}

// -- the document viewer -------------------------------------------------------------------------
function spansOf(doc, selectedId) {
  const spans = [];
  for (const claim of doc.claims) {
    if (spans.some((s) => s.start === claim.start && s.end === claim.end)) {
      if (claim.id === selectedId) spans.find((s) => s.start === claim.start).selected = true;
      continue;
    }
    spans.push({ start: claim.start, end: claim.end, status: claim.status, selected: claim.id === selectedId });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1].end);
}

function segmentNode(doc, segment, spans) {
  const node = el("section", { class: `segment role-${segment.role}` },
    el("span", { class: "role" }, segment.role));
  const body = el("p", { class: "segtext" });
  let at = segment.start;
  for (const s of spans) {
    if (s.end <= segment.start || s.start >= segment.end) continue;
    const a = Math.max(s.start, at);
    const b = Math.min(s.end, segment.end);
    if (a > at) body.append(doc.text.slice(at, a));
    const attrs = { class: `claimspan standing-${s.status}${s.selected ? " selected" : ""}` };
    body.append(s.selected ? el("mark", { ...attrs, id: "doc-highlight" }, doc.text.slice(a, b))
      : el("span", attrs, doc.text.slice(a, b)));
    at = b;
  }
  if (at < segment.end) body.append(doc.text.slice(at, segment.end));
  node.append(body);
  return node;
}

export async function openDocument(dialog, docId, claimId) {
  const doc = await get(`/api/documents/${encodeURIComponent(docId)}`);
  const spans = spansOf(doc, claimId);
  dialog.querySelector("#doctitle").textContent = doc.title || doc.source;
  const meta = dialog.querySelector("#docmeta");
  clear(meta).append(`${doc.outlet || "unknown outlet"}${doc.side ? ` (${doc.side})` : ""} · `
    + `${doc.published || "undated"} · ${doc.source}`);
  if (doc.url) meta.append(" · ", safeLink(doc.url));
  const text = clear(dialog.querySelector("#doctext"));
  const segments = doc.segments.length ? doc.segments : [{ role: "body", start: 0, end: doc.text.length }];
  for (const segment of segments) text.append(segmentNode(doc, segment, spans));
  if (!dialog.open) dialog.showModal();
  const mark = dialog.querySelector("#doc-highlight");
  if (mark) mark.scrollIntoView({ block: "center" });
}
