#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/progress_line.hpp"
#include "app/cli/scenario_input.hpp"
#include "app/cli/text_table.hpp"
#include "app/cli/value_checks.hpp"
#include "engine/io/project_file.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/overrides.hpp"
#include "engine/pillars/truth/saga_orchestrator.hpp"
#include "engine/review/report_operations.hpp"
#include "engine/run/history_check.hpp"
#include "engine/run/history_recorder.hpp"
#include "engine/run/intelligence_findings.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/request_trace.hpp"
#include "engine/run/trace_writer.hpp"
#include "engine/util/atomic_file.hpp"
#include "engine/util/atomic_output_file.hpp"
#include "engine/util/units.hpp"

namespace pillars::cli {

namespace {

std::string latencyCell(double ms, std::uint64_t count) { return count ? fixed(ms, 2) : "-"; }

/// The control decisions of each component that took any (an autoscaler's scalings).
void printDecisions(const RunResults& r) {
  for (const ComponentResult& c : r.components) {
    if (c.decisions.empty()) continue;
    std::printf("\nDecisions of %s (%s)\n", c.id.c_str(), c.kind.c_str());
    for (const ComponentResult::Decision& d : c.decisions) {
      const bool whole = d.atS == static_cast<double>(static_cast<long long>(d.atS));
      std::printf("  %9s  %s\n", (fixed(d.atS, whole ? 0 : 3) + " s").c_str(), d.summary.c_str());
    }
  }
}

/// One of the review report's operations tables (alerts, self-healing), as text: its title, the
/// table and the sentence that sums it up.
void printOperationsTable(const review::ReportTable& t) {
  std::printf("\n%s\n", t.title.c_str());
  TextTable table(t.headers);
  for (const std::vector<std::string>& row : t.rows) table.addRow(row);
  std::fputs(table.render().c_str(), stdout);
  std::printf("  %s\n", t.intro.c_str());
}

/// The alerts raised and the self-healing report (failures repaired by restarts and
/// failovers), every row of each.
void printOperations(const RunResults& r) {
  if (!r.alerts.empty()) printOperationsTable(review::alertsTable(r, r.alerts.size()));
  if (!r.selfHealing.empty()) printOperationsTable(review::selfHealingTable(r));
}

/// Each chaos experiment's verdict: whether its steady-state hypothesis held while it attacked.
void printExperiments(const RunResults& r) {
  for (const ExperimentResult& e : r.experiments) {
    std::string verdict = e.verdict;
    for (char& ch : verdict) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const double attacks = figureNamed(e.figures, "attacks"), kills = figureNamed(e.figures, "kills");
    const double zoneOutages = figureNamed(e.figures, "zone_outages");
    std::printf("\nChaos experiment %s: %s\n  steady state: %s\n  %s\n  %.0f attack%s (%.0f kill%s", e.component.c_str(),
                verdict.c_str(), e.hypothesis.c_str(), e.detail.c_str(), attacks, attacks == 1 ? "" : "s", kills,
                kills == 1 ? "" : "s");
    if (zoneOutages > 0) std::printf(", %.0f zone outage%s", zoneOutages, zoneOutages == 1 ? "" : "s");
    std::printf(")");
    if (e.startedAtS >= 0) std::printf(", from %s s", fixed(e.startedAtS, 1).c_str());
    if (e.endedAtS >= 0) std::printf(" to %s s", fixed(e.endedAtS, 1).c_str());
    std::printf("\n");
  }
}

void printSummary(const Scenario& s, const RunResults& r) {
  std::printf("%s  seed %llu  simulated %s", s.name.empty() ? "scenario" : s.name.c_str(),
              static_cast<unsigned long long>(r.seed),
              formatDuration(secondsToSimTime(r.simTimeS)).c_str());
  if (r.measuredS < r.simTimeS) {
    std::printf(" (measured the last %s, after warm-up)",
                formatDuration(secondsToSimTime(r.measuredS)).c_str());
  }
  std::printf("\nengine: %s events in %.3f s wall (%.2f M events/s)  fingerprint %s\n\n",
              groupedInteger(r.events).c_str(), r.wallS, r.eventsPerSecond() / 1e6,
              fingerprintHex(r.fingerprint).c_str());

  std::printf("End to end, as the clients saw it\n");
  TextTable global({"completed", "failed", "timed out", "dropped", "retries", "throughput"});
  global.addRow({groupedInteger(r.completed), groupedInteger(r.failed), groupedInteger(r.timedOut),
                 groupedInteger(r.dropped), groupedInteger(r.retries),
                 fixed(r.throughputRps, 2) + " req/s"});
  std::fputs(global.render().c_str(), stdout);
  // Retries and abandoned work: what the offered load became (the Control pillar's view).
  // Shown only when attempts outnumbered requests or work was wasted, to keep plain runs short.
  if (r.offeredRps > 0 && (r.attemptsRps > r.offeredRps * 1.0001 || r.wastedWorkS > 0)) {
    TextTable load({"offered", "attempts", "attempts/request", "goodput", "wasted work"});
    load.addRow({fixed(r.offeredRps, 2) + " req/s", fixed(r.attemptsRps, 2) + " /s",
                 fixed(r.attemptsRps / r.offeredRps, 2), fixed(r.goodputRps, 2) + " req/s",
                 fixed(r.wastedWorkS, 1) + " s"});
    std::fputs(load.render().c_str(), stdout);
  }
  if (r.costTotal > 0) {
    std::printf("cost: %s in all, %s per hour (instance_cost_per_hour over the time each instance ran)\n",
                fixed(r.costTotal, 2).c_str(), fixed(r.costPerHour, 2).c_str());
  }
  TextTable latency({"latency ms", "mean", "p50", "p90", "p95", "p99", "p99.9", "max"});
  const LatencySummary& l = r.latency;
  latency.addRow({"", latencyCell(l.mean, l.count), latencyCell(l.p50, l.count),
                  latencyCell(l.p90, l.count), latencyCell(l.p95, l.count),
                  latencyCell(l.p99, l.count), latencyCell(l.p999, l.count),
                  latencyCell(l.max, l.count)});
  std::fputs(latency.render().c_str(), stdout);

  std::printf("\nComponents\n");
  TextTable table({"id", "kind", "state", "completed", "dropped", "failed", "timed out", "req/s",
                   "util", "queue", "wait ms", "p50 ms", "p99 ms"});
  for (const ComponentResult& c : r.components) {
    const ComponentKind& kind = kindTraits(c.kind);
    const bool queues = kind.hasQueue;
    table.addRow({c.id, c.kind, c.removed ? "removed" : c.up ? "up" : "DOWN", groupedInteger(c.completed),
                  groupedInteger(c.dropped), groupedInteger(c.failed), groupedInteger(c.timedOut),
                  fixed(c.throughputRps, 1), kind.hasWorkers ? fixed(c.utilization, 3) : "-",
                  queues ? fixed(c.queueLengthMean, 2) : "-",
                  queues ? fixed(c.waitMeanMs, 2) : "-", latencyCell(c.latency.p50, c.latency.count),
                  latencyCell(c.latency.p99, c.latency.count)});
  }
  std::fputs(table.render().c_str(), stdout);
  printDecisions(r);
  printOperations(r);
  printExperiments(r);
  if (r.messagesDropped > 0) {
    std::printf("\nNetwork: %s messages sent, %s dropped (loss, cut links, crashed receivers)\n",
                groupedInteger(r.messagesSent).c_str(), groupedInteger(r.messagesDropped).c_str());
  }
}

/// Prints the recent sagas of every saga orchestrator (kept in its ring, see
/// SagaOrchestrator::history), after the run.
void printSagaHistories(Simulation& sim) {
  std::printf("\nSaga history (most recent sagas of each orchestrator, times in simulated seconds)\n");
  bool any = false;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const auto* saga = dynamic_cast<const SagaOrchestrator*>(&sim.component(static_cast<ComponentId>(i)));
    if (!saga) continue;
    any = true;
    std::fputs(formatSagaHistory(saga->name(), saga->stepNames(), saga->history()).c_str(), stdout);
  }
  if (!any) std::printf("(no saga_orchestrator in this scenario)\n");
}

bool writeCsv(const std::string& dir, const ScenarioRunner& runner, const RunResults& r) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "pillars-cli: cannot create the folder %s: %s\n", dir.c_str(),
                 ec.message().c_str());
    return false;
  }
  std::ostringstream series;
  if (const TimeSeries* ts = runner.timeSeries()) ts->writeCsv(series);
  std::ostringstream components;
  writeComponentsCsv(r, components);
  std::string error;
  if (!writeFileAtomically(dir + "/timeseries.csv", series.str(), &error) ||
      !writeFileAtomically(dir + "/components.csv", components.str(), &error)) {
    std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
    return false;
  }
  return true;
}

/// Prints the verdict on the recorded client history and returns it. A failed check's explanation is cut short: the
/// longest order found can run to hundreds of operations, and --history-out keeps them all.
lin::Verdict reportLinearizability(const HistoryRecorder& recorder) {
  const RecordedHistoryCheck check = checkRecordedHistory(recorder);
  if (!check.load.ok()) {
    // The recorder writes what the reader reads; this would be a bug in Pillars itself.
    for (const Diagnostic& d : check.load.errors) std::fprintf(stderr, "%s\n", d.format().c_str());
    return lin::Verdict::TooLarge;
  }
  const std::string text = explainCheck(check.load, check.result);
  std::printf("\nClient history: ");
  std::size_t lines = 0;
  std::size_t pos = 0;
  constexpr std::size_t kMaxLines = 20;
  while (pos < text.size() && lines < kMaxLines) {
    const std::size_t end = text.find('\n', pos);
    const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
    std::fwrite(text.data() + pos, 1, stop - pos, stdout);
    pos = stop;
    ++lines;
  }
  if (pos < text.size()) std::printf("    ... (cut short; --history-out FILE keeps the whole history)\n");
  if (recorder.unrecorded() > 0) {
    std::printf("  (recorded the first %zu operations; %llu later ones were not recorded)\n",
                recorder.ops().size(), static_cast<unsigned long long>(recorder.unrecorded()));
  }
  return check.result.verdict;
}

}  // namespace

int runSimulate(const std::vector<std::string>& args) {
  CommandLine cl("simulate",
                 "Runs a scenario and prints a summary of what the clients saw and what every\n"
                 "component did. The same scenario and seed always give the same results and\n"
                 "the same event-trace fingerprint.\n"
                 "\n"
                 "Examples:\n"
                 "  pillars-cli simulate resources/examples/three-tier.json\n"
                 "  pillars-cli simulate mmc.json --seed 7 --until 10m --json out.json\n"
                 "  pillars-cli simulate three-tier.json --set lb.policy=least_connections \\\n"
                 "      --set web1.workers=16 --csv results/");
  std::string path;
  std::optional<std::uint64_t> seed;
  std::optional<SimTime> until;
  std::vector<std::string> assignments;
  std::optional<std::string> jsonOut;
  std::optional<std::string> csvDir;
  std::optional<std::string> tracePath;
  std::optional<std::string> historyOut;
  std::optional<std::string> tracedRequest;
  bool quiet = false;
  bool sagaHistory = false;
  bool checkHistory = false;
  bool saveRun = false;
  cl.positional("FILE", path, "Scenario file (JSON) or project (.pillars)")->required();
  // Scenario files hold seeds as JSON integers, exact up to 2^63 - 1; the CLI accepts the same.
  cl.option("--seed", seed, "N", "Master random seed (default: the scenario's)")
      ->check(wholeNumber(0, 9223372036854775807ull));
  cl.option("--until", until, "DURATION",
            "Simulated time to run, e.g. 500ms, 90s, 10m (default: the scenario's)")
      ->transform(positiveDuration());
  cl.repeatable("--set", assignments, "ID.PARAM=VALUE",
                "Override a component or link parameter (repeatable)");
  cl.option("--json", jsonOut, "OUT",
            "Write full results as JSON to OUT ('-' for standard output)");
  cl.option("--csv", csvDir, "DIR", "Write timeseries.csv and components.csv into DIR");
  cl.option("--trace", tracePath, "FILE",
            "Write every message send, delivery and drop and every fault as CSV");
  cl.option("--trace-request", tracedRequest, "ID",
            "After the summary, print the span tree of one request (e.g. users#42: the 42nd "
            "request of client users): each call, network leg, queueing and work, retries included");
  cl.flag("--history", sagaHistory,
          "After the summary, print the recent sagas of each saga_orchestrator");
  cl.flag("--save-run", saveRun,
          "Store the finished run (summary and time series) in the project FILE (.pillars), as the "
          "app does");
  cl.flag("--check-linearizability", checkHistory,
          "Record what the clients saw (first 2000 reads and writes) and check it is linearizable; "
          "exit 1 if not");
  cl.option("--history-out", historyOut, "FILE",
            "Write the recorded client history (docs/history-format.md) to FILE");
  cl.flag("--quiet", quiet, "Do not print the summary table");
  if (const auto done = cl.parse(args)) return *done;

  std::string error;
  if (saveRun && !isProjectPath(path)) {
    return cl.usageError("--save-run stores the run in a project; " + path +
                         " is not a .pillars file");
  }
  auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  if (until && *until <= scenario->warmup) {
    return cl.usageError("--until " + formatDuration(*until) +
                         " ends within the scenario's warm-up (" +
                         formatDuration(scenario->warmup) +
                         "), so nothing would be measured; run for longer than the warm-up");
  }
  for (const std::string& assignment : assignments) {
    const std::string problem = applyOverride(*scenario, assignment);
    if (!problem.empty()) {
      std::fprintf(stderr, "pillars-cli simulate: --set %s: %s\n", assignment.c_str(), problem.c_str());
      return kExitFailed;
    }
  }
  // Each value may be fine on its own and the design not: a rule across parameters, or a
  // fault the changed component can no longer take.
  if (!assignments.empty()) {
    if (const std::vector<Diagnostic> problems = checkScenario(*scenario, builtinRegistry()); !problems.empty()) {
      for (const Diagnostic& d : problems) {
        std::fprintf(stderr, "pillars-cli simulate: after --set: %s: %s\n", d.path.c_str(), d.message.c_str());
      }
      return kExitFailed;
    }
  }

  ScenarioRunner runner(*scenario, builtinRegistry(), seed.value_or(scenario->seed),
                        until.value_or(scenario->duration));
  // The trace streams to a temporary file beside the target and replaces it only when the
  // run is complete, so a failed or interrupted run never leaves half a trace behind.
  std::unique_ptr<AtomicOutputFile> traceFile;
  std::unique_ptr<TraceWriter> trace;
  if (tracePath) {
    traceFile = std::make_unique<AtomicOutputFile>(*tracePath);
    if (!traceFile->open(&error)) {
      std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
      return kExitFailed;
    }
    trace = std::make_unique<TraceWriter>(runner.simulation(), traceFile->stream());
    runner.simulation().addObserver(trace.get());
  }
  // The request to trace is named by its client, which the built simulation knows.
  std::unique_ptr<RequestTracer> tracer;
  std::uint64_t tracedId = 0;
  if (tracedRequest) {
    const std::vector<std::string> names = runner.simulation().componentNames();
    const auto id = parseRequestId(*tracedRequest, names);
    if (!id) {
      return cl.usageError("--trace-request " + *tracedRequest +
                           ": expected CLIENT#N (a client of the design and a request number from 1, "
                           "as the app's event log shows them) or a request id number");
    }
    tracedId = *id;
    tracer = std::make_unique<RequestTracer>(RequestTracer::following(tracedId));
    runner.simulation().addObserver(tracer.get());
  }
  std::unique_ptr<HistoryRecorder> recorder;
  if (checkHistory || historyOut) {
    recorder = std::make_unique<HistoryRecorder>(runner.simulation(), 2000);
    runner.simulation().addObserver(recorder.get());
  }
  {
    ProgressLine progress;
    runner.run([&](SimTime reached, SimTime end) {
      progress.update(reached, end, runner.simulation().eventCount());
      return true;
    });
  }
  const RunResults results = runner.results();
  if (traceFile && !traceFile->commit(&error)) {
    std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
    return kExitFailed;
  }

  const bool jsonToStdout = jsonOut && *jsonOut == "-";
  if (!quiet && !jsonToStdout) printSummary(*scenario, results);
  if (sagaHistory && !jsonToStdout) printSagaHistories(runner.simulation());
  if (tracer) {
    const std::vector<std::string> names = runner.simulation().componentNames();
    const std::vector<RequestTracer::Event> events = tracer->eventsOf(tracedId);
    if (events.empty()) {
      std::fprintf(stderr, "pillars-cli simulate: --trace-request %s: the run (%s) never issued that request\n",
                   tracedRequest->c_str(), formatDuration(until.value_or(scenario->duration)).c_str());
      return kExitFailed;
    }
    const std::string text = formatRequestTrace(buildRequestTrace(tracedId, events), names);
    std::fputs(("\n" + text).c_str(), jsonToStdout ? stderr : stdout);
  }
  if (jsonOut) {
    const std::string json = writeResultsJson(results, scenario->name);
    if (jsonToStdout) {
      std::fputs(json.c_str(), stdout);
    } else if (!writeFileAtomically(*jsonOut, json, &error)) {
      std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
      return kExitFailed;
    }
  }
  if (csvDir) {
    if (!writeCsv(*csvDir, runner, results)) return kExitFailed;
  }
  if (saveRun) {
    Scenario ran = *scenario;
    ran.seed = seed.value_or(scenario->seed);
    ran.duration = until.value_or(scenario->duration);
    // Only the run is replaced: the project's design, and whatever else it holds, stay as they are.
    error = replaceStoredRun(path, storeRun(ran, runner, results));
    if (!error.empty()) {
      std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
      return kExitFailed;
    }
  }
  if (historyOut && !writeFileAtomically(*historyOut, recorder->toJson(), &error)) {
    std::fprintf(stderr, "pillars-cli: %s\n", error.c_str());
    return kExitFailed;
  }
  lin::Verdict verdict = lin::Verdict::Linearizable;
  if (checkHistory) {
    // With the JSON results on standard output, only the exit status tells the verdict.
    verdict = jsonToStdout ? checkRecordedHistory(*recorder).result.verdict
                           : reportLinearizability(*recorder);
  }
  // A safety checker found a broken invariant and halted the run: the results above cover
  // the run up to that point, and the exit status says the system under study is unsafe.
  if (!results.violations.empty()) {
    for (const ViolationResult& v : results.violations) {
      // "term 3, index 17": the facts the finder attached, in its order.
      std::string where;
      for (const auto& [name, value] : v.fields) where += ", " + name + " " + std::to_string(value);
      std::fprintf(stderr, "pillars-cli simulate: SAFETY VIOLATION (%s) at %s by %s%s: %s\n",
                   v.property.c_str(), formatDuration(secondsToSimTime(v.atS)).c_str(),
                   v.component.c_str(), where.c_str(), v.detail.c_str());
    }
    std::fprintf(stderr, "pillars-cli simulate: the run was halted at the first violation\n");
    return kExitFailed;
  }
  if (verdict != lin::Verdict::Linearizable) {
    std::fprintf(stderr, "pillars-cli simulate: %s\n",
                 verdict == lin::Verdict::NotLinearizable
                     ? "the client history is NOT linearizable"
                     : "the client history could not be checked within the search budget");
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace pillars::cli
