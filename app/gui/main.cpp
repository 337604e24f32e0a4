// pillars: the desktop app. `pillars [FILE] [--screenshot OUT.png]`.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <optional>
#include <string_view>

#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "engine/review/apply_pattern.hpp"
#include "engine/util/units.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/review/checklist_panel.hpp"
#include "widgets/review/compare_runs_dialog.hpp"
#include "widgets/review/facts_panel.hpp"
#include "widgets/review/recommender_dialog.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/review/tree_walk_panel.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace {

/// Without a display, Qt would abort with a cryptic message. Pictures and --help need no
/// screen, so they run offscreen; anything else gets told where to go instead.
bool prepareForMissingDisplay(int argc, char** argv) {
  if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
      qEnvironmentVariableIsSet("WAYLAND_DISPLAY")) {
    return true;
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--screenshot" || a.rfind("--screenshot=", 0) == 0 || a == "--help" || a == "-h" ||
        a == "--version" || a == "-v") {
      qputenv("QT_QPA_PLATFORM", "offscreen");
      return true;
    }
  }
  std::fprintf(stderr,
               "pillars: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
               "Run it in a desktop session, under xvfb-run, or use pillars-cli for headless work.\n");
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (!prepareForMissingDisplay(argc, argv)) return 1;
  QApplication app(argc, argv);
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pillars.svg")));
  QGuiApplication::setDesktopFileName(QStringLiteral(PILLARS_APP_ID));
  QApplication::setApplicationName(QStringLiteral("Pillars"));
  QApplication::setOrganizationName(QStringLiteral("Pillars"));
  QApplication::setApplicationVersion(QStringLiteral(PILLARS_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Design, simulate and review distributed systems."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Scenario file to open."));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("Save a picture of the window to <png> and quit."),
                                      QStringLiteral("png"));
  parser.addOption(screenshot);
  const QCommandLineOption runFor(QStringLiteral("run-for"),
                                  QStringLiteral("Simulate FILE for <duration> of simulated time (e.g. 30s) "
                                                 "with animation before --screenshot."),
                                  QStringLiteral("duration"));
  parser.addOption(runFor);
  const QCommandLineOption select(QStringLiteral("select"),
                                  QStringLiteral("Select component <id> (the inspector shows it, with live "
                                                 "figures after --run-for)."),
                                  QStringLiteral("id"));
  parser.addOption(select);
  const QCommandLineOption showReview(QStringLiteral("show-review"),
                                      QStringLiteral("Open the review checklist; with --screenshot, picture it alone."));
  parser.addOption(showReview);
  const QCommandLineOption checklist(
      QStringLiteral("checklist"),
      QStringLiteral("Choose checklist <id> in the Review panel (a bundled one or one of your checklists folder)."),
      QStringLiteral("id"));
  parser.addOption(checklist);
  const QCommandLineOption acceptSuggestions(QStringLiteral("accept-suggestions"),
                                             QStringLiteral("Review > Accept All Suggestions after opening FILE."));
  parser.addOption(acceptSuggestions);
  const QCommandLineOption showRecommender(
      QStringLiteral("show-recommender"),
      QStringLiteral("Open Review > Recommend Patterns; with --screenshot, picture the dialog."));
  parser.addOption(showRecommender);
  const QCommandLineOption treePath(QStringLiteral("tree-path"),
                                    QStringLiteral("Answers to give in the recommender's decision tree, comma "
                                                   "separated (e.g. Start,Performance,I/O)."),
                                    QStringLiteral("answers"));
  parser.addOption(treePath);
  const QCommandLineOption fact(QStringLiteral("fact"),
                                QStringLiteral("Set a fact in the recommender's form (repeatable), as pillars-cli "
                                               "review --fact does."),
                                QStringLiteral("name=value"));
  parser.addOption(fact);
  const QCommandLineOption compareAfter(
      QStringLiteral("compare-after"),
      QStringLiteral("Run FILE to the end, apply <action:target> as Review > Recommend Patterns > Apply does "
                     "(e.g. add_replica:db), run again and open Review > Compare Runs; with --screenshot, "
                     "picture the comparison."),
      QStringLiteral("action:target"));
  parser.addOption(compareAfter);
  parser.process(app);
  std::optional<pillars::SimTime> runTime;
  if (parser.isSet(runFor)) {
    runTime = pillars::parseDuration(parser.value(runFor).toStdString());
    if (!runTime) {
      std::fprintf(stderr, "pillars: --run-for expects a duration such as 30s or 2m, got \"%s\"\n",
                   qPrintable(parser.value(runFor)));
      return 2;
    }
  }

  pillars::MainWindow window;
  const bool capture = parser.isSet(screenshot);
  if (capture) window.useDefaultLayout();
  // Unsaved work from a session that did not end normally comes first (and is not replaced
  // by FILE); screenshots never ask. Without FILE the start page shows.
  const QStringList files = parser.positionalArguments();
  QStringList errors;
  if (!window.startWith(files.value(0), !capture, {}, &errors, capture) && capture) {
    for (const QString& e : errors) std::fprintf(stderr, "%s\n", qPrintable(e));
    return 1;
  }
  window.show();
  if (parser.isSet(select)) {
    const std::string id = parser.value(select).toStdString();
    if (!window.document().scenario().findComponent(id)) {
      std::fprintf(stderr, "pillars: --select: no component \"%s\" in %s\n", id.c_str(), qPrintable(files.value(0)));
      return 2;
    }
    window.scene().selectComponents({id});
  }
  if (runTime) {
    if (!window.simulateActions().ensureLoaded()) {
      std::fprintf(stderr, "pillars: cannot simulate %s\n", qPrintable(files.value(0)));
      return 1;
    }
    // The fastest animated speed: messages in flight are recorded, so the picture shows them.
    window.liveRun().setSpeed(pillars::LiveRun::kMaxSpeed);
    window.liveRun().runUntil(*runTime);
  }
  // What to photograph: the window, or the review panel or dialog asked for.
  QWidget* subject = &window;
  if (parser.isSet(checklist) &&
      !window.reviewActions().session().chooseChecklist(parser.value(checklist).toStdString())) {
    std::fprintf(stderr, "pillars: --checklist: no checklist \"%s\" is loaded\n", qPrintable(parser.value(checklist)));
    return 1;
  }
  if (parser.isSet(acceptSuggestions)) window.reviewActions().acceptAllSuggestions();
  if (parser.isSet(showReview)) {
    window.reviewActions().showChecklist();
    if (capture) {
      // Roomy, so the picture shows questions and evidence side by side.
      window.resize(1700, 1400);
      subject = &window.reviewActions().checklist();
    }
  }
  if (parser.isSet(showRecommender)) {
    pillars::RecommenderDialog* dialog = window.reviewActions().openRecommender();
    if (pillars::TreeWalkPanel* walk = dialog->treeWalk(); walk && parser.isSet(treePath)) {
      for (const QString& answer : parser.value(treePath).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!walk->choose(answer.trimmed())) {
          std::fprintf(stderr, "pillars: --tree-path: \"%s\" is not an answer at \"%s\"\n", qPrintable(answer),
                       qPrintable(walk->statusText()));
          return 2;
        }
      }
    }
    for (const QString& nameValue : parser.values(fact)) {
      const qsizetype eq = nameValue.indexOf(QLatin1Char('='));
      if (eq <= 0) {
        std::fprintf(stderr, "pillars: --fact expects NAME=VALUE, got \"%s\"\n", qPrintable(nameValue));
        return 2;
      }
      if (!dialog->facts().setFactText(nameValue.left(eq).toStdString(), nameValue.mid(eq + 1))) {
        std::fprintf(stderr, "pillars: --fact: no fact named \"%s\" (pillars-cli review --help lists them)\n",
                     qPrintable(nameValue.left(eq)));
        return 2;
      }
    }
    subject = dialog;
  }
  if (parser.isSet(compareAfter)) {
    const QString spec = parser.value(compareAfter);
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
      std::fprintf(stderr, "pillars: --compare-after expects ACTION:TARGET, got \"%s\"\n", qPrintable(spec));
      return 2;
    }
    const pillars::review::ApplyHint hint{spec.left(colon).toStdString(), spec.mid(colon + 1).toStdString()};
    // Two runs to the end, as Simulate › Run to End makes them; each is kept by the document.
    const auto runOnce = [&] { return window.simulateActions().ensureLoaded() && window.liveRun().runToEnd(); };
    if (!runOnce()) {
      std::fprintf(stderr, "pillars: cannot simulate %s\n", qPrintable(files.value(0)));
      return 1;
    }
    const QString error = window.document().applyPattern(
        hint, QStringLiteral("Apply %1").arg(QString::fromStdString(pillars::review::describeHint(hint))));
    if (!error.isEmpty()) {
      std::fprintf(stderr, "pillars: --compare-after: %s\n", qPrintable(error));
      return 2;
    }
    if (!runOnce()) {
      std::fprintf(stderr, "pillars: cannot simulate %s after %s\n", qPrintable(files.value(0)), qPrintable(spec));
      return 1;
    }
    if (QWidget* dialog = window.reviewActions().compareRuns()) subject = dialog;
  }
  if (!capture) return QApplication::exec();

  // Let the window reach its final size and paint once before it is photographed.
  int status = 0;
  std::function<void()> photograph;
  photograph = [&] {
    if (window.liveRun().isPlaying()) {  // --run-for has not reached its time yet
      QTimer::singleShot(50, &window, photograph);
      return;
    }
    window.applyDefaultDockSizes();
    QApplication::processEvents();
    window.view().fitToWindow();
    const QString out = parser.value(screenshot);
    if (!subject->grab().save(out)) {
      std::fprintf(stderr, "pillars: cannot write %s\n", qPrintable(out));
      status = 1;
    }
    // Options such as --accept-suggestions edit the document; a picture never asks to save it.
    window.document().undoStack().setClean();
    QApplication::quit();
  };
  QTimer::singleShot(300, &window, photograph);
  QApplication::exec();
  return status;
}
