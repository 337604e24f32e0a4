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
    case MessageKind::AppendEntriesReply:
    case MessageKind::Prepare:
    case MessageKind::Vote:
    case MessageKind::Commit:
    case MessageKind::Abort:
    case MessageKind::Ack:
    case MessageKind::SagaStep:
    case MessageKind::SagaStepDone:
    case MessageKind::Compensate:
    case MessageKind::CompensateDone: return MessageCategory::Consensus;
    case MessageKind::Replicate:
    case MessageKind::ReplicateAck:
    case MessageKind::Heartbeat:
    case MessageKind::HeartbeatAck:
    case MessageKind::ReplicaWrite:
    case MessageKind::ReplicaWriteAck:
    case MessageKind::ReplicaRead:
    case MessageKind::ReplicaReadReply:
    case MessageKind::SnapshotRequest:
    case MessageKind::Snapshot:
    case MessageKind::MigrateRead:
    case MessageKind::MigrateData:
    case MessageKind::MigrateWrite:
    case MessageKind::MigrateAck: return MessageCategory::Replication;
  }
  return MessageCategory::Control;
}

bool isReply(MessageKind kind) {
  switch (kind) {
    case MessageKind::Response:
    case MessageKind::Error:
    case MessageKind::HealthReply:
    case MessageKind::RequestVoteReply:
    case MessageKind::AppendEntriesReply:
    case MessageKind::Vote:
    case MessageKind::Ack:
    case MessageKind::SagaStepDone:
    case MessageKind::CompensateDone:
    case MessageKind::ReplicateAck:
    case MessageKind::HeartbeatAck:
    case MessageKind::ReplicaWriteAck:
    case MessageKind::ReplicaReadReply:
    case MessageKind::Snapshot:
    case MessageKind::MigrateData:
    case MessageKind::MigrateAck: return true;
    default: return false;
  }
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
    case MessageKind::Prepare: return "prepare";
    case MessageKind::Vote: return "vote";
    case MessageKind::Commit: return "commit";
    case MessageKind::Abort: return "abort";
    case MessageKind::Ack: return "ack";
    case MessageKind::SagaStep: return "saga_step";
    case MessageKind::SagaStepDone: return "saga_step_done";
    case MessageKind::Compensate: return "compensate";
    case MessageKind::CompensateDone: return "compensate_done";
    case MessageKind::Replicate: return "replicate";
    case MessageKind::ReplicateAck: return "replicate_ack";
    case MessageKind::Heartbeat: return "heartbeat";
    case MessageKind::HeartbeatAck: return "heartbeat_ack";
    case MessageKind::ReplicaWrite: return "replica_write";
    case MessageKind::ReplicaWriteAck: return "replica_write_ack";
    case MessageKind::ReplicaRead: return "replica_read";
    case MessageKind::ReplicaReadReply: return "replica_read_reply";
    case MessageKind::SnapshotRequest: return "snapshot_request";
    case MessageKind::Snapshot: return "snapshot";
    case MessageKind::MigrateRead: return "migrate_read";
    case MessageKind::MigrateData: return "migrate_data";
    case MessageKind::MigrateWrite: return "migrate_write";
    case MessageKind::MigrateAck: return "migrate_ack";
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
    case ErrorReason::CircuitOpen: return "circuit_open";
    case ErrorReason::Shed: return "shed";
    case ErrorReason::RateLimited: return "rate_limited";
    case ErrorReason::Internal: return "internal";
  }
  return "unknown";
}

}  // namespace pillars
