// pillars: the desktop app. `pillars [FILE] [--screenshot OUT.png]`.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>
#include <string_view>

#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/window/main_window.hpp"

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
  parser.process(app);

  pillars::MainWindow window;
  const bool capture = parser.isSet(screenshot);
  if (capture) window.useDefaultLayout();
  const QStringList files = parser.positionalArguments();
  if (!files.isEmpty()) {
    QStringList errors;
    if (!window.openFile(files.front(), capture, &errors) && capture) {
      for (const QString& e : errors) std::fprintf(stderr, "%s\n", qPrintable(e));
      return 1;
    }
  }
  window.show();
  if (!capture) return QApplication::exec();

  // Let the window reach its final size and paint once before it is photographed.
  int status = 0;
  QTimer::singleShot(300, &window, [&] {
    window.applyDefaultDockSizes();
    QApplication::processEvents();
    window.view().fitToWindow();
    const QString out = parser.value(screenshot);
    if (!window.grab().save(out)) {
      std::fprintf(stderr, "pillars: cannot write %s\n", qPrintable(out));
      status = 1;
    }
    QApplication::quit();
  });
  QApplication::exec();
  return status;
}
