// The GUI monkey test: the real main window, offscreen, driven by random but seeded actions
// (monkey.hpp), checking after each one that the canvas shows exactly the document and that
// nothing the monkey checks itself went wrong; a crash or a sanitizer report ends the process
// with the actions so far already printed.
//
// Each case starts from its own design with its own seed. PILLARS_MONKEY_SEED replaces the
// seed ("random" draws one and prints it) and PILLARS_MONKEY_ACTIONS the number of actions,
// to replay a failure or to search longer:
//   PILLARS_MONKEY_SEED=7 PILLARS_MONKEY_ACTIONS=20000 pillars_monkey_tests --gtest_filter=GuiMonkey.ThreeTier
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "../isolated_home.hpp"
#include "monkey.hpp"
#include "scene_agreement.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

/// Actions per case unless PILLARS_MONKEY_ACTIONS says otherwise: the four cases make 2,000 in
/// every run of the suite (docs/testing.md has what that costs).
constexpr long kDefaultActions = 500;

long actionCount() {
  const QByteArray text = qgetenv("PILLARS_MONKEY_ACTIONS");
  if (text.isEmpty()) return kDefaultActions;
  bool ok = false;
  const long n = text.toLong(&ok);
  if (!ok || n < 0) {
    ADD_FAILURE() << "PILLARS_MONKEY_ACTIONS must be a whole number of actions, not '" << text.toStdString() << "'";
    return 0;
  }
  return n;
}

std::uint64_t seedFor(std::uint64_t caseSeed) {
  const QByteArray text = qgetenv("PILLARS_MONKEY_SEED");
  if (text.isEmpty()) return caseSeed;
  if (text == "random") return std::random_device{}() * 0x100000000ULL + std::random_device{}();
  bool ok = false;
  const qulonglong seed = text.toULongLong(&ok);
  if (!ok) ADD_FAILURE() << "PILLARS_MONKEY_SEED must be a whole number or 'random', not '" << text.toStdString() << "'";
  return seed;
}

class GuiMonkey : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_scratch.isValid());
    m_window.useDefaultLayout();
    m_window.resize(1280, 800);
    m_window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_window));
  }

  /// Opens `example` (or starts from an empty canvas when null) and runs the monkey on it.
  void play(const char* example, std::uint64_t caseSeed) {
    if (example) {
      ASSERT_TRUE(m_window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/") + QLatin1String(example), true));
    } else {
      m_window.newDocument();
    }
    const std::uint64_t seed = seedFor(caseSeed);
    const long count = actionCount();
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    const std::string replay = "PILLARS_MONKEY_SEED=" + std::to_string(seed) + " PILLARS_MONKEY_ACTIONS=" +
                               std::to_string(count) + " pillars_monkey_tests --gtest_filter=GuiMonkey." + name;
    // Printed as they happen, so a crash leaves the way there on the screen.
    std::printf("monkey: %ld actions from %s, seed %llu (replay: %s)\n", count, example ? example : "an empty canvas",
                static_cast<unsigned long long>(seed), replay.c_str());
    std::fflush(stdout);
    Monkey monkey(m_window, seed, m_scratch.path());
    const auto start = std::chrono::steady_clock::now();
    for (long i = 1; i <= count; ++i) {
      const QString line = monkey.act([i](const char* action) {
        std::printf("#%ld (%s) ", i, action);
        std::fflush(stdout);
      });
      std::printf("%s\n", line.toLocal8Bit().constData());
      std::fflush(stdout);
      QStringList problems = monkey.takeDefects();
      if (const QString disagreement = sceneDisagreement(m_window.document(), m_window.scene()); !disagreement.isEmpty()) {
        problems << QStringLiteral("the canvas does not show the document:\n") + disagreement;
      }
      if (!problems.isEmpty()) {
        FAIL() << "after action #" << i << " of seed " << seed << ":\n"
               << problems.join(QLatin1Char('\n')).toStdString() << "\nThe actions are listed above. Replay: " << replay;
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string tally;
    for (const auto& [action, n] : monkey.counts()) tally += " " + action + " " + std::to_string(n) + ",";
    std::printf("monkey: %ld actions in %.1f s, no finding;%s\n", count, seconds, tally.c_str());
  }

 private:
  IsolatedHome m_home;  // recovery copies, recent files and settings of this test's own
  QTemporaryDir m_scratch;
  MainWindow m_window;
};

// Seeds are fixed so that every run of the suite does the same 2,000 actions: a failure is
// reproducible as it is reported. Longer or other searches set PILLARS_MONKEY_SEED.
TEST_F(GuiMonkey, ThreeTier) { play("three-tier.json", 20261207); }
TEST_F(GuiMonkey, EmptyCanvas) { play(nullptr, 16); }
TEST_F(GuiMonkey, RaftGroup) { play("raft-5.json", 5); }
TEST_F(GuiMonkey, RollingUpdate) { play("rolling-update.json", 1016); }

}  // namespace
}  // namespace pillars
