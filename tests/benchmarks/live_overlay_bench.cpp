// pillars-live-overlay-bench: what drawing a busy live run costs per frame, offscreen.
//
// Generates a 200-component system (10 clients -> 10 load balancers -> 150 services -> 30
// databases, 310 links of 200 ms latency each way), whose clients issue ~4,500 requests/s in
// all: with three 200 ms hops each way about 5,400 messages are on the wire at once. It plays
// the run live (recorder attached, top speed) one 1/60 s slice of simulated time per frame,
// and for each of ~200 frames measures:
//   * advance: LiveRun's frame (engine events, recorder) + LiveOverlay::refresh, the slot on
//     advanced() — thread CPU time, as the wait for LiveRun's frame timer is idle time;
//   * overlay: LiveOverlay::refresh alone (wall), timed between slots connected before and
//     after the overlay's own;
//   * render: QGraphicsView::render of the whole diagram into a 1400x900 QImage (wall);
//   * frame: advance + render.
// Prints median and p95 of each, with the overlay's dot count and sample step.
//
// Usage: pillars-live-overlay-bench [--frames N] [--cap N]
// Not a test: nothing is asserted, and ctest never runs it.
#include <QApplication>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "engine/io/scenario_writer.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/sim/network.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_overlay.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {
namespace {

using Clock = std::chrono::steady_clock;

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double msBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

std::string numbered(const char* prefix, int n) { return std::string(prefix) + std::to_string(n); }

/// 10 clients, 10 balancers, 150 services, 30 databases, laid out in four columns.
Scenario generate() {
  ScenarioBuilder b("Live overlay benchmark: 200 components, 200 ms links");
  const char* latency = "200ms";
  for (int i = 0; i < 10; ++i) {
    b.component(numbered("client", i), "client", {{"rate", "450"}, {"timeout", "10s"}, {"retries", "0"}});
    b.component(numbered("lb", i), "load_balancer", {{"policy", "round_robin"}});
    b.link(numbered("client", i), numbered("lb", i), {{"latency", latency}});
  }
  for (int i = 0; i < 30; ++i) {
    b.component(numbered("db", i), "service",
                {{"workers", "32"}, {"service_time", "lognormal(2ms, 0.5)"}, {"queue_capacity", "1000"}});
  }
  for (int i = 0; i < 150; ++i) {
    const std::string svc = numbered("svc", i);
    b.component(svc, "service",
                // A worker waits out its 400 ms database round trip, so each service needs about
                // 45 req/s x 0.4 s = 18 workers busy; 64 leave room, and nothing queues.
                {{"workers", "64"}, {"service_time", "lognormal(4ms, 0.5)"}, {"queue_capacity", "500"}});
    b.link(numbered("lb", i / 15), svc, {{"latency", latency}});
    b.link(svc, numbered("db", i / 5), {{"latency", latency}});
  }
  b.duration(600 * kSecond);
  Scenario s = b.build();
  // Columns by tier, rows spread so the diagram is about 4 x 3 screens of cards.
  for (ComponentSpec& c : s.components) {
    const int n = std::atoi(c.id.c_str() + c.id.find_first_of("0123456789"));
    double x = 0, y = 0;
    if (c.id.starts_with("client")) { x = 0; y = n * 1500.0 / 10; }
    if (c.id.starts_with("lb")) { x = 500; y = n * 1500.0 / 10; }
    if (c.id.starts_with("svc")) { x = 1000 + (n % 3) * 260.0; y = (n / 3) * 1500.0 / 50; }
    if (c.id.starts_with("db")) { x = 2000; y = n * 1500.0 / 30; }
    c.position = std::make_pair(x, y * 2);
  }
  return s;
}

struct Stats {
  double median;
  double p95;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return {0, 0};
  const auto at = [&](double q) { return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))]; };
  return {at(0.5), at(0.95)};
}

int run(int frames, int cap) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bench.json"));
  {
    std::ofstream out(path.toStdString());
    out << writeScenarioJson(generate());
  }
  TopologyDocument document;
  QStringList errors;
  if (!document.load(path, &errors)) {
    std::fprintf(stderr, "cannot load: %s\n", errors.join(QStringLiteral("\n")).toStdString().c_str());
    return 1;
  }
  TopologyScene scene(document);
  QGraphicsView view(&scene);
  view.resize(1400, 900);
  view.setRenderHint(QPainter::Antialiasing);
  view.fitInView(scene.itemsBoundingRect(), Qt::KeepAspectRatio);

  LiveRun live;
  QString error;
  if (!live.load(document.scenario(), &error)) {
    std::fprintf(stderr, "engine refused: %s\n", error.toStdString().c_str());
    return 1;
  }
  // Timestamps around the overlay's slot: connected before and after it, so called around it.
  Clock::time_point beforeOverlay, afterOverlay;
  QObject::connect(&live, &LiveRun::advanced, [&] { beforeOverlay = Clock::now(); });
  LiveOverlay overlay(scene, live);
  overlay.setMessageCap(cap);
  QObject::connect(&live, &LiveRun::advanced, [&] { afterOverlay = Clock::now(); });

  live.setSpeed(LiveRun::kMaxSpeed);
  // Warm up to a steady state (links full of messages) flat out, then play frame by frame.
  live.setAsFastAsPossible(true);
  live.runUntil(5 * kSecond);
  if (!QTest::qWaitFor([&] { return !live.isPlaying(); }, 120'000)) return 1;
  live.setAsFastAsPossible(false);
  const SimTime frame = kSecond / 60;
  // A second of recorded play first, so the recorder's flights reach the steady state.
  live.runUntil(live.now() + kSecond);
  if (!QTest::qWaitFor([&] { return !live.isPlaying(); }, 120'000)) return 1;

  QImage image(1400, 900, QImage::Format_ARGB32_Premultiplied);
  std::vector<double> advance, overlayMs, render, total;
  long long dotsSum = 0, flyingSum = 0, wireSum = 0;
  int step = 1;
  for (int i = 0; i < frames; ++i) {
    const double cpu0 = threadCpuMs();
    live.runUntil(live.now() + frame);
    if (!QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000)) return 1;
    const double adv = threadCpuMs() - cpu0;
    const Clock::time_point r0 = Clock::now();
    image.fill(Qt::white);
    {
      QPainter p(&image);
      p.setRenderHint(QPainter::Antialiasing);
      view.render(&p);
    }
    const double rend = msBetween(r0, Clock::now());
    advance.push_back(adv);
    overlayMs.push_back(msBetween(beforeOverlay, afterOverlay));
    render.push_back(rend);
    total.push_back(adv + rend);
    dotsSum += overlay.drawnMessages();
    flyingSum += overlay.flyingMessages();
    wireSum += static_cast<long long>(live.runner()->simulation().network().messagesInFlight());
    step = std::max(step, overlay.sampleStep());
  }
  const auto print = [](const char* name, const std::vector<double>& v) {
    const Stats s = stats(v);
    std::printf("  %-46s median %7.2f ms   p95 %7.2f ms\n", name, s.median, s.p95);
  };
  std::printf("pillars-live-overlay-bench: %zu components, %zu links, %d frames of 1/60 s, cap %d\n",
              document.scenario().components.size(), document.scenario().links.size(), frames, cap);
  std::printf("  messages in flight: mean %lld (engine: %lld); dots drawn: mean %lld; sample 1 in %d (max)\n",
              flyingSum / std::max(1, frames), wireSum / std::max(1, frames), dotsSum / std::max(1, frames), step);
  print("advance (engine + recorder + overlay, CPU)", advance);
  print("  of which overlay refresh (wall)", overlayMs);
  print("render 1400x900 (wall)", render);
  print("frame = advance + render", total);
  return 0;
}

}  // namespace
}  // namespace pillars

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  int frames = 200;
  int cap = pillars::LiveOverlay::kDefaultMessageCap;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--frames") frames = std::atoi(argv[i + 1]);
    else if (arg == "--cap") cap = std::atoi(argv[i + 1]);
  }
  return pillars::run(frames, cap);
}
