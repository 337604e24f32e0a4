#include "engine/run/history_recorder.hpp"

#include <algorithm>

#include "engine/io/json_writer.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/request_id.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

bool byRequestId(const std::pair<std::uint64_t, std::uint32_t>& entry, std::uint64_t id) {
  return entry.first < id;
}

}  // namespace

HistoryRecorder::HistoryRecorder(const Simulation& sim, std::size_t maxOps)
    : m_sim(sim), m_maxOps(maxOps) {
  m_ops.reserve(maxOps);
  m_byRequest.reserve(maxOps);
}

bool HistoryRecorder::isClient(ComponentId id) const {
  // Load generators are the clients whose view is the end-to-end one.
  return id < m_sim.componentCount() && m_sim.component(id).measuresEndToEnd();
}

const HistoryRecorder::Op* HistoryRecorder::find(std::uint64_t requestId) const {
  auto it = std::lower_bound(m_byRequest.begin(), m_byRequest.end(), requestId, byRequestId);
  return it != m_byRequest.end() && it->first == requestId ? &m_ops[it->second] : nullptr;
}

HistoryRecorder::Op* HistoryRecorder::find(std::uint64_t requestId) {
  return const_cast<Op*>(static_cast<const HistoryRecorder*>(this)->find(requestId));
}

void HistoryRecorder::onSend(const Message& msg, LinkId /*link*/, SimTime /*sentAt*/, SimTime /*arrivesAt*/) {
  // Only a client's first attempt invokes an operation; retries belong to the same one, whose
  // interval starts at the first attempt (originTime).
  if (msg.kind == MessageKind::Request && RequestWire::attemptOf(msg.correlation) == 0 && isClient(msg.src) &&
      !find(msg.requestId)) {
    if (m_ops.size() >= m_maxOps) {
      ++m_unrecorded;
    } else {
      Op op;
      op.requestId = msg.requestId;
      op.client = msg.src;
      op.key = msg.key;
      op.read = msg.arg1 == 1;
      op.value = op.read ? 0 : static_cast<std::int64_t>(msg.requestId);
      op.invoke = msg.originTime;
      const auto at = std::lower_bound(m_byRequest.begin(), m_byRequest.end(), msg.requestId,
                                       byRequestId);
      m_byRequest.insert(at, {msg.requestId, static_cast<std::uint32_t>(m_ops.size())});
      m_ops.push_back(op);
    }
  }
}

void HistoryRecorder::onDeliver(const Message& msg, LinkId /*link*/, SimTime at) {
  if (msg.kind == MessageKind::Response && isClient(msg.dst)) {
    // Any answer that reaches the client is a fact about the operation, even one to an attempt
    // the client gave up on: the operation took effect between its invocation and now.
    Op* op = find(msg.requestId);
    if (op && !op->completed) {
      op->completed = true;
      op->response = at;
      if (op->read) op->value = msg.arg1;
    }
  }
}

std::string HistoryRecorder::toJson() const {
  JsonWriter w(0);
  w.beginObject();
  w.field("format", "pillars-history");
  w.field("version", 1);
  // A key never written reads 0 (RaftKvStore); writes store request ids, which are never 0.
  w.field("initial", 0);
  w.key("operations");
  w.beginArray();
  for (const Op& op : m_ops) {
    // A read that returned a value written by an operation invoked after the bound was
    // reached cannot be checked against that write, so it is kept as pending (unconstrained).
    const bool unknownValue = op.read && op.completed && op.value != 0 && m_unrecorded > 0 &&
                              !find(static_cast<std::uint64_t>(op.value));
    const bool answered = op.completed && !unknownValue;
    w.beginObject();
    w.field("process", m_sim.component(op.client).name());
    w.field("key", op.key);
    w.field("op", op.read ? "read" : "write");
    if (!op.read || answered) w.field("value", op.value);
    w.field("invoke", static_cast<std::int64_t>(op.invoke));
    if (answered) w.field("response", static_cast<std::int64_t>(op.response));
    w.endObject();
  }
  w.endArray();
  w.endObject();
  return w.take() + "\n";
}

}  // namespace pillars
