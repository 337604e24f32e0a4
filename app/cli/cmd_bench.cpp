#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "app/cli/bench_workloads.hpp"
#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/text_table.hpp"
#include "app/cli/value_checks.hpp"
#include "engine/io/json_writer.hpp"
#include "engine/layout/graphviz_layout.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/util/atomic_file.hpp"

namespace pillars::cli {

namespace {

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

/// Resident memory now, in bytes (from /proc; the peak cannot show a difference).
double currentRssBytes() {
  std::ifstream statm("/proc/self/statm");
  long long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

struct BenchRun {
  std::string name;
  std::string description;
  std::uint64_t requests = 0;
  std::uint64_t events = 0;
  double modelEvents = 0;
  double wallS = 0;  // median of repeats
  std::uint64_t fingerprint = 0;
};

BenchRun runWorkload(const BenchWorkload& w, int repeats) {
  BenchRun b{w.name, w.description, 0, 0, 0, 0, 0};
  std::vector<double> walls;
  for (int i = 0; i < repeats; ++i) {
    ScenarioRunner runner(w.scenario, builtinRegistry());
    runner.run();
    const RunResults r = runner.results();
    walls.push_back(r.wallS);
    b.requests = r.completed;
    b.events = r.events;
    b.fingerprint = r.fingerprint;
  }
  std::sort(walls.begin(), walls.end());
  b.wallS = walls[walls.size() / 2];
  b.modelEvents = static_cast<double>(b.requests) * w.modelEventsPerRequest;
  return b;
}

struct MemoryRun {
  double inFlight = 0;
  double bytesPerRequest = 0;
};

MemoryRun measureBacklog(long long requests) {
  const Scenario s = backlogScenario(requests);
  const double before = currentRssBytes();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const double after = currentRssBytes();
  // Requests issued but not answered are exactly the ones in flight.
  const RunResults r = runner.results();
  double inFlight = 0;
  for (const auto& c : r.components) {
    for (const auto& [name, value] : c.extras) {
      if (kindTraits(c.kind).measuresEndToEnd && name == "in_flight") inFlight = value;
    }
  }
  return MemoryRun{inFlight, inFlight > 0 ? (after - before) / inFlight : 0};
}

/// Heap bytes in use now (glibc's own count: freed memory reused later cannot hide growth).
double heapBytesInUse() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks) + static_cast<double>(info.hblkhd);
}

struct WideRun {
  int services = 0;
  std::uint64_t events = 0;
  double wallS = 0;       // median of repeats
  double heapMb = 0;      // heap held by the built and finished simulation
  double eventsPerSecond() const { return wallS > 0 ? static_cast<double>(events) / wallS : 0; }
};

WideRun measureWide(int services, int repeats) {
  WideRun w;
  w.services = services;
  const Scenario s = wideScenario(services);
  std::vector<double> walls;
  for (int i = 0; i < repeats; ++i) {
    const double before = heapBytesInUse();
    ScenarioRunner runner(s, builtinRegistry());
    runner.run();
    w.heapMb = (heapBytesInUse() - before) / 1e6;
    walls.push_back(runner.wallSeconds());
    w.events = runner.simulation().eventCount();
  }
  std::sort(walls.begin(), walls.end());
  w.wallS = walls[walls.size() / 2];
  return w;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

}  // namespace

int runBench(const std::vector<std::string>& args) {
  const std::vector<std::string> names = benchWorkloadNames();
  CommandLine cl("bench",
                 "Runs fixed benchmark workloads and reports engine speed: kernel events per\n"
                 "second, model events per second (one arrival + one departure per request, as\n"
                 "queueing simulators count them), nanoseconds per event and peak memory. Also\n"
                 "measures memory per request in flight on an overloaded queue.\n"
                 "Also times Graphviz layouts of a 1,000-component topology, and a wide design\n"
                 "(1,000 and 10,000 services behind one balancer: speed and memory).\n"
                 "Workloads: " +
                     join(names, ", ") + ".");
  int repeats = 3;
  std::optional<std::string> only;
  std::optional<std::string> jsonOut;
  cl.option("--repeat", repeats, "N",
            "Runs per workload; the median wall time is reported (default " +
                std::to_string(repeats) + ")")
      ->check(wholeNumber(1, 100));
  cl.option("--only", only, join(names, "|"), "Run just one workload")
      ->check([&names](const std::string& name) -> std::string {
        if (std::find(names.begin(), names.end(), name) != names.end()) return {};
        return "no workload named \"" + name + "\" (" + join(names, ", ") + ")";
      });
  cl.option("--json", jsonOut, "OUT",
            "Also write the figures as JSON to OUT ('-' for standard output)");
  if (const auto done = cl.parse(args)) return *done;
  const auto workloads = benchWorkloads();

  const bool quietTable = jsonOut == std::optional<std::string>("-");
  // Memory first, on a fresh heap, so memory freed by other workloads cannot hide growth.
  std::optional<MemoryRun> memory;
  if (!only || *only == "memory") memory = measureBacklog(1'000'000);
  // Layout of a 1,000-component topology with the engines the editor offers by default.
  std::vector<std::pair<std::string, double>> layouts;
  if (!only || *only == "layout") {
    const Scenario large = largeTopology(920);
    for (const LayoutEngine engine : {LayoutEngine::Sfdp, LayoutEngine::Dot}) {
      const auto t0 = std::chrono::steady_clock::now();
      std::string layoutError;
      const bool ok = layoutScenario(large, engine, &layoutError).has_value();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      layouts.emplace_back(std::string(layoutEngineName(engine)), ok ? seconds : -1.0);
    }
  }
  std::vector<WideRun> wide;
  if (!only || *only == "wide") {
    for (const int n : {1000, 10000}) {
      if (!quietTable) std::fprintf(stderr, "running wide with %d services (%d run%s)...\n", n, repeats, repeats == 1 ? "" : "s");
      wide.push_back(measureWide(n, repeats));
    }
  }
  std::vector<BenchRun> runs;
  for (const auto& w : workloads) {
    if (only && *only != w.name) continue;
    if (!quietTable) {
      std::fprintf(stderr, "running %s (%d run%s)...\n", w.name.c_str(), repeats, repeats == 1 ? "" : "s");
    }
    runs.push_back(runWorkload(w, repeats));
  }

  JsonWriter json(2);
  json.beginObject();
  json.key("workloads");
  json.beginArray();
  TextTable table({"workload", "requests", "kernel events", "wall s", "M events/s", "ns/event",
                   "M model events/s"});
  for (const BenchRun& b : runs) {
    const double eps = static_cast<double>(b.events) / b.wallS;
    const double modelEps = b.modelEvents / b.wallS;
    table.addRow({b.name, groupedInteger(b.requests), groupedInteger(b.events), fixed(b.wallS, 3),
                  fixed(eps / 1e6, 2), fixed(1e9 / eps, 1), fixed(modelEps / 1e6, 2)});
    json.beginObject();
    json.field("name", b.name);
    json.field("description", b.description);
    json.field("requests", b.requests);
    json.field("kernel_events", b.events);
    json.field("model_events", b.modelEvents);
    json.field("wall_s", b.wallS);
    json.field("events_per_s", eps);
    json.field("ns_per_event", 1e9 / eps);
    json.field("model_events_per_s", modelEps);
    json.endObject();
  }
  json.endArray();
  if (memory) {
    json.key("memory");
    json.beginObject();
    json.field("requests_in_flight", memory->inFlight);
    json.field("bytes_per_request_in_flight", memory->bytesPerRequest);
    json.endObject();
  }
  if (!wide.empty()) {
    json.key("wide");
    json.beginArray();
    for (const WideRun& w : wide) {
      json.beginObject();
      json.field("services", static_cast<std::int64_t>(w.services));
      json.field("kernel_events", w.events);
      json.field("wall_s", w.wallS);
      json.field("events_per_s", w.eventsPerSecond());
      json.field("heap_mb", w.heapMb);
      json.endObject();
    }
    json.endArray();
  }
  json.field("peak_rss_mb", peakRssMb());
  json.endObject();

  if (!quietTable) {
    if (!runs.empty()) std::fputs(table.render().c_str(), stdout);
    if (memory) {
      std::printf("\nmemory: %s requests in flight cost %.0f bytes each\n",
                  groupedInteger(static_cast<unsigned long long>(memory->inFlight)).c_str(),
                  memory->bytesPerRequest);
    }
    for (const WideRun& w : wide) {
      std::printf("wide: %s services behind one balancer: %s kernel events, %.2f M events/s, %.1f MB of heap (%.1f KB per service)\n",
                  groupedInteger(static_cast<unsigned long long>(w.services)).c_str(),
                  groupedInteger(w.events).c_str(), w.eventsPerSecond() / 1e6, w.heapMb,
                  w.heapMb * 1e3 / w.services);
    }
    if (wide.size() == 2 && wide[1].eventsPerSecond() > 0) {
      std::printf("wide: events/s at 1,000 services over events/s at 10,000: %.2f\n",
                  wide[0].eventsPerSecond() / wide[1].eventsPerSecond());
    }
    for (const auto& [engine, seconds] : layouts) {
      std::printf("layout of 1,000 components with %s: %.2f s\n", engine.c_str(), seconds);
    }
    std::printf("peak memory: %.1f MB\n", peakRssMb());
  }
  if (jsonOut) {
    std::string text = json.take() + "\n";
    std::string error;
    if (*jsonOut == "-") {
      std::fputs(text.c_str(), stdout);
    } else if (!writeFileAtomically(*jsonOut, text, &error)) {
      std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
      return kExitFailed;
    }
  }
  return kExitOk;
}

}  // namespace pillars::cli
