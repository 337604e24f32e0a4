#include "engine/run/trace_writer.hpp"

#include <cstdio>

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

/// Seconds with nanosecond precision, exactly as simulated.
std::string seconds(SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%09lld", static_cast<long long>(t / kSecond),
                static_cast<long long>(t % kSecond));
  return buf;
}

}  // namespace

std::string_view dropReasonName(DropReason reason) {
  switch (reason) {
    case DropReason::Loss: return "loss";
    case DropReason::LinkDown: return "link_down";
    case DropReason::TargetDown: return "target_down";
  }
  return "unknown";
}

TraceWriter::TraceWriter(const Simulation& sim, std::ostream& out) : m_sim(sim), m_out(out) {
  m_out << "time_s,event,kind,from,to,link,request,detail\n";
}

void TraceWriter::message(SimTime at, const char* event, const Message& msg, LinkId link,
                          const char* detail) {
  m_out << seconds(at) << ',' << event << ',' << messageKindName(msg.kind) << ','
        << m_sim.component(msg.src).name() << ',' << m_sim.component(msg.dst).name() << ','
        << m_sim.network().link(link).name << ',' << msg.requestId << ',' << detail << '\n';
  ++m_lines;
}

void TraceWriter::onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) {
  message(sentAt, "send", msg, link, seconds(arrivesAt).c_str());
}

void TraceWriter::onDeliver(const Message& msg, LinkId link, SimTime at) {
  message(at, "deliver", msg, link, "");
}

void TraceWriter::onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) {
  message(at, "drop", msg, link, std::string(dropReasonName(reason)).c_str());
}

void TraceWriter::onComponentState(ComponentId id, ComponentState state, SimTime at) {
  m_out << seconds(at) << ',' << (state == ComponentState::Down ? "crash" : "restart") << ",,"
        << m_sim.component(id).name() << ",,,,\n";
  ++m_lines;
}

void TraceWriter::onLinkState(LinkId link, bool up, SimTime at) {
  m_out << seconds(at) << ',' << (up ? "heal" : "cut") << ",,,," << m_sim.network().link(link).name
        << ",,\n";
  ++m_lines;
}

void TraceWriter::onSlowdown(ComponentId id, double factor, SimTime at) {
  // The component goes where crash and restart put it.
  m_out << seconds(at) << ",slow,," << m_sim.component(id).name() << ",,,," << formatNumber(factor)
        << '\n';
  ++m_lines;
}

void TraceWriter::onLinkExtraLatency(LinkId link, SimTime extraLatency, SimTime at) {
  m_out << seconds(at) << ",delay,,,," << m_sim.network().link(link).name << ",,"
        << seconds(extraLatency) << '\n';
  ++m_lines;
}

void TraceWriter::onLinkLossProbability(LinkId link, double probability, SimTime at) {
  m_out << seconds(at) << ",loss,,,," << m_sim.network().link(link).name << ",,"
        << formatNumber(probability) << '\n';
  ++m_lines;
}

void TraceWriter::component(SimTime at, const char* event, ComponentId id) {
  const Component& c = m_sim.component(id);
  m_out << seconds(at) << ',' << event << ',' << c.kind() << ',' << c.name() << ",,,,\n";
  ++m_lines;
}

void TraceWriter::link(SimTime at, const char* event, LinkId id) {
  const Link& l = m_sim.network().link(id);
  m_out << seconds(at) << ',' << event << ",," << m_sim.component(l.from).name() << ','
        << m_sim.component(l.to).name() << ',' << l.name << ",,\n";
  ++m_lines;
}

void TraceWriter::onComponentAdded(ComponentId id, SimTime at) { component(at, "add", id); }
void TraceWriter::onComponentRemoved(ComponentId id, SimTime at) { component(at, "remove", id); }
void TraceWriter::onLinkAdded(LinkId id, SimTime at) { link(at, "connect", id); }
void TraceWriter::onLinkRemoved(LinkId id, SimTime at) { link(at, "disconnect", id); }

}  // namespace pillars
