#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run/request_tracer.hpp"

namespace pillars {

/// One span of a request's trace: a call from one component to another, one leg of it on the
/// network, or the time the callee spent queueing or working on it.
struct TraceSpan {
  enum class Kind : std::uint8_t {
    Call,     // caller → callee, from the request's send to its reply's arrival
    Network,  // one message on the wire (the request leg or the reply leg of a call)
    Queue,    // waiting at the callee for a worker
    Work,     // the callee working on it
  };
  enum class Outcome : std::uint8_t {
    Ok,        // answered with a response (or, for network and work, done)
    Failed,    // answered with an error (see error)
    Lost,      // a message of it never arrived (see lost)
    NoAnswer,  // no reply came back (the caller's deadline passed, or the run ended)
    Late,      // the reply came back after the caller's deadline: it had given up (wasted work)
  };
  Kind kind = Kind::Call;
  int depth = 0;  // nesting: calls made while serving a call sit one deeper
  ComponentId from = kNoComponent;  // caller, sender, or where it queued or worked
  ComponentId to = kNoComponent;    // callee or receiver
  MessageKind message = MessageKind::Request;  // network: what was on the wire
  SimTime start = 0;
  SimTime end = 0;
  Outcome outcome = Outcome::Ok;
  ErrorReason error = ErrorReason::None;
  DropReason lost = DropReason::Loss;
  int attempt = 0;  // a client's call: the attempt's number, from 1; 0 for other calls
};

/// A request's path through the system, rebuilt from what a RequestTracer kept: every call it
/// caused (retries included), each with its network legs, queueing and work, nested by who
/// called whom. Times are absolute; `issued` is the client's first send.
struct RequestTrace {
  std::uint64_t requestId = 0;
  ComponentId client = kNoComponent;
  /// Whether the tracer kept the request's first message (the ring may have forgotten it).
  bool complete = false;
  SimTime issued = 0;
  SimTime ended = 0;
  TraceSpan::Outcome outcome = TraceSpan::Outcome::NoAnswer;
  ErrorReason error = ErrorReason::None;
  int attempts = 0;
  std::vector<TraceSpan> spans;  // depth first, each span's children in the order they began

  bool empty() const { return spans.empty(); }
};

/// Rebuilds the trace of `requestId` from its events, oldest first (RequestTracer::eventsOf).
RequestTrace buildRequestTrace(std::uint64_t requestId, std::span<const RequestTracer::Event> events);

/// "users#42" for the 42nd request of the client called users; the number itself for an id no
/// client made. `names` are the simulation's component names, indexed by ComponentId.
std::string requestIdText(std::uint64_t requestId, std::span<const std::string> names);
/// The id "users#42" (or a plain number) names; nothing when the client is unknown or the text
/// is not of that form.
std::optional<std::uint64_t> parseRequestId(std::string_view text, std::span<const std::string> names);

/// What a span is, in words: "attempt 2: users → lb", "lb → web#2", "request users → lb",
/// "error (shed) web#2 → lb", "queue at web#2", "work at web#2".
std::string spanLabel(const TraceSpan& span, std::span<const std::string> names);
/// How it ended, in words: "ok", "failed: shed", "lost: link_down", "no answer", "late".
std::string spanOutcomeText(const TraceSpan& span);
/// One line about the whole request: "users#42: issued at 79.812 s, 4 attempts, timed out
/// (answered after the client had given up) after 40.671 s".
std::string requestTraceHeadline(const RequestTrace& trace, std::span<const std::string> names);
/// The whole trace as an indented table (the CLI prints it): a headline, then one line per span
/// with its start after the request was issued and its duration, in milliseconds.
std::string formatRequestTrace(const RequestTrace& trace, std::span<const std::string> names);

}  // namespace pillars
