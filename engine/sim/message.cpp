#include "engine/sim/message.hpp"

namespace pillars {

MessageCategory categoryOf(MessageKind kind) {
  switch (kind) {
    case MessageKind::Request: return MessageCategory::Request;
    case MessageKind::Response: return MessageCategory::Response;
    case MessageKind::Error: return MessageCategory::Error;
    case MessageKind::HealthCheck:
    case MessageKind::HealthReply: return MessageCategory::Control;
    case MessageKind::RequestVote:
    case MessageKind::RequestVoteReply:
    case MessageKind::AppendEntries:
    case MessageKind::AppendEntriesReply: return MessageCategory::Consensus;
  }
  return MessageCategory::Control;
}

std::string_view messageKindName(MessageKind kind) {
  switch (kind) {
    case MessageKind::Request: return "request";
    case MessageKind::Response: return "response";
    case MessageKind::Error: return "error";
    case MessageKind::HealthCheck: return "health_check";
    case MessageKind::HealthReply: return "health_reply";
    case MessageKind::RequestVote: return "request_vote";
    case MessageKind::RequestVoteReply: return "request_vote_reply";
    case MessageKind::AppendEntries: return "append_entries";
    case MessageKind::AppendEntriesReply: return "append_entries_reply";
  }
  return "unknown";
}

std::string_view errorReasonName(ErrorReason reason) {
  switch (reason) {
    case ErrorReason::None: return "none";
    case ErrorReason::Rejected: return "rejected";
    case ErrorReason::NoBackend: return "no_backend";
    case ErrorReason::Timeout: return "timeout";
    case ErrorReason::Downstream: return "downstream";
    case ErrorReason::Unavailable: return "unavailable";
  }
  return "unknown";
}

}  // namespace pillars
