#include "engine/run/request_trace.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "engine/run/trace_writer.hpp"
#include "engine/sim/request_id.hpp"

namespace pillars {

namespace {

using Event = RequestTracer::Event;
using EventType = RequestTracer::EventType;
constexpr SimTime kNever = -1;

/// One message that asks something (a request, a replica write...) and what became of it.
struct Call {
  const Event* send = nullptr;
  SimTime delivered = kNever;
  const Event* dropped = nullptr;
  const Event* reply = nullptr;         // the callee's answer, when sent
  SimTime replyDelivered = kNever;
  const Event* replyDropped = nullptr;
  std::vector<const Event*> work;       // work the callee did on it
  std::vector<std::size_t> children;    // calls the callee made while serving it
  std::size_t parent = SIZE_MAX;

  explicit Call(const Event* sent) : send(sent) {}
  ComponentId caller() const { return send->from; }
  ComponentId callee() const { return send->to; }
  bool open(SimTime at) const {
    return delivered != kNever && delivered <= at && (!reply || at <= reply->at);
  }
};

bool sameMessage(const Event& sent, const Event& seen) {
  return sent.from == seen.from && sent.to == seen.to && sent.kind == seen.kind &&
         sent.correlation == seen.correlation;
}

/// The call whose callee is `where` that is being served at `at`; of several (a component
/// visited twice), the one delivered last.
std::size_t servingCall(const std::vector<Call>& calls, ComponentId where, SimTime at) {
  std::size_t best = SIZE_MAX;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].callee() != where || !calls[i].open(at)) continue;
    if (best == SIZE_MAX || calls[i].delivered >= calls[best].delivered) best = i;
  }
  return best;
}

/// The call `reply` answers: same correlation, endpoints swapped, delivered before it.
Call* askedBy(std::vector<Call>& calls, const Event& reply) {
  for (Call& c : calls) {
    if (c.callee() == reply.from && c.caller() == reply.to && c.send->correlation == reply.correlation &&
        !c.reply && c.delivered != kNever && c.delivered <= reply.at) {
      return &c;
    }
  }
  return nullptr;
}

/// Pairs every message with its fate: deliveries and drops with sends, replies with calls.
/// A message sent on a cut link is dropped at once without a send: its drop stands for both.
std::vector<Call> pairCalls(std::span<const Event> events) {
  std::vector<Call> calls;
  for (const Event& e : events) {
    if (e.type == EventType::Work || isReply(e.kind)) continue;
    if (e.type == EventType::Send) {
      calls.emplace_back(&e);
      continue;
    }
    auto fateless = std::find_if(calls.begin(), calls.end(), [&](const Call& c) {
      return c.delivered == kNever && !c.dropped && c.send->type == EventType::Send && c.send->at <= e.at &&
             sameMessage(*c.send, e);
    });
    if (fateless == calls.end() && e.type == EventType::Drop) {
      calls.emplace_back(&e);
      fateless = calls.end() - 1;
    }
    if (fateless == calls.end()) continue;
    if (e.type == EventType::Deliver) fateless->delivered = e.at; else fateless->dropped = &e;
  }
  for (const Event& e : events) {
    if (e.type == EventType::Work || !isReply(e.kind)) continue;
    if (e.type == EventType::Send) {
      if (Call* c = askedBy(calls, e)) c->reply = &e;
      continue;
    }
    auto fateless = std::find_if(calls.begin(), calls.end(), [&](const Call& c) {
      return c.reply && c.reply->type == EventType::Send && c.replyDelivered == kNever && !c.replyDropped &&
             sameMessage(*c.reply, e);
    });
    if (fateless != calls.end()) {
      if (e.type == EventType::Deliver) fateless->replyDelivered = e.at; else fateless->replyDropped = &e;
    } else if (Call* c = e.type == EventType::Drop ? askedBy(calls, e) : nullptr) {
      c->reply = &e;
      c->replyDropped = &e;
    }
  }
  return calls;
}

/// The call a piece of work was done for: the one whose message it works on (same caller and
/// correlation), or else the call being served there at the time.
std::size_t workedCall(const std::vector<Call>& calls, const Event& work) {
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const Call& c = calls[i];
    if (c.callee() == work.from && c.caller() == work.to && c.send->correlation == work.correlation &&
        c.open(work.at)) {
      return i;
    }
  }
  return servingCall(calls, work.from, work.at);
}

/// Attaches work to the calls it served and calls to the calls that made them.
void nest(std::vector<Call>& calls, std::span<const Event> events) {
  for (const Event& e : events) {
    if (e.type != EventType::Work) continue;
    if (const std::size_t i = workedCall(calls, e); i != SIZE_MAX) calls[i].work.push_back(&e);
  }
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const std::size_t p = servingCall(calls, calls[i].caller(), calls[i].send->at);
    if (p == SIZE_MAX || p == i) continue;
    calls[i].parent = p;
    calls[p].children.push_back(i);
  }
}

class SpanWriter {
 public:
  SpanWriter(const std::vector<Call>& calls, std::vector<TraceSpan>& out) : m_calls(calls), m_out(out) {}

  /// Writes call `i` and everything under it; returns when the call ended.
  SimTime write(std::size_t i, int depth, int attempt) {
    const Call& c = m_calls[i];
    const std::size_t at = m_out.size();
    TraceSpan call;
    call.kind = TraceSpan::Kind::Call;
    call.depth = depth;
    call.from = c.caller();
    call.to = c.callee();
    call.message = c.send->kind;
    call.start = c.send->at;
    call.attempt = attempt;
    m_out.push_back(call);

    // The pieces under the call, in the order they began.
    struct Piece {
      SimTime start;
      int order;  // ties: request leg, queue, work, calls, reply leg
      std::size_t index;
    };
    std::vector<Piece> pieces;
    pieces.push_back({c.send->at, 0, 0});
    for (std::size_t w = 0; w < c.work.size(); ++w) pieces.push_back({c.work[w]->at, 2, w});
    for (std::size_t k : c.children) pieces.push_back({m_calls[k].send->at, 3, k});
    if (c.reply) pieces.push_back({c.reply->at, 4, 0});
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
      return a.start != b.start ? a.start < b.start : a.order < b.order;
    });

    SimTime end = c.send->at;
    bool queued = false;
    for (const Piece& p : pieces) {
      switch (p.order) {
        case 0: end = std::max(end, leg(*c.send, c.delivered, c.dropped, depth + 1)); break;
        case 2: {
          const Event& w = *c.work[p.index];
          if (!queued && w.at > c.delivered) span(TraceSpan::Kind::Queue, depth + 1, w.from, c.delivered, w.at);
          queued = true;
          span(TraceSpan::Kind::Work, depth + 1, w.from, w.at, w.until);
          end = std::max(end, w.until);
          break;
        }
        case 3: end = std::max(end, write(p.index, depth + 1, 0)); break;
        case 4: end = std::max(end, leg(*c.reply, c.replyDelivered, c.replyDropped, depth + 1)); break;
      }
    }

    // Delivered, never worked on, never answered: it is still waiting (or waited until the
    // run ended) at the callee, which the trace shows as a queue up to the call's end.
    const bool waiting = c.delivered != kNever && c.work.empty() && !c.reply && c.children.empty();
    std::size_t queueSpan = SIZE_MAX;
    if (waiting) {
      queueSpan = m_out.size();
      span(TraceSpan::Kind::Queue, depth + 1, c.callee(), c.delivered, c.delivered).outcome = TraceSpan::Outcome::NoAnswer;
    }

    TraceSpan& s = m_out[at];
    if (c.dropped) {
      s.outcome = TraceSpan::Outcome::Lost;
      s.lost = c.dropped->dropReason;
      s.end = c.dropped->at;
    } else if (c.replyDelivered != kNever) {
      s.outcome = c.reply->kind == MessageKind::Error ? TraceSpan::Outcome::Failed : TraceSpan::Outcome::Ok;
      s.error = c.reply->reason;
      s.end = c.replyDelivered;
      if (c.send->deadline > 0 && c.replyDelivered > c.send->deadline) s.outcome = TraceSpan::Outcome::Late;
    } else if (c.replyDropped) {
      s.outcome = TraceSpan::Outcome::Lost;
      s.lost = c.replyDropped->dropReason;
      s.end = c.replyDropped->at;
    } else {
      // Nobody answered: the caller waited until its deadline, if it had one.
      s.outcome = TraceSpan::Outcome::NoAnswer;
      s.end = c.send->deadline > 0 ? std::max(c.send->deadline, c.send->at) : end;
    }
    if (queueSpan != SIZE_MAX) m_out[queueSpan].end = std::max(m_out[queueSpan].start, s.end);
    return std::max(end, s.end);
  }

 private:
  SimTime leg(const Event& sent, SimTime delivered, const Event* dropped, int depth) {
    TraceSpan& s = span(TraceSpan::Kind::Network, depth, sent.from, sent.at, sent.until);
    s.to = sent.to;
    s.message = sent.kind;
    s.error = sent.reason;
    if (dropped) {
      s.outcome = TraceSpan::Outcome::Lost;
      s.lost = dropped->dropReason;
      s.end = dropped->at;
    } else if (delivered != kNever) {
      s.end = delivered;
    }
    return s.end;
  }

  TraceSpan& span(TraceSpan::Kind kind, int depth, ComponentId where, SimTime start, SimTime end) {
    TraceSpan s;
    s.kind = kind;
    s.depth = depth;
    s.from = where;
    s.start = start;
    s.end = end;
    m_out.push_back(s);
    return m_out.back();
  }

  const std::vector<Call>& m_calls;
  std::vector<TraceSpan>& m_out;
};

std::string millis(SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", simTimeToSeconds(t) * 1000.0);
  return buf;
}

/// Columns a label takes on a terminal: "→" is three bytes but one column (a label has one).
std::size_t columnsOf(const std::string& label) {
  return label.size() - (label.find("→") != std::string::npos ? 2 : 0);
}

std::string nameOf(ComponentId id, std::span<const std::string> names) {
  return id < names.size() ? names[id] : "#" + std::to_string(id);
}

}  // namespace

RequestTrace buildRequestTrace(std::uint64_t requestId, std::span<const Event> events) {
  RequestTrace trace;
  trace.requestId = requestId;
  trace.client = RequestId::clientOf(requestId);
  if (events.empty()) return trace;
  std::vector<Call> calls = pairCalls(events);
  nest(calls, events);

  const Event& first = events.front();
  trace.complete = first.type == EventType::Send && first.kind == MessageKind::Request &&
                   (trace.client == kNoComponent || first.from == trace.client);
  trace.issued = first.at;
  trace.ended = first.at;
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].parent == SIZE_MAX) roots.push_back(i);
  }
  std::stable_sort(roots.begin(), roots.end(),
                   [&](std::size_t a, std::size_t b) { return calls[a].send->at < calls[b].send->at; });
  SpanWriter writer(calls, trace.spans);
  for (const std::size_t i : roots) {
    const bool attempt = calls[i].caller() == trace.client;
    const int number = attempt ? static_cast<int>(RequestWire::attemptOf(calls[i].send->correlation)) + 1 : 0;
    const std::size_t at = trace.spans.size();
    trace.ended = std::max(trace.ended, writer.write(i, 0, number));
    if (attempt) {
      ++trace.attempts;
      // The request ends as its last attempt did.
      trace.outcome = trace.spans[at].outcome;
      trace.error = trace.spans[at].error;
    }
  }
  return trace;
}

std::string requestIdText(std::uint64_t requestId, std::span<const std::string> names) {
  const ComponentId client = RequestId::clientOf(requestId);
  if (requestId == 0 || client == kNoComponent || client >= names.size()) return std::to_string(requestId);
  return names[client] + "#" + std::to_string(RequestId::sequenceOf(requestId));
}

std::optional<std::uint64_t> parseRequestId(std::string_view text, std::span<const std::string> names) {
  auto number = [](std::string_view digits) -> std::optional<std::uint64_t> {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return n;
  };
  const std::size_t hash = text.rfind('#');
  if (hash == std::string_view::npos) return number(text);
  const std::string_view client = text.substr(0, hash);
  const auto sequence = number(text.substr(hash + 1));
  if (!sequence || *sequence == 0 || *sequence > RequestId::kSequenceMask) return std::nullopt;
  for (std::size_t id = 0; id < names.size(); ++id) {
    if (names[id] == client) return RequestId::make(static_cast<ComponentId>(id), *sequence);
  }
  return std::nullopt;
}

std::string spanLabel(const TraceSpan& span, std::span<const std::string> names) {
  const std::string route = nameOf(span.from, names) + " → " + nameOf(span.to, names);
  switch (span.kind) {
    case TraceSpan::Kind::Call:
      return span.attempt > 0 ? "attempt " + std::to_string(span.attempt) + ": " + route : route;
    case TraceSpan::Kind::Network: {
      std::string what(messageKindName(span.message));
      if (span.message == MessageKind::Error) what += " (" + std::string(errorReasonName(span.error)) + ")";
      return what + " " + route;
    }
    case TraceSpan::Kind::Queue: return "queue at " + nameOf(span.from, names);
    case TraceSpan::Kind::Work: return "work at " + nameOf(span.from, names);
  }
  return {};
}

std::string spanOutcomeText(const TraceSpan& span) {
  switch (span.outcome) {
    case TraceSpan::Outcome::Ok: return "ok";
    case TraceSpan::Outcome::Failed: return "failed: " + std::string(errorReasonName(span.error));
    case TraceSpan::Outcome::Lost: return "lost: " + std::string(dropReasonName(span.lost));
    case TraceSpan::Outcome::NoAnswer: return "no answer";
    case TraceSpan::Outcome::Late: return "late: its caller had given up";
  }
  return {};
}

std::string requestTraceHeadline(const RequestTrace& trace, std::span<const std::string> names) {
  const std::string id = requestIdText(trace.requestId, names);
  if (trace.empty()) return id + ": no trace";
  std::string outcome;
  switch (trace.outcome) {
    case TraceSpan::Outcome::Ok: outcome = "answered"; break;
    case TraceSpan::Outcome::Failed: outcome = "failed (" + std::string(errorReasonName(trace.error)) + ")"; break;
    case TraceSpan::Outcome::Lost: outcome = "lost on the way"; break;
    case TraceSpan::Outcome::NoAnswer: outcome = "no answer"; break;
    case TraceSpan::Outcome::Late: outcome = "timed out (answered after the client had given up)"; break;
  }
  char buf[96];
  const double took = simTimeToSeconds(trace.ended - trace.issued);
  std::snprintf(buf, sizeof buf, took < 1.0 ? "%.3f ms" : "%.3f s", took < 1.0 ? took * 1000.0 : took);
  std::string when = buf;
  std::snprintf(buf, sizeof buf, "%.3f s", simTimeToSeconds(trace.issued));
  return id + ": issued at " + buf + ", " + std::to_string(trace.attempts) +
         (trace.attempts == 1 ? " attempt, " : " attempts, ") + outcome + " after " + when;
}

std::string formatRequestTrace(const RequestTrace& trace, std::span<const std::string> names) {
  std::string out = "request " + requestTraceHeadline(trace, names) + "\n";
  if (trace.empty()) return out;
  if (!trace.complete) out += "(its first messages were forgotten before it was traced: the trace is partial)\n";
  std::vector<std::string> labels;
  std::size_t width = 4;
  for (const TraceSpan& s : trace.spans) {
    labels.push_back(std::string(static_cast<std::size_t>(s.depth) * 2, ' ') + spanLabel(s, names));
    width = std::max(width, columnsOf(labels.back()));
  }
  auto pad = [](std::string text, std::size_t columns) {
    if (const std::size_t shown = columnsOf(text); shown < columns) text.append(columns - shown, ' ');
    return text;
  };
  auto right = [](const std::string& text, std::size_t columns) {
    return text.size() < columns ? std::string(columns - text.size(), ' ') + text : text;
  };
  out += pad("span", width) + "  " + right("start ms", 10) + "  " + right("took ms", 10) + "  outcome\n";
  for (std::size_t i = 0; i < trace.spans.size(); ++i) {
    const TraceSpan& s = trace.spans[i];
    const bool hasOutcome = s.kind == TraceSpan::Kind::Call || s.outcome != TraceSpan::Outcome::Ok;
    out += pad(labels[i], width) + "  " + right(millis(s.start - trace.issued), 10) + "  " +
           right(millis(s.end - s.start), 10) + (hasOutcome ? "  " + spanOutcomeText(s) : "") + "\n";
  }
  return out;
}

}  // namespace pillars
